import Foundation
import Testing
@testable import KawalStore

@Suite("File fingerprints")
struct FingerprintTests {
    @Test func sha256OfKnownFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kawal-sha-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // FIPS 180-2 test vectors, plus a file spanning several 1 MB reads.
        let cases: [(Data, String)] = [
            (Data(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            (Data("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (Data(repeating: UInt8(ascii: "a"), count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
            (Data(repeating: UInt8(ascii: "a"), count: 3_000_000), "2a152c894398719c0570f83fac34ac03a0f6e8e474b995c2403aa5434f7b9dd4"),
        ]
        for (i, (data, digest)) in cases.enumerated() {
            let path = dir.appendingPathComponent("f\(i)").path
            try data.write(to: URL(fileURLWithPath: path))
            #expect(SHA256.file(path) == digest, "vector \(i)")
        }
        #expect(SHA256.file(dir.appendingPathComponent("missing").path) == nil)
    }
}

import Crypto
import Foundation

/// The SHA-256 fingerprint an import records of its file (swift-crypto's implementation).
enum SHA256 {
    /// The lower-case hex digest of a file, read in 1 MB chunks; nil if it cannot be read.
    static func file(_ path: String) -> String? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var hash = Crypto.SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, 1 << 20, f) }
            if n > 0 { buffer.withUnsafeBytes { hash.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<n])) } }
            if n < 1 << 20 {
                if ferror(f) != 0 { return nil }
                break
            }
        }
        return hash.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

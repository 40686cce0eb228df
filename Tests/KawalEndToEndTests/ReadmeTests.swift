import Foundation
import Testing

/// The README shows real screens: the ones it pastes are the current goldens.
@Suite("README")
struct ReadmeTests {
    @Test func pastedScreensAreTheCurrentGoldens() throws {
        let readme = try String(contentsOf: Harness.root.appendingPathComponent("README.md"), encoding: .utf8)
        for file in ["worklist.80x24.id.txt", "case.80x24.id.txt"] {
            let golden = try String(contentsOf: Harness.root.appendingPathComponent("screens/" + file), encoding: .utf8)
            let block = "```\n" + golden.trimmingCharacters(in: .newlines) + "\n```"
            #expect(readme.contains(block), "README.md should paste screens/\(file) as it is now")
        }
    }
}

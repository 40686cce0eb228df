import Foundation
import KawalDomain
import Testing

/// The README shows real screens (the ones it pastes are the current goldens) and documents
/// the import's header names as the import matches them.
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

    @Test func theHeaderTableListsEveryNameTheImportAccepts() throws {
        let readme = try String(contentsOf: Harness.root.appendingPathComponent("README.md"), encoding: .utf8)
        let labels: [CompanyField: String] = [
            .name: "name", .legalForm: "legal form", .nib: "NIB", .npwp: "NPWP", .npp: "NPP", .kbli: "KBLI", .address: "address",
            .kelurahan: "kelurahan", .kecamatan: "kecamatan", .phone: "phone", .owner: "owner",
            .estimatedWorkers: "estimated workers", .registeredWorkers: "registered workers", .status: "status",
        ]
        for field in CompanyField.allCases {
            let label = try #require(labels[field])
            let row = readme.split(separator: "\n").first { $0.hasPrefix("| \(label) | ") }
            let cells = try #require(row, "no README row for \(label)").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(cells[1] == ImportLayout.aliases(field).joined(separator: ", "), "\(label)")
            let required = ImportSource.allCases.filter { ImportLayout.requiredColumns($0).contains(field) }.map(\.rawValue)
            #expect(cells.count > 2 ? cells[2] == required.joined(separator: ", ") : required.isEmpty, "\(label)")
        }
    }
}

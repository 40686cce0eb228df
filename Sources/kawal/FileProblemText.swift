import KawalStore
import KawalUI

extension Strings {
    /// Why a file could not be read or written, in the user's language (the system's own text
    /// only for a failure without a word of its own).
    func fileProblem(_ p: FileProblem) -> String {
        switch p {
        case .noSuchFile: text(ImportText.fileNoSuchFile)
        case .folder: text(ImportText.fileFolder)
        case .permissionDenied: text(ImportText.filePermission)
        case .notAFile: text(ImportText.fileNotAFile)
        case .diskFull: text(ImportText.fileDiskFull)
        case .readOnly: text(ImportText.fileReadOnly)
        case .other(let text): text
        }
    }
}

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
        case .fileInPath: text(ImportText.fileInPath)
        case .brokenPipe: text(IntakeText.exportFileBrokenPipe)
        case .tooLarge: text(IntakeText.exportFileTooLarge)
        case .other(let text): text
        }
    }

    /// Why a database could not be created or opened, in the user's words.
    func openProblem(_ p: OpenProblem) -> String {
        switch p {
        case .isFolder: text(ImportText.fileFolder)
        case .doesNotExist: text(ImportText.fileNoSuchFile)
        case .folderNotCreated(let folder, let problem): text(ImportText.openFolderNotCreated, folder, fileProblem(problem))
        case .folderNotWritable(let folder): text(ImportText.openFolderNotWritable, folder)
        case .notReadable: text(ImportText.openNotReadable)
        case .needsUpgradeButReadOnly: text(ImportText.openNeedsUpgrade)
        case .other(let words): words
        }
    }
}

/// Why a database could not be opened. Each case names the file so the user knows what to fix.
public enum StoreError: Error, Equatable, Sendable {
    /// The file exists but is not an SQLite database.
    case notADatabase(path: String)
    /// The file is an SQLite database, but not Kawal's: it holds tables and no Kawal migration
    /// (`empty`: it holds nothing at all, and the command would not make it a Kawal database).
    /// It was left as it was.
    case notKawalDatabase(path: String, empty: Bool)
    /// The database has a migration this build does not know: it was written by a newer Kawal.
    case newerSchema(path: String, migration: String)
    /// The file or its folder cannot be created.
    case cannotCreate(path: String, reason: OpenProblem)
    /// The file exists but cannot be opened (or upgraded) for another reason.
    case cannotOpen(path: String, reason: OpenProblem)
    /// Another program held the write lock for longer than the store waits, while opening
    /// needed to write (to set the file up or upgrade it).
    case busy(path: String)
}

/// Why a database file could not be created or opened, for the user's language to word.
public enum OpenProblem: Equatable, Sendable {
    /// The path names a folder.
    case isFolder
    /// Opening read-only, the file is not there.
    case doesNotExist
    /// A missing folder on the path could not be created.
    case folderNotCreated(folder: String, FileProblem)
    /// The folder exists, but a new file cannot be written into it.
    case folderNotWritable(folder: String)
    /// The file exists but this user may not read it.
    case notReadable
    /// The database needs an upgrade, and the file is read-only.
    case needsUpgradeButReadOnly
    /// SQLite's or the system's own words, for failures without a word of their own.
    case other(String)
}

/// Why a write was refused.
public enum StoreWriteError: Error, Equatable, Sendable {
    /// The database was opened read-only.
    case readOnly(path: String)
    /// Demo data is only written into an empty database, so it never mixes with real data.
    case demoNeedsEmptyDatabase(companies: Int)
    /// No case has this id.
    case unknownCase(id: Int64)
    /// Another program (an import, another officer's save) held the write lock for longer than
    /// the store waits. Nothing was written; the same write can be tried again.
    case busy(path: String)
    /// The disk (or the database's size limit) is full. Nothing was written.
    case diskFull(path: String)
}

/// Why a read was refused.
public enum StoreQueryError: Error, Equatable, Sendable {
    /// The row key was not made by the store for this sort (for example the sort changed).
    case badRowKey(RowKey, CompanySort)
}

import KawalDomain

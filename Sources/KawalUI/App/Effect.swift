import KawalDomain

/// Which slice of a list to read.
public enum PageRequest: Hashable, Sendable {
    /// The first rows.
    case first
    /// The rows after this key.
    case after(RowKey)
    /// The rows before this key, or the last rows when nil.
    case before(RowKey?)
    /// The window read again from its first row (nil: from the top of the list), after
    /// another program changed the data; the selection stays on its company.
    case refresh(from: RowKey?)
}

/// Work the app asks for; the runner performs it off the UI thread and answers with an `Action`.
/// Update never does I/O itself.
public enum Effect: Hashable, Sendable {
    /// Read a page; answer `.pageLoaded` with the same generation.
    case loadPage(generation: Int, query: CompanyQuery, request: PageRequest, limit: Int)
    /// Count the rows; answer `.countLoaded`, first with a quick lower bound for a broad
    /// search (`exact: false`), then with the exact number.
    case count(generation: Int, query: CompanyQuery)
    /// Read one company; answer `.detailLoaded`.
    case loadDetail(id: Int64)
    /// Read the sector codes present; answer `.sectorsLoaded`.
    case loadSectors
    /// Repaint the whole terminal (Ctrl-L).
    case redraw
    /// Export the list as `query` shows it to a new CSV file named from `fileName` in the current
    /// folder; answer `.exportProgress` now and then, then `.exportFinished` or `.exportFailed`.
    case exportList(query: CompanyQuery, fileName: String, delimiter: ExportDelimiter, language: Language)
    /// Stop the export in progress at its next row; it answers `.exportCancelled`.
    case cancelExport
    /// Read the latest import, if any; answer `.latestImportLoaded`.
    case loadLatestImport
    /// Read the latest imports; answer `.importRunsLoaded`.
    case loadImportRuns(limit: Int)
    /// Read a page of the pending possible duplicates; answer `.duplicatesLoaded`.
    case loadDuplicates(page: DuplicatePage, limit: Int)
    /// Record a review decision as the OS login on `today`; answer `.duplicateResolved` or `.duplicateResolveFailed`.
    case resolveDuplicate(pair: DuplicatePair, decision: DuplicateDecision, today: Day)
    /// Read today's worklist; answer `.worklistLoaded` with the same generation.
    case loadWorklist(generation: Int, query: TodayQuery)
    /// Count the cases per stage for the worklist; answer `.stageCountsLoaded` with the same generation.
    case loadStageCounts(generation: Int, query: TodayQuery)
    /// Ask the policy what may happen next to a case; answer `.outlookLoaded`.
    case loadOutlook(companyID: Int64, caseID: Int64, officer: ActingOfficer, today: Day)
    /// Record what a form asks, as `officer`; answer `.caseSaved` or `.caseSaveFailed`.
    case saveCase(companyID: Int64, caseID: Int64, request: CaseRequest, officer: ActingOfficer, today: Day)
    /// Render a letter for a case; answer `.letterLoaded`.
    case loadLetter(caseID: Int64, kind: LetterKind, date: Day, draftNumber: String)
    /// Write a letter's text to a file; answer `.letterWritten` or `.letterWriteFailed`.
    case writeLetter(text: String, path: String)
}

/// Something that happened: a key, a resize, or the result of an effect.
public enum Action: Hashable, Sendable {
    case key(Key)
    case resized(Size)
    /// Another program (an import, another officer's Kawal) committed to the database.
    case databaseChanged
    case pageLoaded(generation: Int, request: PageRequest, page: CompanyPage)
    case countLoaded(generation: Int, count: Int, exact: Bool)
    case detailLoaded(id: Int64, detail: CompanyDetail?)
    case sectorsLoaded([String])
    case loadFailed(message: String)
    case exportProgress(rows: Int)
    case exportFinished(path: String, rows: Int)
    /// The export stopped when asked; nothing was left under the file's name.
    case exportCancelled
    case exportFailed(message: String)
    case importRunsLoaded(runs: [ImportRun], total: Int)
    case latestImportLoaded(ImportRun?)
    /// `first`: how many pending pairs come before `pairs[0]`.
    case duplicatesLoaded(pairs: [DuplicatePair], pending: Int, first: Int = 0)
    case duplicateResolved(pair: DuplicatePair, decision: DuplicateDecision)
    case duplicateResolveFailed(pair: DuplicatePair, failure: ReviewFailure)
    case worklistLoaded(generation: Int, worklist: TodayList)
    case stageCountsLoaded(generation: Int, counts: [Stage: Int])
    case outlookLoaded(companyID: Int64, outlook: CaseOutlook)
    case caseSaved(companyID: Int64, request: CaseRequest)
    case caseSaveFailed(companyID: Int64, failure: SaveFailure)
    case letterLoaded(caseID: Int64, kind: LetterKind, letter: Result<String, SaveFailure>)
    case letterWritten(path: String)
    case letterWriteFailed(path: String, message: String)
}

import CSV
import Foundation
import KawalDomain

/// Why a file could not be imported. Nothing was written. Each case names what to fix.
public enum ImportError: Error, Equatable, Sendable {
    /// The file does not exist, is a folder or a pipe, or cannot be read.
    case cannotRead(path: String, reason: FileProblem)
    /// The file has no header row (it is empty).
    case empty(path: String)
    /// The file is not UTF-8 text from this line on (binary, or another encoding).
    case notUTF8(path: String, line: Int)
    /// The file is an Excel workbook (`.xlsx` or `.xls`), not CSV.
    case spreadsheet(path: String)
    /// The header lacks required columns; `found` is the header as written.
    case missingColumns([CompanyField], found: [String])
    /// The rejected rows could not be written beside the file.
    case cannotWriteRejected(path: String, reason: FileProblem)
    /// The database was opened read-only.
    case readOnly(path: String)
    /// A dry run on a database opened read-only: a dry run writes the import and rolls it back.
    case dryRunReadOnly(path: String)
    /// `--delimiter` named one under which the file has no header; under `works` it has one.
    case wrongDelimiter(given: String, works: String)
    /// The file is UTF-16 text (Excel's "Unicode Text"), not UTF-8.
    case utf16(path: String)
    /// The file's columns are separated by tabs (Excel's "Text (Tab delimited)").
    case tabSeparated(path: String)
    /// A cell opens with a quote on `line` that is not closed within `QuoteWatch.maxLineBreaks`
    /// lines, or is still open at the end of the file: the rows after it would be read as part
    /// of that cell. `start`: the cell's first characters, as written.
    case unclosedQuote(path: String, line: Int, start: String)
    /// The row starting on `line` is longer than `QuoteWatch.maxRowBytes`: not a list of companies.
    case rowTooLong(path: String, line: Int)
}

extension ImportError {
    var isUnclosedQuote: Bool { if case .unclosedQuote = self { true } else { false } }
}

/// The delimiter of an import file: given, or detected from its header line.
public enum ImportDelimiter: String, Sendable, CaseIterable {
    case auto
    case comma = ","
    case semicolon = ";"
}

/// What a file's first bytes say about how to read it.
struct FileShape {
    var delimiter: UnicodeScalar
    var hasBOM: Bool
    var crlf: Bool

    /// Excel's `sep=;` first line, which names the delimiter (the reader skips it as a title line).
    var sepLine = false
    /// The file starts as an Excel workbook does: a zip (`.xlsx`) or an OLE2 compound file (`.xls`).
    var workbook = false
    /// The file starts with a UTF-16 byte order mark (Excel's "Unicode Text").
    var utf16 = false

    /// Whether text without a byte order mark is UTF-16: a NUL in every other byte, the high
    /// half of each ASCII character (a header's letters, digits and delimiters), on one side of
    /// the pairs and not the other. UTF-8 text has no NUL bytes in its first lines.
    static func looksLikeUTF16(_ start: ArraySlice<UInt8>) -> Bool {
        let sample = start.prefix(512)
        guard sample.count >= 8 else { return false }
        var even = 0, odd = 0
        for (k, b) in sample.enumerated() where b == 0 {
            if k % 2 == 0 { even += 1 } else { odd += 1 }
        }
        let pairs = sample.count / 2
        return max(even, odd) * 3 >= pairs * 2 && min(even, odd) * 10 <= pairs
    }

    /// Looks at the first 64 KB: a UTF-8 BOM, CRLF line ends, and the delimiter: of the first ten
    /// lines, the one with the most `,` or `;` outside quotes (the header, not a title above it)
    /// decides which of the two it uses more (`,` on a tie or when none has either). Excel's
    /// `sep=;` (or `sep=,`) first line decides it outright.
    static func sniff(path: String) -> FileShape {
        var shape = FileShape(delimiter: ",", hasBOM: false, crlf: false)
        guard let f = fopen(path, "rb") else { return shape }
        defer { fclose(f) }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, 65_536, f) }
        var i = 0
        if n >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { shape.hasBOM = true; i = 3 }
        if n >= 4, Array(buffer[0..<4]) == [0x50, 0x4B, 0x03, 0x04] || Array(buffer[0..<4]) == [0xD0, 0xCF, 0x11, 0xE0] {
            shape.workbook = true
            return shape
        }
        if n >= 2, (buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF) || looksLikeUTF16(buffer[0..<n]) {
            shape.utf16 = true
            return shape
        }
        if n >= i + 5, Array(buffer[i..<i + 4]) == Array("sep=".utf8), buffer[i + 4] == 0x2C || buffer[i + 4] == 0x3B,
           i + 5 == n || buffer[i + 5] == 0x0A || buffer[i + 5] == 0x0D {
            shape.delimiter = buffer[i + 4] == 0x3B ? ";" : ","
            shape.sepLine = true
        }
        var quoted = false
        var commas = 0, semicolons = 0
        var lines = 0
        var most = 0
        var delimiter: UnicodeScalar = ","
        func endLine() {
            if max(commas, semicolons) > most {
                most = max(commas, semicolons)
                delimiter = semicolons > commas ? ";" : ","
            }
            commas = 0
            semicolons = 0
            lines += 1
        }
        while i < n, lines < 10 {
            let b = buffer[i]
            if b == 0x22 { quoted.toggle() }
            if !quoted {
                if b == 0x0A {
                    if lines == 0 { shape.crlf = i > 0 && buffer[i - 1] == 0x0D }
                    endLine()
                }
                if b == 0x2C { commas += 1 }
                if b == 0x3B { semicolons += 1 }
            }
            i += 1
        }
        if lines < 10 { endLine() }
        if !shape.sepLine { shape.delimiter = delimiter }
        return shape
    }
}

/// The file's bytes on their way to the CSV reader, followed as that reader splits them into
/// cells: to stop a row that would swallow the rest of the file, and to mark the rows whose
/// cells the reader garbles (`takeStray`).
///
/// A cell that opens with `"` lasts until a `"` followed by the delimiter or a line end. One
/// stray quote at the start of a cell (a name typed as `"SINAR" JAYA` by a program that does not
/// double its quotes) thus makes every line after it part of that cell, up to the next quote
/// that closes: in a file without other quotes, the end of the file. The reader would hold it all
/// in memory and hand back one enormous row. The watch ends the stream instead, once a quoted cell
/// spans more than `maxLineBreaks` lines or a row passes `maxRowBytes`, or when a quoted cell
/// spanning lines is still open at the end, and says where the cell began (`problem`).
///
/// It follows CSV.swift's rules byte by byte: the delimiter, quotes and line ends are ASCII and
/// never part of a multi-byte UTF-8 character. Lines are counted as `ImportFileReader` counts them
/// (CRLF once, a lone CR or LF once).
final class QuoteWatch: InputStream {
    /// More line breaks than this inside one quoted cell: no address or note has them.
    static let maxLineBreaks = 1_000
    /// A row longer than this (the 100,000-character field of the tests is a tenth of it).
    static let maxRowBytes = 1 << 20

    enum Problem: Equatable {
        case unclosedQuote(line: Int, start: String)
        case rowTooLong(line: Int)

        func error(_ path: String) -> ImportError {
            switch self {
            case .unclosedQuote(let line, let start): .unclosedQuote(path: path, line: line, start: start)
            case .rowTooLong(let line): .rowTooLong(path: path, line: line)
            }
        }
    }

    private enum State { case fieldStart, unquoted, quoted, quoteSeen }

    private let inner: InputStream
    private let delimiter: UInt8
    /// Where the reading stands. A struct, so that the loop over every byte works on its fields
    /// directly (a class's stored properties are checked for exclusive access at each use).
    private var scan = Scan()
    private var atStart = true

    var problem: Problem? { scan.problem }

    init?(path: String, delimiter: UnicodeScalar) {
        guard let inner = InputStream(fileAtPath: path), delimiter.isASCII else { return nil }
        self.inner = inner
        self.delimiter = UInt8(delimiter.value)
        super.init(data: Data())
    }

    override func open() { inner.open() }
    override func close() { inner.close() }
    override var streamStatus: Stream.Status { inner.streamStatus }
    override var streamError: (any Error)? { inner.streamError }
    override var hasBytesAvailable: Bool { scan.problem == nil && inner.hasBytesAvailable }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
        if scan.problem != nil { return 0 }
        let n = inner.read(buffer, maxLength: len)
        if n == 0 { scan.end() }
        if n > 0 {
            var first = 0
            if atStart {
                atStart = false
                // The reader skips a byte order mark.
                if n >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { first = 3 }
                scan.rowStart = first
            }
            scan.follow(UnsafeBufferPointer(start: buffer, count: n), from: first, delimiter: delimiter)
        }
        return n
    }

    /// The bytes of row `row` (see `Scan.strays`) if a stray quote garbled it; asked once per row.
    func takeStray(_ row: Int) -> Range<Int>? { scan.strays.removeValue(forKey: row) }

    private struct Scan {
        var problem: Problem?
        var state = State.fieldStart
        var line = 1
        var previous: UInt8 = 0
        var rowLine = 1
        var rowBytes = 0
        var cellLine = 0
        var cellBreaks = 0
        var cellStart: [UInt8] = []
        /// The rows (numbered from 0 in the order the CSV reader returns them, blank ones included)
        /// in which a quote inside a quoted cell is followed by anything but a quote, the delimiter
        /// or a line end. CSV.swift then keeps the cell open and drops that character, so the row's
        /// cells are not what the file says. Each with the bytes it spans in the file, its line
        /// end aside.
        var strays: [Int: Range<Int>] = [:]
        var row = 0
        /// The file offset of the next chunk.
        var offset = 0
        var rowStart = 0
        var rowStray = false
        /// A CR just ended a row: an LF right after it belongs to that line end.
        var crEnded = false

        /// The end of the file.
        mutating func end() {
            if state == .quoted, cellBreaks > 0 { problem = .unclosedQuote(line: cellLine, start: QuoteWatch.start(cellStart)) }
            if rowStray, offset > rowStart { strays[row] = rowStart..<offset }  // the last row, without a line end
            rowStray = false
        }

        mutating func follow(_ bytes: UnsafeBufferPointer<UInt8>, from first: Int, delimiter: UInt8) {
            defer { offset += bytes.count }
            let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
            var i = first
            while i < bytes.count {
                let b = bytes[i]
                i += 1
                let lineBreak = b == cr || (b == lf && previous != cr)
                previous = b
                if lineBreak { line += 1 }
                if crEnded {
                    crEnded = false
                    if b == lf {
                        rowStart = offset + i
                        continue
                    }
                }
                rowBytes += 1
                var opened = false
                switch state {
                case .fieldStart, .unquoted, .quoteSeen:
                    if state == .fieldStart, b == quote {
                        state = .quoted
                        opened = true
                        cellLine = line
                        cellBreaks = 0
                        cellStart.removeAll(keepingCapacity: true)
                    } else if b == cr || b == lf {
                        state = .fieldStart
                        rowBytes = 0
                        rowLine = line
                        if rowStray { strays[row] = rowStart..<(offset + i - 1) }
                        rowStray = false
                        row += 1
                        rowStart = offset + i
                        crEnded = b == cr
                    } else if b == delimiter {
                        state = .fieldStart
                    } else {
                        // After a closing quote, another quote is an escaped one; anything else
                        // keeps the cell open (CSV.swift drops that character).
                        if state == .quoteSeen, b != quote { rowStray = true }
                        state = state == .quoteSeen ? .quoted : .unquoted
                    }
                case .quoted:
                    if b == quote {
                        state = .quoteSeen
                    } else if lineBreak {
                        cellBreaks += 1
                    }
                }
                if state == .quoted || state == .quoteSeen {
                    // The cell as written after its opening quote, for the error to quote.
                    if !opened, cellStart.count < 200 { cellStart.append(b) }
                    if cellBreaks > QuoteWatch.maxLineBreaks || rowBytes > QuoteWatch.maxRowBytes {
                        problem = .unclosedQuote(line: cellLine, start: QuoteWatch.start(cellStart))
                        return
                    }
                }
                if rowBytes > QuoteWatch.maxRowBytes {
                    problem = .rowTooLong(line: rowLine)
                    return
                }
            }
        }
    }

    /// The first characters of a cell, up to its first line break, for the error to quote.
    private static func start(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" && $0 != "\r\n" }
        return firstLine.count > 40 ? String(firstLine.prefix(40)) + "…" : String(firstLine)
    }
}

/// One row of an import file as read and checked (on the reading thread).
struct ReadRow: Sendable {
    /// The line the row starts on (the header is line 1).
    var line: Int
    /// The checked row, or why it was refused.
    var result: Result<ImportRecord, RowProblem>
    /// The cells as read, for the rejected file: a checked row may still be refused by the
    /// writer (`MatchRules.clash`).
    var cells: [String]
    /// Bytes of the file read so far (approximately), for progress.
    var bytes: Int
    /// The keys the writer would otherwise compute for a checked row, computed here on the
    /// reading thread, which has time to spare.
    var keys: RowKeys?
    /// The row as the file has it, when its cells are not (`RowProblem.strayQuote`): the rejected
    /// file gets these lines unchanged.
    var raw: String? = nil
}

/// The folded and matching keys of a checked row's texts, each with the text it was made from
/// (the writer uses a key only for that exact text).
struct RowKeys: Sendable {
    let name: String
    let nameMatch: String
    let nameFold: String
    let address: String
    let addressFold: String
    let owner: String
    let ownerFold: String

    init(_ r: ImportRecord) {
        name = r.name
        nameMatch = CompanyName.matchKey(r.name)
        nameFold = NameKey.fold(r.name)
        address = r.address ?? ""
        addressFold = NameKey.fold(address)
        owner = r.owner ?? ""
        ownerFold = NameKey.fold(owner)
    }

    /// `NameKey.fold(text)`, from the keys when they were made from `text`.
    func fold(_ text: String) -> String {
        text == name ? nameFold : text == address ? addressFold : text == owner ? ownerFold : NameKey.fold(text)
    }

    /// `CompanyName.matchKey(text)`, from the keys when they were made from `text`.
    func matchKey(_ text: String) -> String {
        text == name ? nameMatch : CompanyName.matchKey(text)
    }
}

/// Streams an import file's rows through CSV.swift: the header first, then checked rows.
/// Memory stays flat: one row at a time.
final class ImportFileReader: @unchecked Sendable {
    let path: String
    let shape: FileShape
    let fileSize: Int
    let header: [String]
    /// How the header maps to columns, through a second heading row below it if there is one
    /// (read when the file is opened).
    private(set) var layout: ImportLayout.Header
    let source: ImportSource
    private let reader: CSVReader
    private let watch: QuoteWatch
    /// Rows the CSV reader has returned, blank ones included: the next one's number for the watch.
    private var rowsRead: Int
    /// The file, opened to copy rows garbled by a stray quote as they are written.
    private var rawFile: FileHandle?
    private var line: Int
    private var bytes: Int

    init(path: String, source: ImportSource, delimiter: ImportDelimiter) throws(ImportError) {
        self.path = path
        self.source = source
        var info = stat()
        guard stat(path, &info) == 0 else { throw .cannotRead(path: path, reason: FileProblem(errno: errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .cannotRead(path: path, reason: .folder)
        // The file is read several times (its shape, its header, its rows, its fingerprint).
        default: throw .cannotRead(path: path, reason: .notAFile)
        }
        guard access(path, R_OK) == 0 else { throw .cannotRead(path: path, reason: .permissionDenied) }
        fileSize = Int(info.st_size)
        var shape = FileShape.sniff(path: path)
        if shape.workbook { throw .spreadsheet(path: path) }
        if shape.utf16 { throw .utf16(path: path) }
        let given: UnicodeScalar
        switch delimiter {
        case .auto: given = shape.delimiter
        case .comma: given = ","
        case .semicolon: given = ";"
        }
        // The other one is tried too when the first finds no header. Sniffed, it is used: a title
        // line above the header may use more of the other delimiter than the header does (unless
        // Excel's `sep=` line named it). Given, it only tells the error what would have worked.
        let other: UnicodeScalar = given == ";" ? "," : ";"
        let candidates = delimiter == .auto && shape.sepLine ? [given] : [given, other]
        var firstFailure: ImportError?
        for candidate in candidates {
            let found: HeaderFound
            do {
                found = try Self.findHeader(path: path, source: source, delimiter: candidate, hasBOM: shape.hasBOM)
            } catch .missingColumns(let missing, let cells) {
                firstFailure = firstFailure ?? .missingColumns(missing, found: cells)
                continue
            } catch let e where e.isUnclosedQuote {
                // Under the wrong delimiter a quoted cell never ends (`"a,b",c` read with `;`).
                firstFailure = firstFailure ?? e
                continue
            }
            if candidate != given, delimiter != .auto { throw .wrongDelimiter(given: String(given), works: String(other)) }
            shape.delimiter = candidate
            self.shape = shape
            reader = found.reader
            watch = found.watch
            header = found.cells
            layout = found.layout
            titleRows = found.titleRows
            line = found.line
            bytes = found.bytes
            rowsRead = found.rows
            if let two = found.twoRows {
                subHeadingLine = two.line
                subHeadings = two.subHeadings
            }
            // The first row is read now: when it is a second heading row, the header reads
            // through it before any row is checked, and the rejected file can repeat it.
            lookahead = try read()
            return
        }
        // A file separated by tabs (Excel's "Text (Tab delimited)"): say so rather than list
        // every column as missing.
        if case .missingColumns? = firstFailure,
           (try? Self.findHeader(path: path, source: source, delimiter: "\t", hasBOM: shape.hasBOM)) != nil {
            throw .tabSeparated(path: path)
        }
        throw firstFailure ?? .empty(path: path)
    }

    /// A header found: the reader positioned after it, its cells and match, the rows above it,
    /// the line and byte the rows start at, and how many rows the reader has returned (the header's
    /// included; see `QuoteWatch.takeStray`).
    private typealias HeaderFound = (
        reader: CSVReader, watch: QuoteWatch, cells: [String], layout: ImportLayout.Header, titleRows: Int, line: Int, bytes: Int,
        rows: Int, twoRows: (subHeadings: [String]?, line: Int)?
    )

    /// Reads the file from the start with `delimiter` until its header (`ImportLayout.HeaderSearch`).
    /// Throws `missingColumns` naming the row that came closest when no row is a header.
    private static func findHeader(path: String, source: ImportSource, delimiter: UnicodeScalar, hasBOM: Bool) throws(ImportError)
        -> HeaderFound {
        guard let watch = QuoteWatch(path: path, delimiter: delimiter) else { throw .cannotRead(path: path, reason: FileProblem(errno: errno)) }
        let reader: CSVReader
        do {
            reader = try CSVReader(stream: watch, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
        } catch {
            throw .cannotRead(path: path, reason: FileProblem(watch.streamError, errno: errno))
        }
        var search = ImportLayout.HeaderSearch(source: source)
        var lineNumber = 1
        var read = hasBOM ? 3 : 0
        var rows = 0
        while !search.isOver {
            let next = reader.next()
            if let problem = watch.problem { throw problem.error(path) }
            guard let row = next else {
                if decodingFailed(reader) { throw .notUTF8(path: path, line: lineNumber) }
                break
            }
            if decodingFailed(reader) { throw .notUTF8(path: path, line: lineNumber) }
            let start = lineNumber
            lineNumber += 1 + lineBreaks(row)
            read += size(row)
            rows += 1
            if let header = search.offer(row) {
                let two = search.twoRows
                return (reader, watch, two?.cells ?? row, header, search.titleRows, lineNumber, read, rows,
                        two.map { ($0.subHeadings, start) })
            }
        }
        guard let closest = search.closest else { throw .empty(path: path) }
        throw .missingColumns(closest.header.missing, found: closest.cells)
    }

    /// Non-blank rows above the header (a title, Excel's `sep=;`), skipped.
    let titleRows: Int
    /// Rows below the header that repeat it (`ImportLayout.Header.isRepeated`), skipped, and the
    /// line of the first.
    private(set) var repeatedHeaders = SkippedRows()
    /// Totals rows (`ImportLayout.Header.isTotals`), skipped.
    private(set) var totalsRows = SkippedRows()
    /// Rows with nothing in a recognised column (`ImportLayout.Header.givesNothing`), skipped.
    private(set) var emptyRows = SkippedRows()
    /// Section headings of a list grouped by place (`ImportLayout.Header.isSectionHeading`), skipped.
    private(set) var sectionHeadings = SkippedRows()
    /// Rows of a signature block (`ImportLayout.Header.opensSignature`), skipped; and whether the
    /// rows read last were in one.
    private(set) var signatureRows = SkippedRows()
    private var inSignature = false
    /// The line of a second heading row (`ImportLayout.Header.readingSubHeadings`, or the second
    /// of a header written over two rows: `ImportLayout.twoRowHeader`), skipped.
    private(set) var subHeadingLine: Int?
    /// That row's parts of a worker count alone, for the rejected file to repeat (nil: none).
    private(set) var subHeadings: [String]?
    /// Whether a non-blank row below the header has been read: only the first may be a second heading row.
    private var belowHeader = false
    /// The first row below the header (and a second heading row), read when the file is opened.
    private var lookahead: ReadRow?
    private var lookaheadTaken = false

    /// The next non-blank row, checked; nil at the end of the file.
    /// The header's last `n` cells are an earlier rejection's line and reason: a row may leave
    /// them out (`ImportLayout.Header.omissibleTrailing`). Called before the rows are read.
    func allowingOmitted(trailing n: Int) {
        layout.omissibleTrailing = n
    }

    func next() throws(ImportError) -> ReadRow? {
        if !lookaheadTaken {
            lookaheadTaken = true
            defer { lookahead = nil }
            return lookahead
        }
        return try read()
    }

    private func read() throws(ImportError) -> ReadRow? {
        while true {
            let next = reader.next()
            // The watch reads ahead of the rows: the file is refused whole, whichever row is next.
            if let problem = watch.problem { throw problem.error(path) }
            guard let cells = next else {
                if decodingFailed { throw .notUTF8(path: path, line: line) }
                return nil
            }
            // A decoding error ends the row early: the rest of the file is not UTF-8.
            if decodingFailed { throw .notUTF8(path: path, line: line) }
            let start = line
            line += 1 + Self.lineBreaks(cells)
            bytes += Self.size(cells)
            let number = rowsRead
            rowsRead += 1
            if let span = watch.takeStray(number) {
                // Its cells are not what the file says: refused, and copied to the rejected file as written.
                let raw = try rawBytes(span)
                return ReadRow(line: start, result: .failure(.strayQuote(lines: 1 + Self.lineBreaks([raw]))), cells: cells,
                               bytes: min(bytes, fileSize), keys: nil, raw: raw)
            }
            if cells.allSatisfy(\.isEmpty) { continue }  // a blank line is not a row
            if !belowHeader {
                belowHeader = true
                if let read = layout.readingSubHeadings(cells, under: header) {
                    layout = read
                    (subHeadingLine, subHeadings) = (start, cells)
                    continue
                }
            }
            if layout.isRepeated(by: cells) {
                repeatedHeaders.add(line: start)
                continue
            }
            if layout.isTotals(cells) {
                totalsRows.add(line: start)
                continue
            }
            if layout.givesNothing(cells) {
                emptyRows.add(line: start)
                continue
            }
            if layout.isSectionHeading(cells) {
                sectionHeadings.add(line: start)
                continue
            }
            // The signature block a government list ends with: its first line says what it is
            // (`Mengetahui,`, `Kepala Dinas …`, `NIP. …`), and the lines of one cell after it (the
            // signer's name, rank) belong to it, blank lines between them or not.
            if layout.opensSignature(cells) || inSignature && layout.holdsOneCell(cells) {
                inSignature = true
                signatureRows.add(line: start)
                continue
            }
            inSignature = false
            let result = ImportRecord.check(Self.composed(cells), header: layout, source: source)
            let keys = (try? result.get()).map(RowKeys.init)
            return ReadRow(line: start, result: result, cells: cells, bytes: min(bytes, fileSize), keys: keys)
        }
    }

    /// The cells in composed form (NFC). A file saved on a Mac writes `é` as `e` followed by a
    /// combining accent: stored so, the name would match, sort and search apart from the `é`
    /// the other list writes, and a terminal would show a bare `e`. (The rejected file keeps the
    /// cells as written.)
    static func composed(_ cells: [String]) -> [String] {
        // Combining diacritical marks, U+0300…U+036F, begin with CC or CD in UTF-8.
        func mayCombine(_ s: String) -> Bool { s.utf8.contains { $0 == 0xCC || $0 == 0xCD } }
        guard cells.contains(where: mayCombine) else { return cells }
        return cells.map { mayCombine($0) ? $0.precomposedStringWithCanonicalMapping : $0 }
    }

    /// The text of the file at `span` (at most `QuoteWatch.maxRowBytes`).
    private func rawBytes(_ span: Range<Int>) throws(ImportError) -> String {
        do {
            if rawFile == nil { rawFile = try FileHandle(forReadingFrom: URL(fileURLWithPath: path)) }
            try rawFile!.seek(toOffset: UInt64(span.lowerBound))
            let data = try rawFile!.read(upToCount: span.count) ?? Data()
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw .cannotRead(path: path, reason: FileProblem(error, errno: errno))
        }
    }

    deinit { try? rawFile?.close() }

    /// Whether the file stopped decoding as UTF-8 (CSV.swift also reports the end of a file
    /// stream as a read error, which is not one).
    private var decodingFailed: Bool { Self.decodingFailed(reader) }

    private static func decodingFailed(_ reader: CSVReader) -> Bool {
        if case CSVError.unicodeDecoding? = reader.error { return true }
        return false
    }

    /// Line breaks inside quoted cells (CRLF counts once).
    static func lineBreaks(_ cells: [String]) -> Int {
        var n = 0
        for c in cells {
            var previousCR = false
            for b in c.utf8 {
                if b == 0x0A { if !previousCR { n += 1 } } else if b == 0x0D { n += 1 }
                previousCR = b == 0x0D
            }
        }
        return n
    }

    /// Approximate bytes of a row in the file: its cells, a delimiter or line end after each.
    static func size(_ cells: [String]) -> Int { cells.reduce(0) { $0 + $1.utf8.count + 1 } }
}

/// Writes refused rows, unchanged, to `FILE.rejected.csv`, with their line number and the reason.
///
/// The rows go to `FILE.rejected.csv.partial-PID`, a name of this process's own (two imports
/// of one list, into one database or two, may run at once); `commit` moves them into place just before the
/// database commits, keeping the previous rejected file aside as `.before`. `finish` (the database
/// committed) removes that; `discard` (anything failed, the commit included) removes what this
/// import wrote and puts the previous file back, so a failed import leaves the files as it found them.
final class RejectedWriter {
    let path: String
    private let temporary: String
    private let previous: String
    /// Whether `commit` moved files; `discard` then undoes it.
    private var moved = false
    private var writer: CSVWriter?
    private let header: [String]
    private let shape: FileShape
    /// How many last cells of a row an earlier rejection added (its line and reason), replaced here.
    private let replacing: Int
    private(set) var count = 0

    /// A second heading row, written below the header: without it, the rejected file imported
    /// again would read its worker counts from their first part.
    private let subHeading: [String]?

    /// `header`: the file's header with the two added columns (and without `replacing` earlier ones);
    /// `subHeading`: the file's second heading row, as it has it.
    init(path: String, header: [String], subHeading: [String]? = nil, replacing: Int = 0, shape: FileShape) {
        self.path = path
        self.temporary = path + Self.partialMark + String(getpid())
        self.previous = path + ".before"
        self.header = header
        self.subHeading = subHeading
        self.replacing = replacing
        self.shape = shape
    }

    /// Writes a refused row: as the file has it when its cells are not what the file says
    /// (`ReadRow.raw`), else its cells.
    func write(_ row: ReadRow, reason: String) throws(ImportError) {
        do {
            if let raw = row.raw {
                try write(raw: raw, line: row.line, reason: reason)
            } else {
                try write(row.cells, line: row.line, reason: reason)
            }
            count += 1
        } catch let e as ImportError {
            throw e
        } catch {
            throw failed(errno)
        }
    }

    private func write(_ cells: [String], line: Int, reason: String) throws {
        // A row shorter than the header is padded with empty cells, so that its line and reason
        // stand under their own headings, and the row, once its missing cells are typed in, has
        // as many as the header.
        var row = withoutCarried(cells)
        if row.count < header.count - 2 { row += Array(repeating: "", count: header.count - 2 - row.count) }
        try opened().write(row: row + [String(line), reason])
    }

    /// A row's cells without the line and reason an earlier rejection added. A row of the wrong
    /// width keeps every cell: which ones were added is not known.
    private func withoutCarried(_ cells: [String]) -> [String] {
        replacing > 0 && cells.count == header.count - 2 + replacing ? Array(cells.dropLast(replacing)) : cells
    }

    /// Writes a row the CSV reader could not split (`RowProblem.strayQuote`) exactly as the file
    /// has it, its lines included, followed by the line and reason cells.
    private func write(raw: String, line: Int, reason: String) throws {
        let w = try opened()
        // The writer starts each row with a line end and each later cell with the delimiter.
        let bytes = Array(((shape.crlf ? "\r\n" : "\n") + raw).utf8)
        guard w.stream.write(bytes, maxLength: bytes.count) == bytes.count else { throw failed(errno) }
        try w.write(field: String(line))
        try w.write(field: reason)
    }

    /// What follows the rejected file's name in a temporary one, before the writing process's id.
    static let partialMark = ".partial-"

    /// Removes the temporary files of imports of this list that were killed outright (SIGKILL,
    /// a power cut): those whose process is gone. Another import's, still running, is left alone.
    private func removeLeftovers() {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = url.lastPathComponent + Self.partialMark
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(folder + "/" + name)
        }
    }

    /// The writer, with the file created and its header written on first use.
    private func opened() throws -> CSVWriter {
        if writer == nil {
            removeLeftovers()
            PendingFile.register(temporary)
            // Created here first, for the reason it cannot be: the stream's own error would have
            // CoreFoundation print linking warnings about sockets above the message.
            let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard fd >= 0 else { throw failed(errno) }
            close(fd)
            guard let stream = OutputStream(toFileAtPath: temporary, append: false) else { throw failed(errno) }
            stream.open()
            if stream.streamStatus != .open { throw failed(errno) }
            if shape.hasBOM {
                let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
                guard stream.write(bom, maxLength: 3) == 3 else { throw failed(errno) }
            }
            let w = try CSVWriter(stream: stream, delimiter: String(shape.delimiter), newline: shape.crlf ? .crlf : .lf)
            try w.write(row: header)
            if let subHeading { try w.write(row: withoutCarried(subHeading) + ["", ""]) }
            writer = w
        }
        return writer!
    }

    /// The error for a write that failed with `code` (the system's `errno`, read right after the
    /// failing call): never the stream's `streamError` (see `opened`).
    private func failed(_ code: Int32) -> ImportError {
        .cannotWriteRejected(path: path, reason: FileProblem(nil, errno: code))
    }

    /// Moves the written rows into place (an import without rejected rows moves an old file
    /// away), keeping the previous file as `.before` until `finish` or `discard`.
    func commit() throws(ImportError) {
        let hadOld = access(path, F_OK) == 0
        if let w = writer {
            let newline = shape.crlf ? "\r\n" : "\n"
            _ = w.stream.write(Array(newline.utf8), maxLength: newline.utf8.count)
            w.stream.close()
            writer = nil
        }
        // A `.before` an import killed here left behind: this import's would replace it anyway,
        // and a signal below must not put it back.
        unlink(previous)
        // From here until the database commits, Ctrl-C or a kill puts the previous file back,
        // whichever of the two moves below it interrupts.
        PendingFile.registerMoving(temporary, to: path, previous: hadOld ? previous : nil)
        if hadOld, rename(path, previous) != 0 {
            throw .cannotWriteRejected(path: path, reason: FileProblem(errno: errno))
        }
        moved = true
        if count > 0, rename(temporary, path) != 0 {
            throw .cannotWriteRejected(path: path, reason: FileProblem(errno: errno))
        }
    }

    /// The import committed: the previous rejected file is no longer needed.
    func finish() {
        PendingFile.clear()
        moved = false
        unlink(previous)
    }

    /// Drops what was written and, after a `commit`, puts the previous rejected file back.
    func discard() {
        writer?.stream.close()
        writer = nil
        unlink(temporary)
        if moved {
            unlink(path)
            rename(previous, path)
            moved = false
        }
        PendingFile.clear()
    }
}

/// Rows handed from the reading thread to the writing one, a batch at a time, and the
/// reading error that ended the file early, if any.
typealias RowQueue = HandOff<[ReadRow], ImportError?>

extension HandOff where Batch == [ReadRow], Outcome == ImportError? {
    /// The next batch; nil at the end. Throws the reader's error once the rows before it are taken.
    func takeRows() throws(ImportError) -> [ReadRow]? {
        if let batch = take() { return batch }
        if let failure = outcome ?? nil { throw failure }
        return nil
    }

    /// Reads `reader` to the end on a background thread.
    static func reading(_ reader: ImportFileReader) -> RowQueue {
        let queue = RowQueue()
        Thread.detachNewThread {
            var batch: [ReadRow] = []
            batch.reserveCapacity(512)
            do throws(ImportError) {
                while let row = try reader.next() {
                    batch.append(row)
                    if batch.count == 512 {
                        if !queue.put(batch) { return }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty, !queue.put(batch) { return }
                queue.finish(nil)
            } catch {
                if !batch.isEmpty, !queue.put(batch) { return }
                queue.finish(error)
            }
        }
        return queue
    }
}

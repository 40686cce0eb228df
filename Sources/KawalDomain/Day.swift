/// A calendar day without time or zone: the unit of every deadline, letter date and visit.
///
/// Days are stored as ISO strings (`2022-01-17`) and compared as integers, so that
/// deadlines do not drift with time zones or daylight rules.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a day, or nil when the components do not name a real date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `serial` days after 1970-01-01.
    public init(serial: Int) {
        // Howard Hinnant's civil_from_days.
        let z = serial + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = m <= 2 ? y + 1 : y
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01 (negative before).
    public var serial: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD` (ISO, as stored) or `dd/mm/yyyy` (as typed by users).
    public init?(parsing text: String) {
        let t = text.trimmingSpaces
        if t.count == 10, t.contains("-") {
            let p = t.split(separator: "-", omittingEmptySubsequences: false)
            guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2,
                  let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]) else { return nil }
            self.init(year: y, month: m, day: d)
        } else if t.contains("/") {
            let p = t.split(separator: "/", omittingEmptySubsequences: false)
            guard p.count == 3, (1...2).contains(p[0].count), (1...2).contains(p[1].count), p[2].count == 4,
                  let d = Int(p[0]), let m = Int(p[1]), let y = Int(p[2]) else { return nil }
            self.init(year: y, month: m, day: d)
        } else {
            return nil
        }
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        guard (0...9999).contains(year) else { return "\(Day.pad(year, 4))-\(Day.pad(month, 2))-\(Day.pad(day, 2))" }
        // Ten ASCII digits and dashes written in place: dates are formatted for every stored
        // event and case column, millions of times in a demo load.
        return String(unsafeUninitializedCapacity: 10) { b in
            func put(_ n: Int, _ at: Int, _ width: Int) {
                var n = n
                for i in stride(from: at + width - 1, through: at, by: -1) { b[i] = UInt8(48 + n % 10); n /= 10 }
            }
            put(year, 0, 4); b[4] = 45; put(month, 5, 2); b[7] = 45; put(day, 8, 2)
            return 10
        }
    }

    /// `dd/mm/yyyy`, the form users type.
    public var slashed: String {
        "\(Day.pad(day, 2))/\(Day.pad(month, 2))/\(Day.pad(year, 4))"
    }

    public var description: String { iso }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int { Day.weekday(serial: serial) }

    /// The ISO weekday of the day with this serial (counting without building a `Day`).
    public static func weekday(serial: Int) -> Int {
        let w = (serial % 7 + 7 + 3) % 7  // 1970-01-01 was a Thursday (index 3 from Monday)
        return w + 1
    }

    public var isWeekend: Bool { Day.isWeekend(serial: serial) }

    public static func isWeekend(serial: Int) -> Bool { weekday(serial: serial) >= 6 }

    public func adding(days: Int) -> Day { Day(serial: serial + days) }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { other.serial - serial }

    public static func < (a: Day, b: Day) -> Bool { a.serial < b.serial }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    // MARK: Codable as ISO text

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = Day(parsing: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a date: \(s)")
        }
        self = d
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

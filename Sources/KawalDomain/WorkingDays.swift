/// A day off named in the branch's holiday table.
public struct Holiday: Hashable, Sendable, Codable {
    public var day: Day
    public var name: String

    public init(day: Day, name: String) {
        self.day = day
        self.name = name
    }

    public init(_ year: Int, _ month: Int, _ day: Int, _ name: String) {
        self.day = Day(year: year, month: month, day: day)!
        self.name = name
    }
}

/// Working days: Monday to Friday, minus the holidays of the branch's table.
///
/// Every deadline counted in *hari kerja* (PP 86/2013 art. 6: a written warning runs for 10
/// working days) is counted here, so the CLI, the TUI and the store agree to the day.
public struct HolidayCalendar: Hashable, Sendable {
    /// The holidays, by day.
    public let holidays: [Day: String]
    /// The same days as serials, for counting: hashing an Int is cheaper than hashing a Day.
    private let holidaySerials: Set<Int>

    public init(_ holidays: [Holiday]) {
        var h: [Day: String] = [:]
        for x in holidays { h[x.day] = h[x.day].map { $0 + "; " + x.name } ?? x.name }
        self.holidays = h
        holidaySerials = Set(h.keys.map(\.serial))
    }

    /// The name of the holiday on `day`, if any.
    public func holiday(on day: Day) -> String? { holidays[day] }

    /// Whether `day` is a working day: a weekday that is not a holiday.
    public func isWorkingDay(_ day: Day) -> Bool { isWorkingDay(serial: day.serial) }

    private func isWorkingDay(serial: Int) -> Bool {
        !Day.isWeekend(serial: serial) && !holidaySerials.contains(serial)
    }

    /// The `n`th working day after `day` (`day` itself never counts): the end of a period of
    /// `n` working days that starts the day after a letter is sent.
    public func adding(workingDays n: Int, to day: Day) -> Day {
        var d = day.serial
        var left = max(0, n)
        while left > 0 {
            d += 1
            if isWorkingDay(serial: d) { left -= 1 }
        }
        return Day(serial: d)
    }

    /// The first working day after `day`.
    public func nextWorkingDay(after day: Day) -> Day { adding(workingDays: 1, to: day) }

    /// How many working days fall after `from`, up to and including `to` (0 when `to` is not later).
    public func workingDays(after from: Day, through to: Day) -> Int {
        guard from < to else { return 0 }
        var n = 0
        let last = to.serial
        var d = from.serial + 1
        while d <= last {
            if isWorkingDay(serial: d) { n += 1 }
            d += 1
        }
        return n
    }

    /// Weekends only, no holidays.
    public static let weekendsOnly = HolidayCalendar([])

    /// The shipped national holidays (`Holiday.national`).
    public static let national = HolidayCalendar(Holiday.national)
}

extension Holiday {
    /// The Indonesian national holidays (*hari libur nasional*) of 2026 and 2027, the defaults
    /// of a new branch's holiday table (the branch edits its table with `kawal holiday`).
    ///
    /// 2026 follows the SKB of the Minister of Religious Affairs, the Minister of Manpower and
    /// the Minister of Administrative Reform No. 1497/2025, 2/2025 and 5/2025 (17 days).
    /// 2027 is computed (Islamic dates from the conjunctions with the MABIMS visibility
    /// criteria Kemenag uses, Nyepi from *tilem kesanga*, Easter by the Gregorian computus,
    /// Waisak at the May full moon) because its SKB was not yet published when this table was
    /// made: a Hijri date may move by a day, so check it against the SKB and edit the table.
    ///
    /// *Cuti bersama* (collective leave) is left out on purpose: it is taken from annual leave,
    /// the SKB leaves it to each private employer, and a written warning's 10 working days
    /// (PP 86/2013) are the employer's working days. A branch that wants to count it adds
    /// those days to its table.
    public static let national: [Holiday] = [
        Holiday(2026, 1, 1, "Tahun Baru 2026 Masehi"),
        Holiday(2026, 1, 16, "Isra Mikraj Nabi Muhammad SAW"),
        Holiday(2026, 2, 17, "Tahun Baru Imlek 2577 Kongzili"),
        Holiday(2026, 3, 19, "Hari Suci Nyepi Tahun Baru Saka 1948"),
        Holiday(2026, 3, 21, "Idul Fitri 1447 Hijriah"),
        Holiday(2026, 3, 22, "Idul Fitri 1447 Hijriah"),
        Holiday(2026, 4, 3, "Wafat Yesus Kristus"),
        Holiday(2026, 4, 5, "Kebangkitan Yesus Kristus (Paskah)"),
        Holiday(2026, 5, 1, "Hari Buruh Internasional"),
        Holiday(2026, 5, 14, "Kenaikan Yesus Kristus"),
        Holiday(2026, 5, 27, "Idul Adha 1447 Hijriah"),
        Holiday(2026, 5, 31, "Hari Raya Waisak 2570 BE"),
        Holiday(2026, 6, 1, "Hari Lahir Pancasila"),
        Holiday(2026, 6, 16, "1 Muharam Tahun Baru Islam 1448 Hijriah"),
        Holiday(2026, 8, 17, "Proklamasi Kemerdekaan"),
        Holiday(2026, 8, 25, "Maulid Nabi Muhammad SAW"),
        Holiday(2026, 12, 25, "Kelahiran Yesus Kristus"),
        Holiday(2027, 1, 1, "Tahun Baru 2027 Masehi"),
        Holiday(2027, 1, 6, "Isra Mikraj Nabi Muhammad SAW"),
        Holiday(2027, 2, 6, "Tahun Baru Imlek 2578 Kongzili"),
        Holiday(2027, 3, 9, "Hari Suci Nyepi Tahun Baru Saka 1949"),
        Holiday(2027, 3, 10, "Idul Fitri 1448 Hijriah"),
        Holiday(2027, 3, 11, "Idul Fitri 1448 Hijriah"),
        Holiday(2027, 3, 26, "Wafat Yesus Kristus"),
        Holiday(2027, 3, 28, "Kebangkitan Yesus Kristus (Paskah)"),
        Holiday(2027, 5, 1, "Hari Buruh Internasional"),
        Holiday(2027, 5, 6, "Kenaikan Yesus Kristus"),
        Holiday(2027, 5, 17, "Idul Adha 1448 Hijriah"),
        Holiday(2027, 5, 20, "Hari Raya Waisak 2571 BE"),
        Holiday(2027, 6, 1, "Hari Lahir Pancasila"),
        Holiday(2027, 6, 6, "1 Muharam Tahun Baru Islam 1449 Hijriah"),
        Holiday(2027, 8, 15, "Maulid Nabi Muhammad SAW"),
        Holiday(2027, 8, 17, "Proklamasi Kemerdekaan"),
        Holiday(2027, 12, 25, "Kelahiran Yesus Kristus"),
    ]
}

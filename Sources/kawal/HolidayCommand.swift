import ArgumentParser
import Foundation
import KawalDomain
import KawalStore
import KawalUI

/// `kawal holiday list|add|remove`: the branch's holiday table, which deadlines in working days skip.
struct HolidayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holiday",
        abstract: "List or edit the holiday table that working-day deadlines skip (editing: admin only).",
        discussion: "A new database holds the national holidays of 2026 and 2027; add cuti bersama or local days as the branch keeps them.",
        subcommands: [HolidayList.self, HolidayAdd.self, HolidayRemove.self])
}

struct HolidayList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the holidays.")

    @Option(name: .long, help: "Only this year.")
    var year: Int?

    @OptionGroup var common: CommonOptions

    func run() throws {
        try browsing(common) { db, _, _, s in
            for h in try db.holidays() where year == nil || h.day.year == year {
                print(h.day.iso + "  " + CaseTable.pad(s.weekday(h.day), 7) + " " + h.name)
            }
        }
    }
}

struct HolidayAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a holiday (or rename one).")

    @Argument(help: "The day (YYYY-MM-DD or dd/mm/yyyy).")
    var date: String

    @Argument(help: "Its name, e.g. \"Cuti bersama Idul Fitri\".")
    var name: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        try acting(common) { db, login, _, s in
            let day = try CaseArguments.day(date, s)
            let name = try CaseArguments.text(self.name, s)
            try db.addHoliday(Holiday(day: day, name: name), by: login)
            return [s.text(CaseText.cliHolidayAdded, day.iso, name)]
        }
    }
}

struct HolidayRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a holiday.")

    @Argument(help: "The day (YYYY-MM-DD or dd/mm/yyyy).")
    var date: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        try acting(common) { db, login, _, s in
            let day = try CaseArguments.day(date, s)
            try db.removeHoliday(day, by: login)
            return [s.text(CaseText.cliHolidayRemoved, day.iso)]
        }
    }
}

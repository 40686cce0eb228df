import ArgumentParser
import Foundation
import KawalDomain
import KawalStore
import KawalUI

/// `kawal holiday list|add|remove`: the branch's holiday table, which deadlines in working days skip.
struct HolidayCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "holiday",
            abstract: UsageError.strings.text(CaseHelpText.holidayAbstract),
            discussion: UsageError.strings.text(CaseHelpText.holidayDiscussion),
            subcommands: [HolidayList.self, HolidayAdd.self, HolidayRemove.self])
    }
}

struct HolidayList: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: UsageError.strings.text(CaseHelpText.holidayListAbstract))
    }

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.holidayListYear)))
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
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "add", abstract: UsageError.strings.text(CaseHelpText.holidayAddAbstract))
    }

    @Argument(help: ArgumentHelp(UsageError.strings.text(CaseHelpText.holidayDate)))
    var date: String

    @Argument(help: ArgumentHelp(UsageError.strings.text(CaseHelpText.holidayAddName)))
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
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "remove", abstract: UsageError.strings.text(CaseHelpText.holidayRemoveAbstract))
    }

    @Argument(help: ArgumentHelp(UsageError.strings.text(CaseHelpText.holidayDate)))
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

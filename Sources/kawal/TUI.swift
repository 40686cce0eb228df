import Foundation
import KawalDomain
import KawalStore
import KawalTerminal
import KawalUI

/// The interactive loop: keys and results become actions, actions change the state,
/// and each change draws one frame of which only the difference reaches the terminal.
enum TUI {
    static func run(db: AppDatabase, language: Language, today: Day) throws {
        let s = Strings(language)
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let terminal: Terminal
        do {
            terminal = try Terminal.start(options: TerminalOptions(noColor: noColor))
        } catch TerminalError.notATerminal {
            throw CLIError(s[.errorNotATerminal])
        } catch {
            throw CLIError(s.format(.errorTerminal, String(describing: error)))
        }
        defer { terminal.stop() }

        var state = AppState(size: terminal.size, language: language, today: today, readOnly: db.isReadOnly)
        if db.isReadOnly { state.message = Message(text: s[.readOnlyExplain], isError: false) }
        let mailbox = Mailbox()
        let waker = terminal.waker
        let background = BackgroundRunner(runner: EffectRunner(db: db), mailbox: mailbox, wake: { waker.wake() })
        let ctx = RenderContext(glyphs: terminal.glyphs, asciiOnly: terminal.asciiOnly)
        background.run(start(&state))

        while !state.quit {
            terminal.draw(view(state, ctx))
            var effects: [Effect] = []
            for event in terminal.waitForEvents() {
                switch event {
                case .key(let key):
                    effects += update(&state, .key(key))
                case .resize(let size):
                    effects += update(&state, .resized(size))
                case .wake:
                    for action in mailbox.drain() { effects += update(&state, action) }
                case .quit:
                    state.quit = true
                }
            }
            background.run(effects.filter { $0 != .redraw })
        }
    }
}

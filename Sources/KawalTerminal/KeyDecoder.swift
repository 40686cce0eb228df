import CNcurses
import KawalUI

/// One result of `wget_wch`: a character, or a key code (when it returned `KEY_CODE_YES`).
public enum RawInput: Hashable, Sendable {
    case character(UInt32)
    case keyCode(Int32)
}

/// A decoded input: a key, or notice that the terminal changed size.
public enum DecodedInput: Hashable, Sendable {
    case key(Key)
    case resize
}

/// Turns what ncurses reads into `Key`s. Pure, so it can be tested without a terminal.
public enum KeyDecoder {
    /// Decodes a batch read in one go. An Esc followed in the same batch by `[` or `O` starts
    /// an escape sequence ncurses did not know (e.g. Ctrl-arrow on a terminfo without it):
    /// the whole sequence is dropped rather than typed as `[`, `1`, `;`, `5`, `A`.
    public static func decode(_ inputs: [RawInput]) -> [DecodedInput] {
        var out: [DecodedInput] = []
        var i = 0
        while i < inputs.count {
            let input = inputs[i]
            i += 1
            if input == .character(27), i < inputs.count {
                if inputs[i] == .character(0x5B) {  // ESC [ params… final (0x40…0x7E)
                    i += 1
                    while i < inputs.count {
                        let next = inputs[i]
                        i += 1
                        if case .character(let c) = next, (0x40...0x7E).contains(c) { break }
                        if case .keyCode = next { break }
                    }
                    continue
                }
                if inputs[i] == .character(0x4F) {  // ESC O final
                    i += min(2, inputs.count - i)
                    continue
                }
            }
            switch input {
            case .character(let c):
                if let key = key(forCharacter: c) { out.append(.key(key)) }
            case .keyCode(let code):
                if code == KEY_RESIZE {
                    out.append(.resize)
                } else if let key = key(forKeyCode: code) {
                    out.append(.key(key))
                }
            }
        }
        return out
    }

    /// The key for a character `wget_wch` returned with `OK`, or nil for one to ignore.
    public static func key(forCharacter c: UInt32) -> Key? {
        switch c {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(0x60 + c))))
        case 0, 28...31: return nil
        case 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(c) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// The key for a code `wget_wch` returned with `KEY_CODE_YES`, or nil for one to ignore.
    public static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_HOME, KEY_FIND, KEY_A1: return .home
        case KEY_END, KEY_SELECT, KEY_C1, KEY_LL: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_F0 + 1...KEY_F0 + 24: return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}

import KawalDomain

/// One option of a choice field: the value saved and the label shown.
public struct ChoiceOption: Hashable, Sendable {
    public var value: String
    public var label: String

    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}

/// What a field holds and how it is checked.
public enum FieldKind: Hashable, Sendable {
    /// Free text.
    case text
    /// A day typed as dd/mm/yyyy.
    case date
    /// A whole number, zero or more.
    case number
    /// One of a few values, changed with ←/→ or Space.
    case choice([ChoiceOption])
}

/// Names of the fields the case forms use.
public enum FieldID: String, Hashable, Sendable {
    case letterKind, date, delivery
    case visitKind, outcome, personMet, personRole, workers, bap, findings, promiseUntil
    case contactKind, text
    case until
    case targetStage, reason
    case registered
    case closingReason
    case note
}

/// A value a field gave after checking.
public enum FieldValue: Hashable, Sendable {
    case empty
    case text(String)
    case day(Day)
    case number(Int)
    case choice(String)
}

/// Why a field's text was refused, shown under the field.
public enum FieldError: Error, Hashable, Sendable {
    case required
    case badDate
    case badNumber
    /// A date that must not be before another field's date.
    case notBefore(Day)
    /// A date in the future where only the past makes sense.
    case inFuture
}

/// A labelled field of a form.
public struct FormField: Hashable, Sendable {
    public var id: FieldID
    public var label: String
    public var kind: FieldKind
    public var required: Bool
    public var input: TextField
    /// Index of the chosen option of a choice field.
    public var choice: Int
    public var error: FieldError?

    public init(_ id: FieldID, label: String, kind: FieldKind, required: Bool = false, text: String = "", choice: Int = 0) {
        self.id = id
        self.label = label
        self.kind = kind
        self.required = required
        let max: Int
        switch kind {
        case .date: max = 10
        case .number: max = 9
        default: max = 300
        }
        self.input = TextField(text, maxLength: max)
        self.choice = choice
    }

    public var options: [ChoiceOption] {
        if case .choice(let o) = kind { return o } else { return [] }
    }

    public var isChoice: Bool { if case .choice = kind { return true } else { return false } }

    /// The chosen option's value (choice fields).
    public var chosen: String? { options.indices.contains(choice) ? options[choice].value : nil }

    /// Checks the text against the kind; the value, or why not.
    public func check() -> Result<FieldValue, FieldError> {
        if case .choice = kind { return chosen.map { .success(.choice($0)) } ?? .failure(.required) }
        let t = input.text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return required ? .failure(.required) : .success(.empty) }
        switch kind {
        case .text: return .success(.text(t))
        case .date:
            // Only the form users type: dd/mm/yyyy.
            guard t.contains("/"), let d = Day(parsing: t) else { return .failure(.badDate) }
            return .success(.day(d))
        case .number:
            guard t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(t) else { return .failure(.badNumber) }
            return .success(.number(n))
        case .choice: return .failure(.required)
        }
    }
}

/// What a key did to a form.
public enum FormOutcome: Hashable, Sendable {
    /// Nothing to do outside the form.
    case none
    /// The user left the form (after confirming, if anything was typed).
    case cancelled
    /// Every field checked out: save these values.
    case submit([FieldID: FieldValue])
    /// The user asked for a preview (letter forms).
    case preview([FieldID: FieldValue])
}

/// A form: labelled fields, Tab/Shift-Tab between them, Enter saves, Esc cancels (asking
/// first if anything was typed). A failed check or a failed save keeps what was typed.
public struct FormState: Hashable, Sendable {
    public var fields: [FormField]
    public var focus = 0
    /// Esc was pressed on a changed form: waiting for the user to confirm discarding it.
    public var confirmingDiscard = false
    /// A save is in flight: keys wait for its answer.
    public var saving = false
    /// Why the last save failed, in plain words (the fields keep their content).
    public var saveError: String?
    /// The fields as first shown, to tell whether anything was typed.
    private var initial: [String]

    public init(fields: [FormField]) {
        self.fields = fields
        self.initial = fields.map(FormState.snapshot)
    }

    private static func snapshot(_ f: FormField) -> String { f.isChoice ? "#\(f.choice)" : f.input.text }

    /// Whether anything differs from what the form first showed.
    public var isDirty: Bool { zip(fields, initial).contains { FormState.snapshot($0) != $1 } }

    public subscript(id: FieldID) -> FormField? {
        fields.first { $0.id == id }
    }

    public mutating func set(_ id: FieldID, text: String) {
        if let i = fields.firstIndex(where: { $0.id == id }) { fields[i].input.set(text) }
    }

    public mutating func set(_ id: FieldID, choice value: String) {
        if let i = fields.firstIndex(where: { $0.id == id }), let c = fields[i].options.firstIndex(where: { $0.value == value }) {
            fields[i].choice = c
        }
    }

    /// Checks every field; on failure marks the fields in error and moves to the first of them.
    public mutating func validate() -> [FieldID: FieldValue]? {
        var values: [FieldID: FieldValue] = [:]
        var firstError: Int?
        for i in fields.indices {
            switch fields[i].check() {
            case .success(let v):
                fields[i].error = nil
                values[fields[i].id] = v
            case .failure(let e):
                fields[i].error = e
                if firstError == nil { firstError = i }
            }
        }
        if let firstError {
            focus = firstError
            return nil
        }
        return values
    }

    /// Marks a field in error (a rule across fields) and moves to it.
    public mutating func fail(_ id: FieldID, _ error: FieldError) {
        guard let i = fields.firstIndex(where: { $0.id == id }) else { return }
        fields[i].error = error
        focus = i
    }

    /// Applies a key. `previewKey` asks for a preview when the form has one.
    public mutating func handle(_ key: Key, canPreview: Bool = false) -> FormOutcome {
        if saving { return .none }
        if confirmingDiscard {
            switch key {
            case .char("y"), .char("Y"), .enter: confirmingDiscard = false; return .cancelled
            case .char("n"), .char("N"), .escape: confirmingDiscard = false
            default: break
            }
            return .none
        }
        saveError = nil
        switch key {
        case .escape:
            if isDirty { confirmingDiscard = true; return .none }
            return .cancelled
        case .tab, .down:
            focus = (focus + 1) % max(1, fields.count)
        case .backTab, .up:
            focus = (focus - 1 + fields.count) % max(1, fields.count)
        case .enter:
            guard let values = validate() else { return .none }
            return .submit(values)
        case .ctrl("p") where canPreview:
            guard let values = validate() else { return .none }
            return .preview(values)
        default:
            guard fields.indices.contains(focus) else { return .none }
            var f = fields[focus]
            if f.isChoice {
                let n = f.options.count
                switch key {
                case .right, .char(" "), .char("l"): f.choice = (f.choice + 1) % max(1, n)
                case .left, .char("h"): f.choice = (f.choice - 1 + n) % max(1, n)
                case .char(let c):
                    // The first option whose label starts with the letter typed.
                    let lower = String(c).lowercased()
                    if let i = f.options.firstIndex(where: { $0.label.lowercased().hasPrefix(lower) }) { f.choice = i }
                default: return .none
                }
            } else {
                guard f.input.handle(key) else { return .none }
            }
            // Editing a field clears its error; the rest keep theirs until the next save.
            f.error = nil
            fields[focus] = f
        }
        return .none
    }
}

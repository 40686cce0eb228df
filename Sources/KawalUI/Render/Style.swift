/// A terminal colour. `nil` in a style means the terminal's own default.
public enum Color: Int, Sendable, Hashable, CaseIterable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell looks. The terminal backend maps colours to attributes (bold, reverse)
/// on monochrome terminals and under `NO_COLOR`.
public struct Style: Hashable, Sendable {
    public var foreground: Color?
    public var background: Color?
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(
        foreground: Color? = nil, background: Color? = nil, bold: Bool = false, reverse: Bool = false,
        underline: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()
    /// The selected row: reverse video works everywhere, with or without colour.
    public static let selected = Style(reverse: true)
    public static let header = Style(bold: true)
    public static let title = Style(bold: true, reverse: true)
    public static let statusBar = Style(reverse: true)
    public static let key = Style(bold: true)
    public static let muted = Style(dim: true)
    public static let error = Style(foreground: .red, bold: true)
    public static let warning = Style(foreground: .yellow, bold: true)
    public static let good = Style(foreground: .green)
    public static let accent = Style(foreground: .cyan, bold: true)
}

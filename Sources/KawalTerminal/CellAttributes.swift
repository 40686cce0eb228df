import KawalUI

/// What a `Style` becomes on a given terminal. Pure, so it can be tested without a terminal.
public struct CellAttributes: Hashable, Sendable {
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false
    /// Colours to set, or nil for the terminal's default (only when the terminal has colours).
    public var foreground: Color?
    public var background: Color?

    public init(bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false,
                foreground: Color? = nil, background: Color? = nil) {
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
        self.foreground = foreground
        self.background = background
    }

    /// `style` on a terminal with colours (`colors`) or without (monochrome, `NO_COLOR`).
    /// Without colours, meaning survives as attributes: a foreground colour is drawn bold and
    /// a background colour in reverse video.
    public init(_ style: Style, colors: Bool) {
        self.init(bold: style.bold, reverse: style.reverse, underline: style.underline, dim: style.dim)
        if colors {
            foreground = style.foreground
            background = style.background
        } else {
            if style.foreground != nil { bold = true }
            if style.background != nil { reverse = true }
        }
    }

    /// Whether a colour pair is needed.
    public var hasColor: Bool { foreground != nil || background != nil }
}

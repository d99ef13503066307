/// How a path's outline is drawn.
public struct StrokeStyle: Sendable, Equatable {
    public var color: Color
    /// Line width in canvas units (points).
    public var width: Double
    /// Dash lengths in points; empty for a solid line.
    public var dash: [Double]
    public var cap: LineCap
    public var join: LineJoin

    public init(color: Color, width: Double = 1, dash: [Double] = [],
                cap: LineCap = .butt, join: LineJoin = .bevel) {
        self.color = color; self.width = width; self.dash = dash; self.cap = cap; self.join = join
    }
}

/// matplotlib's named line styles, with its dash patterns (`lines.dashed_pattern` and the
/// others, in multiples of the line width, as `lines.scale_dashes` does).
public enum LinePattern: String, Sendable, Equatable, CaseIterable {
    case solid, dashed, dotted, dashdot
    /// No line (markers only).
    case none

    /// A name or matplotlib's short form: `solid`/`-`, `dashed`/`--`, `dotted`/`:`,
    /// `dashdot`/`-.`, `none` (any case); nil otherwise.
    public init?(name: String) {
        switch name.lowercased() {
        case "solid", "-": self = .solid
        case "dashed", "--": self = .dashed
        case "dotted", ":": self = .dotted
        case "dashdot", "-.": self = .dashdot
        case "none", "": self = .none
        default: return nil
        }
    }

    /// The dash lengths for a line `width` points wide (empty: solid).
    public func dash(width: Double) -> [Double] {
        let unit = max(width, 0.1)
        switch self {
        case .solid, .none: return []
        case .dashed: return [3.7 * unit, 1.6 * unit]
        case .dotted: return [1 * unit, 1.65 * unit]
        case .dashdot: return [6.4 * unit, 1.6 * unit, 1 * unit, 1.6 * unit]
        }
    }
}

/// Line end shapes.
public enum LineCap: Sendable, Equatable { case butt, round, square }

/// Line corner shapes.
public enum LineJoin: Sendable, Equatable { case miter, round, bevel }

/// A font request: family, size in points, weight and slant.
public struct Font: Sendable, Equatable, Hashable {
    public var family: String
    public var size: Double
    public var bold: Bool
    public var italic: Bool

    public init(family: String = "DejaVu Sans", size: Double, bold: Bool = false, italic: Bool = false) {
        self.family = family; self.size = size; self.bold = bold; self.italic = italic
    }

    public func withSize(_ s: Double) -> Font { Font(family: family, size: s, bold: bold, italic: italic) }
    public func withItalic(_ i: Bool) -> Font { Font(family: family, size: size, bold: bold, italic: i) }
}

/// The measured size of a run of text: advance width, and ascent/descent from the baseline.
public struct TextExtent: Sendable, Equatable {
    public var width: Double
    public var ascent: Double
    public var descent: Double

    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width; self.ascent = ascent; self.descent = descent
    }

    public var height: Double { ascent + descent }
}

/// An RGBA raster (row-major, straight alpha, 8 bits a channel) drawn scaled into a rectangle.
public struct RasterImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var rgba: [UInt8]

    public init(width: Int, height: Int, rgba: [UInt8]) {
        precondition(rgba.count == width * height * 4, "RGBA buffer size does not match")
        self.width = width; self.height = height; self.rgba = rgba
    }
}

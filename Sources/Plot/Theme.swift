import Canvas

/// The shared look of every figure: fonts, sizes, colours and line widths.
///
/// Sizes are in points. The default palette is Okabe & Ito's colour-blind-safe set,
/// reordered so that neighbouring series contrast well on white.
public struct Theme: Sendable, Equatable {
    public var fontFamily = "DejaVu Sans"
    public var titleSize = 13.0
    public var figureTitleSize = 14.0
    public var labelSize = 12.0
    public var tickLabelSize = 11.0
    public var legendSize = 11.0
    public var annotationSize = 11.0
    /// Contour labels: small by default (they sit on the lines); the course set reads them at 11 pt.
    public var contourLabelSize = 8.0

    public var background = Color.white
    public var textColor = Color(hex: 0x222222)
    public var spineColor = Color(hex: 0x4A4A4A)
    public var tickColor = Color(hex: 0x4A4A4A)
    public var gridColor = Color(hex: 0xE3E3E3)
    public var legendFrameColor = Color(hex: 0xCCCCCC)

    public var lineWidth = 1.6
    public var spineWidth = 0.8
    public var gridWidth = 0.6
    public var majorTickLength = 4.0
    public var minorTickLength = 2.2
    public var markerSize = 5.0

    /// Okabe-Ito: blue, orange, bluish green, reddish purple, vermillion, sky blue, yellow, black.
    public var palette: [Color] = [
        Color(hex: 0x0072B2), Color(hex: 0xE69F00), Color(hex: 0x009E73), Color(hex: 0xCC79A7),
        Color(hex: 0xD55E00), Color(hex: 0x56B4E9), Color(hex: 0xB59B00), Color(hex: 0x000000),
    ]

    /// Space around the figure edge and between elements, in points.
    public var padding = 8.0

    public init() {}

    /// The default look, for print: `Theme()`.
    public static let paper = Theme()

    /// For slides: text and lines half as large again as `paper` (as seaborn's "talk" context
    /// scales "paper"'s), so a figure reads from the back of a room.
    public static let slides = Theme().scalingText(by: 1.5).scalingLines(by: 1.5)

    /// The base text size: tick labels and legend entries (matplotlib's `font.size`); the
    /// other sizes keep their proportions to it.
    public var baseFontSize: Double { tickLabelSize }

    /// The theme with `baseFontSize` set to `size` and every other text size scaled alike.
    public func withBaseFontSize(_ size: Double) -> Theme { scalingText(by: size / baseFontSize) }

    /// Every text size times `factor`.
    public func scalingText(by factor: Double) -> Theme {
        var t = self
        t.titleSize *= factor; t.figureTitleSize *= factor; t.labelSize *= factor; t.tickLabelSize *= factor
        t.legendSize *= factor; t.annotationSize *= factor; t.contourLabelSize *= factor
        return t
    }

    /// Every line width, tick length and marker size times `factor`.
    public func scalingLines(by factor: Double) -> Theme {
        var t = self
        t.lineWidth *= factor; t.spineWidth *= factor; t.gridWidth *= factor
        t.majorTickLength *= factor; t.minorTickLength *= factor; t.markerSize *= factor
        return t
    }

    /// The palette colour for series number `index`, cycling.
    public func color(_ index: Int) -> Color {
        palette[((index % palette.count) + palette.count) % palette.count]
    }

    public var tickFont: Font { Font(family: fontFamily, size: tickLabelSize) }
    public var labelFont: Font { Font(family: fontFamily, size: labelSize) }
    public var titleFont: Font { Font(family: fontFamily, size: titleSize) }
    public var figureTitleFont: Font { Font(family: fontFamily, size: figureTitleSize, bold: true) }
    public var legendFont: Font { Font(family: fontFamily, size: legendSize) }
    public var annotationFont: Font { Font(family: fontFamily, size: annotationSize) }
    /// The "(a)", "(b)" letters of a multi-panel figure.
    public var panelLetterFont: Font { Font(family: fontFamily, size: titleSize, bold: true) }

    /// Named colours the course uses for optimizer paths.
    public static let teal = Color(hex: 0x009E73)
    public static let orange = Color(hex: 0xE69F00)
    /// A true purple (matplotlib's tab:purple), the course's colour for single-sample SGD; the white halo
    /// of the paths keeps it visible on the dark end of viridis.
    public static let purple = Color(hex: 0x9467BD)
}

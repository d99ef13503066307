import Canvas

/// Horizontal alignment of a text block relative to its anchor point.
public enum HorizontalAnchor: Sendable, Equatable {
    case left, center, right

    /// The left edge of a block `width` wide anchored at `x`.
    public func left(at x: Double, width: Double) -> Double {
        switch self {
        case .left: return x
        case .center: return x - width / 2
        case .right: return x - width
        }
    }
}

/// Vertical alignment of a text block relative to its anchor point.
public enum VerticalAnchor: Sendable, Equatable { case top, center, baseline, bottom }

/// Math-text markup measured for one font: runs with x offsets and the block's extent.
public struct RichTextLayout: Sendable {
    /// A run with its resolved font and position relative to the baseline origin.
    public struct PlacedRun: Sendable {
        public var text: String
        public var font: Font
        public var x: Double
        /// Baseline offset in points, positive downwards (canvas y).
        public var dy: Double
    }

    public var runs: [PlacedRun]
    public var width: Double
    /// Distance from the baseline to the highest ink, in points.
    public var ascent: Double
    /// Distance from the baseline to the lowest ink, in points.
    public var descent: Double

    public var height: Double { ascent + descent }

    /// Spacing forms of the combining accents `MathText` produces.
    static let spacingAccents: [String: String] = [
        "\u{0302}": "\u{02C6}", "\u{0304}": "\u{00AF}", "\u{0303}": "\u{02DC}", "\u{0307}": "\u{02D9}", "\u{20D7}": "\u{2192}",
    ]

    /// Measures `markup` (see `MathText`) set in `font` on `canvas`.
    public init(_ markup: String, font: Font, canvas: Canvas) {
        var x = 0.0
        var ascent = 0.0, descent = 0.0
        var placed: [PlacedRun] = []
        let runs = MathText.parse(markup)
        for run in runs {
            let f = Font(family: font.family, size: font.size * run.scale, bold: font.bold, italic: font.italic || run.italic)
            let m = canvas.measureText(run.text, font: f)
            let dy = -run.rise * font.size
            // Italic text leans out to the right; a small gap keeps a following upright run clear.
            placed.append(PlacedRun(text: run.text, font: f, x: x, dy: dy))
            if let accent = run.accent, let glyph = Self.spacingAccents[accent] {
                // Centre a spacing accent over the ink, lifted above letters taller than x.
                let a = canvas.measureText(glyph, font: f)
                let xHeight = canvas.measureText("x", font: f).ascent
                let lift = max(0, m.ascent - xHeight)
                let slant = f.italic ? 0.1 * f.size : 0
                placed.append(PlacedRun(text: glyph, font: f.withItalic(false), x: x + (m.width - a.width) / 2 + slant, dy: dy - lift))
                ascent = max(ascent, a.ascent + lift - dy)
            }
            x += m.width
            ascent = max(ascent, m.ascent - dy)
            descent = max(descent, m.descent + dy)
        }
        if runs.isEmpty {
            let m = canvas.measureText("0", font: font)
            ascent = m.ascent; descent = 0
        }
        self.runs = placed
        self.width = x
        self.ascent = ascent
        self.descent = descent
    }

    /// Draws the block so that its anchor lands on `point`; `rotation` in radians
    /// (counter-clockwise) turns it about that point.
    public func draw(on canvas: Canvas, at point: Point, horizontal: HorizontalAnchor = .left,
                     vertical: VerticalAnchor = .baseline, rotation: Double = 0, color: Color) {
        let dx: Double
        switch horizontal {
        case .left: dx = 0
        case .center: dx = -width / 2
        case .right: dx = -width
        }
        let baseline: Double
        switch vertical {
        case .baseline: baseline = 0
        case .top: baseline = ascent
        case .bottom: baseline = -descent
        case .center: baseline = (ascent - descent) / 2
        }
        canvas.withSavedState {
            canvas.translate(by: point)
            if rotation != 0 { canvas.rotate(by: rotation) }
            for run in runs {
                canvas.drawText(run.text, at: Point(dx + run.x, baseline + run.dy), font: run.font, color: color)
            }
        }
    }

    /// The block's bounding box when drawn unrotated with the given anchors at `point`.
    public func bounds(at point: Point, horizontal: HorizontalAnchor, vertical: VerticalAnchor) -> Rect {
        let x = horizontal.left(at: point.x, width: width)
        let top: Double
        switch vertical {
        case .baseline: top = point.y - ascent
        case .top: top = point.y
        case .bottom: top = point.y - height
        case .center: top = point.y - height / 2
        }
        return Rect(x: x, y: top, width: width, height: height)
    }
}

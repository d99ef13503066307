#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Canvas

/// A vertical colour bar: the colour map as a strip, nice ticks (linear or log) on its right,
/// a rotated label, and a swatch for values that cannot be shown.
public struct ColorBar: Sendable {
    public var colormap: Colormap
    public var scale: ColorScale
    public var label: String
    /// Shown under the bar when some cells are NaN/Inf: the swatch colour and its caption.
    public var invalidNote: (color: Color, text: String)?
    public var barWidth = 14.0

    public init(colormap: Colormap, scale: ColorScale, label: String, invalidNote: (color: Color, text: String)? = nil) {
        self.colormap = colormap; self.scale = scale; self.label = label; self.invalidNote = invalidNote
    }

    /// The ticks for a bar `length` points long.
    public func ticks(length: Double) -> [Tick] {
        let maxTicks = max(3, min(10, Int(length / 40)))
        let raw = scale.ticks(maxTicks: maxTicks)
        return raw.filter { $0.value >= min(scale.lower, scale.upper) * (1 - 1e-12) - 1e-300 && $0.value <= max(scale.lower, scale.upper) * (1 + 1e-12) + 1e-300 }
    }

    /// Width needed beside the plot: gap, bar, ticks, tick labels and the label.
    public func width(canvas: Canvas, theme: Theme, length: Double) -> Double {
        let font = theme.tickFont
        let widest = ticks(length: length).filter { !$0.label.isEmpty }
            .map { RichTextLayout($0.label, font: font, canvas: canvas).width }.max() ?? 0
        let labelHeight = RichTextLayout(label, font: theme.labelFont, canvas: canvas).height
        var w = 1.5 * theme.padding + barWidth + theme.majorTickLength + 3 + widest + 0.6 * theme.labelSize + labelHeight + theme.padding
        if let note = invalidNote {
            w = max(w, measureNote(note.text, canvas: canvas, theme: theme) + barWidth + 2 * theme.padding)
        }
        return w
    }

    func measureNote(_ text: String, canvas: Canvas, theme: Theme) -> Double {
        canvas.measureText(text, font: Font(family: theme.fontFamily, size: theme.tickLabelSize - 1)).width + 6
    }

    /// Fraction of the bar for `v` (0 = bottom).
    func position(_ v: Double) -> Double { scale.kind.fraction(v, lower: scale.lower, upper: scale.upper) }

    /// Draws the bar with its top-left corner at `origin`, `length` points tall.
    public func draw(at origin: Point, length: Double, on canvas: Canvas, theme: Theme) {
        let n = colormap.table.count / 3
        var rgba = [UInt8](repeating: 255, count: n * 4)
        let bytes = colormap.bytes
        for k in 0..<n {
            let row = n - 1 - k
            rgba[4 * row] = bytes[3 * k]; rgba[4 * row + 1] = bytes[3 * k + 1]; rgba[4 * row + 2] = bytes[3 * k + 2]
        }
        let bar = Rect(x: origin.x, y: origin.y, width: barWidth, height: length)
        canvas.drawImage(RasterImage(width: 1, height: n, rgba: rgba), in: bar, smooth: false)
        canvas.stroke(.rect(bar), style: StrokeStyle(color: theme.spineColor, width: theme.spineWidth))
        var tickPath = Path()
        var widest = 0.0
        let gap = 3.0
        for t in ticks(length: length) {
            let y = bar.maxY - position(t.value) * length
            guard y.isFinite else { continue }
            let len = t.isMajor ? theme.majorTickLength : theme.minorTickLength
            tickPath.move(to: Point(bar.maxX, y)); tickPath.line(to: Point(bar.maxX + len, y))
            if !t.label.isEmpty {
                let text = RichTextLayout(t.label, font: theme.tickFont, canvas: canvas)
                text.draw(on: canvas, at: Point(bar.maxX + theme.majorTickLength + gap, y), horizontal: .left, vertical: .center,
                          color: theme.textColor)
                widest = max(widest, text.width)
            }
        }
        canvas.stroke(tickPath, style: StrokeStyle(color: theme.tickColor, width: theme.spineWidth))
        let title = RichTextLayout(label, font: theme.labelFont, canvas: canvas)
        title.draw(on: canvas, at: Point(bar.maxX + theme.majorTickLength + gap + widest + 0.6 * theme.labelSize, bar.midY),
                   horizontal: .center, vertical: .top, rotation: Double.pi / 2, color: theme.textColor)
        if let note = invalidNote {
            let swatch = Rect(x: origin.x, y: bar.maxY + theme.padding + 4, width: barWidth, height: barWidth)
            canvas.fillAndStroke(.rect(swatch), fill: note.color, stroke: StrokeStyle(color: theme.spineColor, width: theme.spineWidth))
            canvas.drawText(note.text, at: Point(swatch.maxX + 4, swatch.midY + 3.5),
                            font: Font(family: theme.fontFamily, size: theme.tickLabelSize - 1), color: theme.textColor)
        }
    }
}

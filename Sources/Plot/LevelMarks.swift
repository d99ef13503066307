import Canvas

/// A short horizontal line across each category at a value, as a target level drawn over
/// bars (the XOR network's targets over its outputs).
public struct LevelMarks: PlotMark {
    public var xs: [Double]
    public var levels: [Double]
    public var label: String?
    public var style: StrokeStyle
    /// Line length in x units.
    public var width: Double

    public init(xs: [Double], levels: [Double], label: String? = nil, style: StrokeStyle, width: Double = 0.9) {
        precondition(xs.count == levels.count, "level positions and values differ in length")
        self.xs = xs; self.levels = levels; self.label = label; self.style = style; self.width = width
    }

    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? {
        let finite = levels.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max(), let x0 = xs.min(), let x1 = xs.max() else { return nil }
        return DataBounds(minX: x0 - width / 2, maxX: x1 + width / 2, minY: lo, maxY: hi)
    }

    public var legendEntry: LegendEntry? {
        guard let label, !label.isEmpty else { return nil }
        return LegendEntry(label: label, sample: .line(style, marker: nil))
    }

    public func draw(in context: PlotContext) {
        for (a, b) in segments(in: context) {
            var p = Path()
            p.move(to: a); p.line(to: b)
            context.canvas.stroke(p, style: style)
        }
    }

    func segments(in context: PlotContext) -> [(Point, Point)] {
        xs.indices.compactMap { i in
            guard levels[i].isFinite else { return nil }
            let a = context.point(xs[i] - width / 2, levels[i]), b = context.point(xs[i] + width / 2, levels[i])
            guard a.x.isFinite, a.y.isFinite, b.x.isFinite else { return nil }
            return (a, b)
        }
    }

    public func occupiedPoints(in context: PlotContext) -> [Point] {
        segments(in: context).flatMap { a, b in [a, Point((a.x + b.x) / 2, a.y), b] }
    }
}

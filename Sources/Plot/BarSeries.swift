import Canvas

/// Vertical bars at x positions (categories are 0, 1, 2, ...), from zero to each value, with
/// optional value labels above them.
public struct BarSeries: PlotMark {
    public var xs: [Double]
    public var heights: [Double]
    public var label: String?
    public var color: Color
    /// Bar width in x units.
    public var width: Double
    /// Text above each bar (nil: none).
    public var valueLabels: [String]?

    public init(xs: [Double], heights: [Double], label: String? = nil, color: Color, width: Double = 0.7, valueLabels: [String]? = nil) {
        precondition(xs.count == heights.count, "bar positions and heights differ in length")
        self.xs = xs; self.heights = heights; self.label = label; self.color = color; self.width = width; self.valueLabels = valueLabels
    }

    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? {
        let finite = heights.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max(), let x0 = xs.min(), let x1 = xs.max() else { return nil }
        return DataBounds(minX: x0 - width, maxX: x1 + width, minY: min(0, lo), maxY: max(0, hi))
    }

    public var legendEntry: LegendEntry? {
        guard let label, !label.isEmpty else { return nil }
        return LegendEntry(label: label, sample: .patch(color))
    }

    func rect(_ i: Int, in context: PlotContext) -> Rect? {
        guard heights[i].isFinite else { return nil }
        let a = context.point(xs[i] - width / 2, 0), b = context.point(xs[i] + width / 2, heights[i])
        guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { return nil }
        return Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(b.x - a.x), height: abs(b.y - a.y))
    }

    public func draw(in context: PlotContext) {
        for i in xs.indices {
            guard let r = rect(i, in: context) else { continue }
            context.canvas.fillAndStroke(.rect(r), fill: color, stroke: StrokeStyle(color: color.darker(0.25), width: 0.8))
            if let labels = valueLabels, i < labels.count, !labels[i].isEmpty {
                let text = RichTextLayout(labels[i], font: context.theme.annotationFont, canvas: context.canvas)
                let top = heights[i] >= 0 ? r.minY - 3 : r.maxY + 3 + text.height
                // A pale backing keeps the number readable over grid or target lines.
                let back = Rect(x: r.midX - text.width / 2 - 2, y: top - text.height - 1, width: text.width + 4, height: text.height + 2)
                context.canvas.fill(.rect(back), color: Color.white.withAlpha(0.8))
                text.draw(on: context.canvas, at: Point(r.midX, top), horizontal: .center, vertical: .bottom, color: context.theme.textColor)
            }
        }
    }

    public func occupiedPoints(in context: PlotContext) -> [Point] {
        xs.indices.compactMap { rect($0, in: context) }.flatMap { r in
            stride(from: r.minY, through: r.maxY, by: max(4, r.height / 8)).flatMap { y in [Point(r.minX, y), Point(r.midX, y), Point(r.maxX, y)] }
        }
    }
}

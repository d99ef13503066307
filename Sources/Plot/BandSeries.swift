import Canvas

/// A filled region between a lower and an upper curve over shared x values
/// (matplotlib's `fill_between`), e.g. a min/max or ±σ band.
public struct BandSeries: PlotMark {
    public var xs: [Double]
    public var lower: [Double]
    public var upper: [Double]
    public var label: String?
    public var color: Color

    public init(xs: [Double], lower: [Double], upper: [Double], label: String? = nil, color: Color) {
        precondition(xs.count == lower.count && xs.count == upper.count, "band arrays differ in length")
        self.xs = xs; self.lower = lower; self.upper = upper; self.label = label; self.color = color
    }

    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? {
        let a = DataBounds.of(xs: xs, ys: lower, xScale: xScale, yScale: yScale)
        let b = DataBounds.of(xs: xs, ys: upper, xScale: xScale, yScale: yScale)
        switch (a, b) {
        case let (a?, b?): return a.union(b)
        default: return a ?? b
        }
    }

    public var legendEntry: LegendEntry? {
        guard let label, !label.isEmpty else { return nil }
        return LegendEntry(label: label, sample: .patch(color))
    }

    /// Runs of consecutive indices where x and both bounds are placeable.
    func segments(in context: PlotContext) -> [[Int]] {
        var runs: [[Int]] = []
        var current: [Int] = []
        for i in xs.indices {
            if context.x.scale.accepts(xs[i]) && context.y.scale.accepts(lower[i]) && context.y.scale.accepts(upper[i]) {
                current.append(i)
            } else if !current.isEmpty {
                runs.append(current); current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    public func draw(in context: PlotContext) {
        for run in segments(in: context) where run.count >= 2 {
            var pts = run.map { context.point(xs[$0], upper[$0]) }
            pts += run.reversed().map { context.point(xs[$0], lower[$0]) }
            context.canvas.fill(.polygon(pts), color: color)
        }
    }

    public func occupiedPoints(in context: PlotContext) -> [Point] {
        segments(in: context).flatMap { run in
            run.flatMap { i -> [Point] in
                let top = context.point(xs[i], upper[i]), bottom = context.point(xs[i], lower[i])
                return [top, Point(top.x, (top.y + bottom.y) / 2), bottom]
            }
        }
    }
}

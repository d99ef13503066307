import Canvas

/// Markers at (x, y) points, with no connecting line.
public struct ScatterSeries: PlotMark {
    public var xs: [Double]
    public var ys: [Double]
    public var label: String?
    public var marker: Marker

    public init(xs: [Double], ys: [Double], label: String? = nil, marker: Marker) {
        precondition(xs.count == ys.count, "xs and ys differ in length")
        self.xs = xs; self.ys = ys; self.label = label; self.marker = marker
    }

    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? {
        DataBounds.of(xs: xs, ys: ys, xScale: xScale, yScale: yScale)
    }

    public var legendEntry: LegendEntry? {
        guard let label, !label.isEmpty else { return nil }
        return LegendEntry(label: label, sample: .marker(marker))
    }

    public func draw(in context: PlotContext) {
        for p in occupiedPoints(in: context) { marker.draw(at: p, on: context.canvas) }
    }

    public func occupiedPoints(in context: PlotContext) -> [Point] {
        var out: [Point] = []
        for i in xs.indices where context.x.scale.accepts(xs[i]) && context.y.scale.accepts(ys[i]) {
            out.append(context.point(xs[i], ys[i]))
        }
        return out
    }
}

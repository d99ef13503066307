import Canvas

/// Points that draw nothing but count for the axis range and the legend's placement, so an
/// animation frame that shows only the first steps of a path keeps the final frame's axes
/// and legend where they are.
public struct HiddenExtent: PlotMark {
    public var xs: [Double]
    public var ys: [Double]

    public init(xs: [Double], ys: [Double]) {
        precondition(xs.count == ys.count, "xs and ys differ in length")
        self.xs = xs; self.ys = ys
    }

    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? {
        DataBounds.of(xs: xs, ys: ys, xScale: xScale, yScale: yScale)
    }

    public func draw(in context: PlotContext) {}

    public func occupiedPoints(in context: PlotContext) -> [Point] {
        zip(xs, ys).compactMap { x, y in
            guard context.x.scale.accepts(x), context.y.scale.accepts(y) else { return nil }
            let p = context.point(x, y)
            return p.x.isFinite && p.y.isFinite ? p : nil
        }
    }
}

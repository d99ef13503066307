#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Canvas

/// A vector field as arrows: at each (x, y) an arrow along (u, v) in data units. Lengths are
/// proportional to the vector's norm, scaled so the 90th-percentile norm spans `cellSize` points
/// (longer ones are clipped to that length so a steep wall does not cover the figure); by
/// default 85% of the spacing of a square n x n field.
public struct QuiverMark: PlotMark {
    public var xs: [Double], ys: [Double], us: [Double], vs: [Double]
    public var color: Color
    /// Canvas length of the reference (90th-percentile) arrow, in points; nil = from the spacing.
    public var cellSize: Double?

    public init(xs: [Double], ys: [Double], us: [Double], vs: [Double], color: Color = Color.white.withAlpha(0.85), cellSize: Double? = nil) {
        self.xs = xs; self.ys = ys; self.us = us; self.vs = vs; self.color = color; self.cellSize = cellSize
    }

    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? { nil }

    /// The arrows in canvas coordinates (tail, head); vectors that are zero or not finite are left out.
    public func arrows(in context: PlotContext) -> [(Point, Point)] {
        // Directions on the canvas: map a small step along (u, v) and measure it.
        var canvasVectors: [(Point, Double, Double)] = []
        for k in xs.indices {
            let a = context.point(xs[k], ys[k])
            let sx = context.x.map(xs[k] + us[k]) - a.x, sy = context.y.map(ys[k] + vs[k]) - a.y
            let norm = hypot(sx, sy)
            guard norm.isFinite, norm > 0 else { continue }
            canvasVectors.append((a, sx, sy))
        }
        let norms = canvasVectors.map { hypot($0.1, $0.2) }.sorted()
        let perSide = max(1, Double(xs.count).squareRoot().rounded())
        let cellSize = self.cellSize ?? 0.85 * min(context.plotRect.width, context.plotRect.height) / perSide
        guard let reference = norms.isEmpty ? nil : norms[min(norms.count - 1, Int(0.9 * Double(norms.count)))] else { return [] }
        return canvasVectors.map { a, sx, sy in
            let n = hypot(sx, sy)
            let length = min(cellSize, cellSize * n / reference)
            return (a, Point(a.x + sx / n * length, a.y + sy / n * length))
        }
    }

    public func draw(in context: PlotContext) {
        for (a, b) in arrows(in: context) {
            ArrowShape.draw(from: a, to: b, color: color, width: 0.9, headLength: 4, on: context.canvas)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Canvas

/// An optimizer's path across a surface: a line through its iterates with small dots, a hollow
/// circle at the start and a filled circle at the end, optional arrows along each step and
/// optional gradient arrows (pointing uphill) at each iterate.
public struct OptimizerPathMark: PlotMark {
    public var xs: [Double]
    public var ys: [Double]
    public var label: String
    public var color: Color
    public var stepArrows: Bool
    /// Gradient (dx, dy) at each iterate, drawn as arrows of `gradientScale` data units per unit of gradient.
    public var gradients: [(Double, Double)]?
    public var gradientScale: Double
    public var gradientColor: Color
    /// Whether the path has a legend row (false when a `LegendRow` stands in for it elsewhere in the order).
    public var inLegend = true
    /// The line's width in points.
    public var lineWidth = OptimizerPathMark.standardWidth
    /// The default line width, and the white halo's extra width beyond the line (half on each side).
    public static let standardWidth = 1.8
    public static let haloExtra = 1.6

    public init(xs: [Double], ys: [Double], label: String, color: Color, stepArrows: Bool = false,
                gradients: [(Double, Double)]? = nil, gradientScale: Double = 1, gradientColor: Color = Color(hex: 0x2CA02C)) {
        self.xs = xs; self.ys = ys; self.label = label; self.color = color; self.stepArrows = stepArrows
        self.gradients = gradients; self.gradientScale = gradientScale; self.gradientColor = gradientColor
    }

    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? {
        DataBounds.of(xs: xs, ys: ys, xScale: xScale, yScale: yScale)
    }

    public var legendEntry: LegendEntry? { inLegend ? Self.legendEntry(label: label, color: color) : nil }

    public static func legendEntry(label: String, color: Color) -> LegendEntry {
        LegendEntry(label: label, sample: .line(StrokeStyle(color: color, width: 1.8), marker: Marker(.circle, size: 4, fill: color)))
    }

    func canvasPoints(_ context: PlotContext) -> [Point?] {
        zip(xs, ys).map { x, y in
            let p = context.point(x, y)
            return p.x.isFinite && p.y.isFinite && abs(p.x) < 1e6 && abs(p.y) < 1e6 ? p : nil
        }
    }

    public func draw(in context: PlotContext) {
        drawLine(in: context)
        drawEndMarkers(in: context)
    }

    /// The line with its halo, the iterate dots, step arrows and gradient arrows.
    public func drawLine(in context: PlotContext) {
        let canvas = context.canvas
        let pts = canvasPoints(context)
        let halo = StrokeStyle(color: Color.white.withAlpha(0.7), width: lineWidth + Self.haloExtra, cap: .round, join: .round)
        let line = StrokeStyle(color: color, width: lineWidth, cap: .round, join: .round)
        var path = Path()
        var open = false
        for p in pts {
            guard let p else { open = false; continue }
            if open { path.line(to: p) } else { path.move(to: p); open = true }
        }
        canvas.stroke(path, style: halo)
        canvas.stroke(path, style: line)
        let dots = pts.count <= 400
        if dots { for case let p? in pts { canvas.fill(.circle(center: p, radius: 1.6), color: color) } }
        if stepArrows {
            for k in 1..<max(1, pts.count) {
                guard let a = pts[k - 1], let b = pts[k], hypot(b.x - a.x, b.y - a.y) > 6 else { continue }
                ArrowShape.draw(from: a, to: b, color: color, width: 1.2, headLength: 6, on: canvas)
            }
        }
        if let gradients {
            for (k, g) in gradients.enumerated() where k < xs.count {
                let a = context.point(xs[k], ys[k]), b = context.point(xs[k] + g.0 * gradientScale, ys[k] + g.1 * gradientScale)
                guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { continue }
                // A white casing keeps the green arrow visible on the green middle of viridis.
                ArrowShape.draw(from: a, to: b, color: Color.white.withAlpha(0.85), width: 3.2, headLength: 6.5, on: canvas)
                ArrowShape.draw(from: a, to: b, color: gradientColor, width: 1.4, headLength: 5.5, on: canvas)
            }
        }
    }

    /// The start (hollow) and end (filled) circles, drawn over every path's line by `OptimizerPathStack`.
    public func drawEndMarkers(in context: PlotContext) {
        let canvas = context.canvas
        let pts = canvasPoints(context)
        if let first = pts.first ?? nil {
            canvas.fillAndStroke(.circle(center: first, radius: 4.2), fill: .white, stroke: StrokeStyle(color: color, width: 2))
        }
        if let last = pts.last(where: { $0 != nil }) ?? nil, pts.count > 1 {
            canvas.fillAndStroke(.circle(center: last, radius: 4.2), fill: color, stroke: StrokeStyle(color: .white, width: 1.2))
        }
    }

    public func occupiedPoints(in context: PlotContext) -> [Point] { canvasPoints(context).compactMap { $0 } }
}

/// Known minima of a surface: white crosses outlined in black, with a legend row.
public struct MinimaMark: PlotMark {
    public var points: [(Double, Double)]
    public var label: String

    public init(points: [(Double, Double)], label: String = "known minimum") {
        self.points = points; self.label = label
    }

    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? { nil }

    public var legendEntry: LegendEntry? {
        points.isEmpty ? nil : LegendEntry(label: label, sample: .marker(Marker(.cross, size: 9, fill: Color(hex: 0x111111))))
    }

    public func draw(in context: PlotContext) {
        for (x, y) in points {
            let c = context.point(x, y)
            guard context.plotRect.contains(c) else { continue }
            var p = Path()
            let r = 5.0
            p.move(to: Point(c.x - r, c.y - r)); p.line(to: Point(c.x + r, c.y + r))
            p.move(to: Point(c.x - r, c.y + r)); p.line(to: Point(c.x + r, c.y - r))
            context.canvas.stroke(p, style: StrokeStyle(color: Color(hex: 0x111111), width: 3.6, cap: .round))
            context.canvas.stroke(p, style: StrokeStyle(color: .white, width: 1.6, cap: .round))
        }
    }

    /// The centre and the ends of each cross (a legend must not hide any part of one), so a
    /// minimum weighs as five points when the legend looks for the emptiest corner.
    public func occupiedPoints(in context: PlotContext) -> [Point] {
        points.flatMap { x, y -> [Point] in
            let c = context.point(x, y), r = 7.0
            return [c, Point(c.x - r, c.y - r), Point(c.x + r, c.y - r), Point(c.x - r, c.y + r), Point(c.x + r, c.y + r)]
        }
    }
}

/// A legend row that draws nothing: lets marks be drawn in one order and listed in another.
public struct LegendRow: PlotMark {
    public var entry: LegendEntry
    public init(_ entry: LegendEntry) { self.entry = entry }
    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? { nil }
    public func draw(in context: PlotContext) {}
    public var legendEntry: LegendEntry? { entry }
}

import Canvas

/// Builds 2D axes of curves of one variable: the curves themselves, straight lines through
/// two points (tangents, secants), marked points with labels, and arrows (gradient steps).
public struct CurveChart: Sendable {
    /// A sampled curve.
    public struct Curve: Sendable {
        public var xs: [Double], ys: [Double]
        public var label: String?
        public var color: Color?
        public var dashed = false
        public var width: Double?
        /// Dots at the samples too (a line through a few iterates).
        public var markers = false
        public init(xs: [Double], ys: [Double], label: String? = nil, color: Color? = nil, dashed: Bool = false, width: Double? = nil,
                    markers: Bool = false) {
            self.xs = xs; self.ys = ys; self.label = label; self.color = color; self.dashed = dashed; self.width = width; self.markers = markers
        }
    }

    /// A marked point with an optional label beside it.
    public struct MarkedPoint: Sendable {
        public var x: Double, y: Double
        public var label: String?
        public var color: Color?
        /// Where the label goes: above left (a rising curve leaves room there), above right, or above.
        public enum LabelSide: Sendable { case left, right, above }
        public var labelSide: LabelSide
        public init(x: Double, y: Double, label: String? = nil, color: Color? = nil, labelSide: LabelSide = .right) {
            self.x = x; self.y = y; self.label = label; self.color = color; self.labelSide = labelSide
        }
    }

    /// An arrow from one data point to another.
    public struct Arrow: Sendable {
        public var from: (Double, Double), to: (Double, Double)
        public var color: Color
        public init(from: (Double, Double), to: (Double, Double), color: Color) { self.from = from; self.to = to; self.color = color }
    }

    public var title: String?
    public var xLabel: String
    public var yLabel: String
    public var curves: [Curve] = []
    /// Indices of curves drawn as dots only (iterates, numerical estimates).
    public var markerCurves: Set<Int> = []
    public var points: [MarkedPoint] = []
    public var arrows: [Arrow] = []
    /// Points not drawn (yet) that still set the axis range and the legend's place: an animation frame's later iterates.
    public var hidden: (xs: [Double], ys: [Double]) = ([], [])
    public var logX = false
    public var logY = false
    public var xLimits = AxisLimits()
    public var yLimits = AxisLimits()
    public var legend: LegendPlacement = .best

    public init(title: String? = nil, xLabel: String, yLabel: String) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel
    }

    /// The axes, colours from the theme's palette in curve order where a curve names none.
    public func axes(theme: Theme = Theme()) -> Axes {
        var axes = Axes(title: title, xLabel: xLabel, yLabel: yLabel)
        axes.xScale = logX ? .log : .linear
        axes.yScale = logY ? .log : .linear
        axes.xLimits = xLimits
        axes.yLimits = yLimits
        for (k, curve) in curves.enumerated() {
            let color = curve.color ?? theme.color(k)
            if markerCurves.contains(k) {
                axes.add(LineSeries(xs: curve.xs, ys: curve.ys, label: curve.label, style: StrokeStyle(color: color, width: 0),
                                    marker: Marker(.circle, size: 6, fill: color, edge: .white)))
                continue
            }
            let style = StrokeStyle(color: color, width: curve.width ?? theme.lineWidth, dash: curve.dashed ? [5, 3] : [])
            axes.add(LineSeries(xs: curve.xs, ys: curve.ys, label: curve.label, style: style,
                                marker: curve.markers ? Marker(.circle, size: 5, fill: color, edge: .white) : nil))
        }
        for arrow in arrows { axes.add(ArrowAnnotation(from: arrow.from, to: arrow.to, color: arrow.color)) }
        if !hidden.xs.isEmpty { axes.add(HiddenExtent(xs: hidden.xs, ys: hidden.ys)) }
        for point in points {
            let color = point.color ?? theme.textColor
            axes.add(ScatterSeries(xs: [point.x], ys: [point.y], marker: Marker(.circle, size: 6, fill: color, edge: .white)))
            if let label = point.label, !label.isEmpty {
                let (anchor, dx, dy): (HorizontalAnchor, Double, Double) = switch point.labelSide {
                case .left: (.right, -6, -4)
                case .right: (.left, 6, -4)
                case .above: (.center, 0, -9)
                }
                // The label in its point's colour (darkened to read as text) tells which curve it belongs to.
                axes.add(TextAnnotation(label, x: point.x, y: point.y, horizontal: anchor, vertical: .bottom,
                                        offset: Point(dx, dy), color: point.color.map { $0.darker(0.25) } ?? theme.textColor, boxed: true))
            }
        }
        axes.legend = curves.contains { ($0.label ?? "").isEmpty == false } ? legend : .none
        return axes
    }
}

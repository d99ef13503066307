import Canvas

/// What a mark needs to draw itself: the canvas, the plot area and the axis mappings.
public struct PlotContext {
    public var canvas: Canvas
    /// The axes' data area in canvas coordinates.
    public var plotRect: Rect
    public var x: AxisMapping
    public var y: AxisMapping
    public var theme: Theme
    /// Canvas rectangles drawn over the marks afterwards (an inside legend): marks that choose
    /// where their own text goes (contour labels) keep it out of them.
    public var keepOut: [Rect] = []

    public init(canvas: Canvas, plotRect: Rect, x: AxisMapping, y: AxisMapping, theme: Theme) {
        self.canvas = canvas; self.plotRect = plotRect; self.x = x; self.y = y; self.theme = theme
    }

    /// Canvas position of a data point.
    @inlinable
    public func point(_ dx: Double, _ dy: Double) -> Point { Point(x.map(dx), y.map(dy)) }
}

/// The data extent of a mark, over values placeable on the axes' scales.
public struct DataBounds: Sendable, Equatable {
    public var minX: Double, maxX: Double, minY: Double, maxY: Double

    public init(minX: Double, maxX: Double, minY: Double, maxY: Double) {
        self.minX = minX; self.maxX = maxX; self.minY = minY; self.maxY = maxY
    }

    public func union(_ o: DataBounds) -> DataBounds {
        DataBounds(minX: min(minX, o.minX), maxX: max(maxX, o.maxX), minY: min(minY, o.minY), maxY: max(maxY, o.maxY))
    }

    /// The bounds of the placeable points among `xs`/`ys`, or nil if there are none.
    public static func of(xs: [Double], ys: [Double], xScale: AxisScale, yScale: AxisScale) -> DataBounds? {
        var b = DataBounds(minX: .infinity, maxX: -.infinity, minY: .infinity, maxY: -.infinity)
        var any = false
        for i in 0..<min(xs.count, ys.count) {
            let x = xs[i], y = ys[i]
            guard xScale.accepts(x), yScale.accepts(y) else { continue }
            any = true
            if x < b.minX { b.minX = x }
            if x > b.maxX { b.maxX = x }
            if y < b.minY { b.minY = y }
            if y > b.maxY { b.maxY = y }
        }
        return any ? b : nil
    }
}

/// Anything drawn inside an axes: series, bands, annotations, reference lines.
///
/// Marks are plain values; the axes ask them for their data bounds (for autoscaling),
/// for the canvas points they cover (for legend placement) and to draw themselves.
public protocol PlotMark: Sendable {
    /// Data bounds for autoscaling, or nil when the mark should not affect limits.
    func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds?
    /// Draws into `context` (clipped to the plot area unless the mark draws outside on purpose).
    func draw(in context: PlotContext)
    /// The legend row for this mark, if it has one.
    var legendEntry: LegendEntry? { get }
    /// Canvas points the mark covers, for placing the legend where it hides least.
    func occupiedPoints(in context: PlotContext) -> [Point]
    /// What the mark is, in words ("contour lines"), for notes about marks left out.
    var markName: String { get }
}

extension PlotMark {
    public var legendEntry: LegendEntry? { nil }
    public func occupiedPoints(in context: PlotContext) -> [Point] { [] }
    /// The type's name in lower-case words: `ContourLines` reads "contour lines".
    public var markName: String {
        var words = ""
        for c in String(describing: type(of: self)) {
            if c.isUppercase && !words.isEmpty { words.append(" ") }
            words.append(contentsOf: c.lowercased())
        }
        return words
    }
}

/// One legend row: a label and the sample drawn beside it.
public struct LegendEntry: Sendable, Equatable {
    /// The sample glyph.
    public enum Sample: Sendable, Equatable {
        case line(StrokeStyle, marker: Marker?)
        case marker(Marker)
        case patch(Color)
        /// An arrow pointing right, for arrow marks (gradients).
        case arrow(Color)
    }

    public var label: String
    public var sample: Sample

    public init(label: String, sample: Sample) {
        self.label = label; self.sample = sample
    }
}

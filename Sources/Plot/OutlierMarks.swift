import Canvas

/// Points that lie outside the y range (`--ignore-outliers`), drawn as small triangles at the
/// top or bottom edge of the plot at their x, in their series' colours, with a count ("3 above")
/// beside the last (where a decaying curve has come back into view), so data outside the range
/// never looks lost.
public struct OutlierMarks: PlotMark {
    /// Which edge the points lie beyond.
    public enum Edge: Sendable, Equatable { case top, bottom }

    /// One series' points beyond the edge: their x values and the series' colour.
    public struct Group: Sendable, Equatable {
        public var xs: [Double]
        public var color: Color
        public init(xs: [Double], color: Color) { self.xs = xs; self.color = color }
    }

    public var edge: Edge
    public var groups: [Group]

    public init(edge: Edge, groups: [Group]) { self.edge = edge; self.groups = groups.filter { !$0.xs.isEmpty } }

    /// How many points lie beyond the edge.
    public var count: Int { groups.reduce(0) { $0 + $1.xs.count } }

    /// "3 above", "1 below".
    public var label: String { "\(count) \(edge == .top ? "above" : "below")" }

    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? { nil }

    /// The triangles' centres and colours, one per marker width along the edge.
    func triangles(in context: PlotContext) -> [(center: Point, color: Color)] {
        let r = context.plotRect, size = context.theme.markerSize
        let y = edge == .top ? r.minY + 0.2 * size + size / 2 : r.maxY - 0.2 * size - size / 2
        var out: [(Point, Color)] = []
        for group in groups {
            var taken = Set<Int>()
            for x in group.xs {
                let px = context.x.map(x)
                guard px.isFinite, context.x.contains(x), taken.insert(Int((px / (0.6 * size)).rounded())).inserted else { continue }
                out.append((Point(px, y), group.color))
            }
        }
        return out
    }

    /// The count's text and where it goes: right of the rightmost triangle (left of it at the
    /// plot's right edge), inside the plot.
    func countLabel(in context: PlotContext, triangles: [(center: Point, color: Color)]) -> (RichTextLayout, Point)? {
        guard let last = triangles.max(by: { $0.center.x < $1.center.x }) else { return nil }
        let layout = RichTextLayout(label, font: context.theme.annotationFont, canvas: context.canvas)
        let r = context.plotRect, size = context.theme.markerSize
        var x = last.center.x + size
        if x + layout.width > r.maxX - 2 { x = max(r.minX + 2, last.center.x - size - layout.width) }
        let y = edge == .top ? r.minY + 2 : r.maxY - 2
        return (layout, Point(x, y))
    }

    public func draw(in context: PlotContext) {
        let shapes = triangles(in: context)
        let size = context.theme.markerSize
        for (c, color) in shapes {
            Marker(edge == .top ? .triangle : .triangleDown, size: size, fill: color, edge: context.theme.background).draw(at: c, on: context.canvas)
        }
        guard let (layout, p) = countLabel(in: context, triangles: shapes) else { return }
        let vertical: VerticalAnchor = edge == .top ? .top : .bottom
        let box = layout.bounds(at: p, horizontal: .left, vertical: vertical)
        context.canvas.fill(.rect(box.insetBy(-2)), color: context.theme.background.withAlpha(0.85))
        layout.draw(on: context.canvas, at: p, horizontal: .left, vertical: vertical, color: context.theme.textColor)
    }

    public func occupiedPoints(in context: PlotContext) -> [Point] {
        let shapes = triangles(in: context)
        var points = shapes.map(\.center)
        if let (layout, p) = countLabel(in: context, triangles: shapes) {
            let box = layout.bounds(at: p, horizontal: .left, vertical: edge == .top ? .top : .bottom)
            points += [Point(box.minX, box.midY), Point(box.midX, box.midY), Point(box.maxX, box.midY)]
        }
        return points
    }
}

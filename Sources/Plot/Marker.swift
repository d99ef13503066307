import Canvas

/// A point marker: shape, size (diameter in points) and colours.
public struct Marker: Sendable, Equatable {
    /// Marker shapes, as in matplotlib's `o s ^ D x +`.
    public enum Shape: String, Sendable, Equatable, CaseIterable {
        case circle, square, triangle, diamond, cross, plus
    }

    public var shape: Shape
    public var size: Double
    public var fill: Color
    public var edge: Color?

    public init(_ shape: Shape = .circle, size: Double = 5, fill: Color, edge: Color? = nil) {
        self.shape = shape; self.size = size; self.fill = fill; self.edge = edge
    }

    /// Draws the marker centred on `c`.
    public func draw(at c: Point, on canvas: Canvas) {
        let r = size / 2
        let path: Path
        switch shape {
        case .circle: path = .circle(center: c, radius: r)
        case .square: path = .rect(Rect(x: c.x - r, y: c.y - r, width: size, height: size))
        case .triangle:
            path = .polygon([Point(c.x, c.y - r * 1.15), Point(c.x + r, c.y + r * 0.75), Point(c.x - r, c.y + r * 0.75)])
        case .diamond:
            path = .polygon([Point(c.x, c.y - r * 1.2), Point(c.x + r, c.y), Point(c.x, c.y + r * 1.2), Point(c.x - r, c.y)])
        case .cross, .plus:
            var p = Path()
            if shape == .cross {
                p.move(to: Point(c.x - r, c.y - r)); p.line(to: Point(c.x + r, c.y + r))
                p.move(to: Point(c.x - r, c.y + r)); p.line(to: Point(c.x + r, c.y - r))
            } else {
                p.move(to: Point(c.x - r, c.y)); p.line(to: Point(c.x + r, c.y))
                p.move(to: Point(c.x, c.y - r)); p.line(to: Point(c.x, c.y + r))
            }
            canvas.stroke(p, style: StrokeStyle(color: fill, width: max(1, size / 4), cap: .round))
            return
        }
        canvas.fill(path, color: fill)
        if let edge { canvas.stroke(path, style: StrokeStyle(color: edge, width: 0.8)) }
    }
}

/// A vector path: move/line/curve/close commands in canvas units.
public struct Path: Sendable, Equatable {
    /// One drawing command.
    public enum Element: Sendable, Equatable {
        case move(Point)
        case line(Point)
        case curve(Point, Point, Point)
        case close
    }

    public private(set) var elements: [Element] = []

    public init() {}

    public init(reservingCapacity n: Int) {
        elements.reserveCapacity(n)
    }

    public var isEmpty: Bool { elements.isEmpty }

    public mutating func move(to p: Point) { elements.append(.move(p)) }
    public mutating func line(to p: Point) { elements.append(.line(p)) }
    public mutating func curve(to p: Point, control1: Point, control2: Point) {
        elements.append(.curve(control1, control2, p))
    }
    public mutating func close() { elements.append(.close) }

    /// An open polyline through `points`.
    public static func polyline(_ points: [Point]) -> Path {
        var p = Path(reservingCapacity: points.count)
        for (i, pt) in points.enumerated() {
            if i == 0 { p.move(to: pt) } else { p.line(to: pt) }
        }
        return p
    }

    /// A closed rectangle.
    public static func rect(_ r: Rect) -> Path {
        var p = Path()
        p.move(to: Point(r.minX, r.minY))
        p.line(to: Point(r.maxX, r.minY))
        p.line(to: Point(r.maxX, r.maxY))
        p.line(to: Point(r.minX, r.maxY))
        p.close()
        return p
    }

    /// A circle approximated by four cubic Bézier arcs.
    public static func circle(center c: Point, radius r: Double) -> Path {
        let k = 0.5522847498 * r
        var p = Path()
        p.move(to: Point(c.x + r, c.y))
        p.curve(to: Point(c.x, c.y + r), control1: Point(c.x + r, c.y + k), control2: Point(c.x + k, c.y + r))
        p.curve(to: Point(c.x - r, c.y), control1: Point(c.x - k, c.y + r), control2: Point(c.x - r, c.y + k))
        p.curve(to: Point(c.x, c.y - r), control1: Point(c.x - r, c.y - k), control2: Point(c.x - k, c.y - r))
        p.curve(to: Point(c.x + r, c.y), control1: Point(c.x + k, c.y - r), control2: Point(c.x + r, c.y - k))
        p.close()
        return p
    }

    /// A closed polygon through `points`.
    public static func polygon(_ points: [Point]) -> Path {
        var p = polyline(points)
        if !points.isEmpty { p.close() }
        return p
    }
}

import Canvas

/// A point marker: shape, size (diameter in points) and colours.
public struct Marker: Sendable, Equatable {
    /// Marker shapes, as in matplotlib's `o s ^ v D x +`.
    public enum Shape: String, Sendable, Equatable, CaseIterable {
        case circle, square, triangle, triangleDown, diamond, cross, plus
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
        case .triangleDown:
            path = .polygon([Point(c.x, c.y + r * 1.15), Point(c.x - r, c.y - r * 0.75), Point(c.x + r, c.y - r * 0.75)])
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

/// A marker as matplotlib's format codes name it: `o s ^ v D x + .` (`.` is a circle of half
/// the size), or `none`.
public enum MarkerCode: Sendable, Equatable {
    case none
    case shape(Marker.Shape, scale: Double)

    /// The codes `init?(code:)` takes, for messages.
    public static let codes = "o s ^ v D x + . none"

    public init?(code: String) {
        switch code {
        case "o": self = .shape(.circle, scale: 1)
        case ".": self = .shape(.circle, scale: 0.5)
        case "s": self = .shape(.square, scale: 1)
        case "^": self = .shape(.triangle, scale: 1)
        case "v": self = .shape(.triangleDown, scale: 1)
        case "D", "d": self = .shape(.diamond, scale: 1)
        case "x": self = .shape(.cross, scale: 1)
        case "+": self = .shape(.plus, scale: 1)
        case "none", "None", "": self = .none
        default: return nil
        }
    }
}

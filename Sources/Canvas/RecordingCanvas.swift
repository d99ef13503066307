#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A canvas that records every call, for tests of geometry and layout.
///
/// Text is measured with a fixed advance of 0.6 em a character, ascent 0.75 em and
/// descent 0.25 em, so layouts are deterministic without fonts. Positions are recorded in
/// canvas coordinates: the current transform (translation, rotation, scale) is applied to
/// paths, text origins, images and clips (as bounding boxes), font sizes are scaled, and
/// the total rotation is kept as the text's angle.
public final class RecordingCanvas: Canvas {
    /// One recorded drawing call, with the current transform applied.
    public enum Operation: Sendable, Equatable {
        case stroke(Path, StrokeStyle)
        case fill(Path, Color)
        case text(String, Point, Font, Color, rotation: Double)
        case image(width: Int, height: Int, Rect)
        case clip(Rect)
    }

    public let size: Size
    public let pixelsPerPoint: Double
    public private(set) var operations: [Operation] = []
    /// The current transform as Cairo keeps it: x' = a x + c y + e, y' = b x + d y + f.
    private var m = (a: 1.0, b: 0.0, c: 0.0, d: 1.0, e: 0.0, f: 0.0)
    private var rotation = 0.0
    private var stack: [((a: Double, b: Double, c: Double, d: Double, e: Double, f: Double), Double)] = []

    public init(size: Size, pixelsPerPoint: Double = 2) { self.size = size; self.pixelsPerPoint = pixelsPerPoint }

    var isIdentity: Bool { m == (1, 0, 0, 1, 0, 0) }
    /// The length scale of the transform.
    var factor: Double { (abs(m.a * m.d - m.b * m.c)).squareRoot() }

    func place(_ p: Point) -> Point { Point(m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f) }
    func place(_ r: Rect) -> Rect {
        let corners = [place(Point(r.minX, r.minY)), place(Point(r.maxX, r.minY)), place(Point(r.minX, r.maxY)), place(Point(r.maxX, r.maxY))]
        let xs = corners.map(\.x), ys = corners.map(\.y)
        return Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
    }
    func place(_ path: Path) -> Path {
        guard !isIdentity else { return path }
        var out = Path()
        for element in path.elements {
            switch element {
            case .move(let p): out.move(to: place(p))
            case .line(let p): out.line(to: place(p))
            case .curve(let a, let b, let p): out.curve(to: place(p), control1: place(a), control2: place(b))
            case .close: out.close()
            }
        }
        return out
    }

    public func stroke(_ path: Path, style: StrokeStyle) {
        var scaled = style
        scaled.width *= factor
        operations.append(.stroke(place(path), factor == 1 ? style : scaled))
    }
    public func fill(_ path: Path, color: Color) { operations.append(.fill(place(path), color)) }
    public func drawText(_ text: String, at origin: Point, font: Font, color: Color) {
        var scaled = font
        scaled.size *= factor
        operations.append(.text(text, place(origin), factor == 1 ? font : scaled, color, rotation: rotation))
    }
    public func measureText(_ text: String, font: Font) -> TextExtent {
        TextExtent(width: 0.6 * font.size * Double(text.count), ascent: 0.75 * font.size, descent: 0.25 * font.size)
    }
    public func drawImage(_ image: RasterImage, in rect: Rect, smooth: Bool) {
        operations.append(.image(width: image.width, height: image.height, place(rect)))
    }
    public func save() { stack.append((m, rotation)) }
    public func restore() { if let s = stack.popLast() { (m, rotation) = s } }
    public func translate(by p: Point) {
        m.e += m.a * p.x + m.c * p.y
        m.f += m.b * p.x + m.d * p.y
    }
    /// Counter-clockwise on screen for positive angles (Cairo turns by -radians, y pointing down).
    public func rotate(by radians: Double) {
        rotation += radians
        let cs = cos(-radians), sn = sin(-radians)
        m = (m.a * cs + m.c * sn, m.b * cs + m.d * sn, -m.a * sn + m.c * cs, -m.b * sn + m.d * cs, m.e, m.f)
    }
    public func scale(by f: Double) { m.a *= f; m.b *= f; m.c *= f; m.d *= f }
    public func clip(to rect: Rect) { operations.append(.clip(place(rect))) }

    /// The strings drawn, in order.
    public var texts: [String] {
        operations.compactMap { if case .text(let s, _, _, _, _) = $0 { return s } else { return nil } }
    }
}

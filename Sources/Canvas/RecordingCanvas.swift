/// A canvas that records every call, for tests of geometry and layout.
///
/// Text is measured with a fixed advance of 0.6 em a character, ascent 0.75 em and
/// descent 0.25 em, so layouts are deterministic without fonts. Positions are recorded in
/// canvas coordinates: the current translation and scale are applied to paths, text
/// origins (and font sizes), images and clips; rotation is kept as the text's angle.
public final class RecordingCanvas: Canvas {
    /// One recorded drawing call, with the transform's translation and scale applied.
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
    private var offset = Point.zero
    private var factor = 1.0
    private var rotation = 0.0
    private var stack: [(Point, Double, Double)] = []

    public init(size: Size, pixelsPerPoint: Double = 2) { self.size = size; self.pixelsPerPoint = pixelsPerPoint }

    func place(_ p: Point) -> Point { Point(offset.x + factor * p.x, offset.y + factor * p.y) }
    func place(_ r: Rect) -> Rect { Rect(x: offset.x + factor * r.x, y: offset.y + factor * r.y, width: factor * r.width, height: factor * r.height) }
    func place(_ path: Path) -> Path {
        guard offset != .zero || factor != 1 else { return path }
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
    public func save() { stack.append((offset, factor, rotation)) }
    public func restore() { if let s = stack.popLast() { (offset, factor, rotation) = s } }
    public func translate(by p: Point) { offset = Point(offset.x + factor * p.x, offset.y + factor * p.y) }
    public func rotate(by radians: Double) { rotation += radians }
    public func scale(by f: Double) { factor *= f }
    public func clip(to rect: Rect) { operations.append(.clip(place(rect))) }

    /// The strings drawn, in order.
    public var texts: [String] {
        operations.compactMap { if case .text(let s, _, _, _, _) = $0 { return s } else { return nil } }
    }
}

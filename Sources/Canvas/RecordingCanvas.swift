/// A canvas that records every call, for tests of geometry and layout.
///
/// Text is measured with a fixed advance of 0.6 em a character, ascent 0.75 em and
/// descent 0.25 em, so layouts are deterministic without fonts.
public final class RecordingCanvas: Canvas {
    /// One recorded drawing call, with the transform's translation applied to positions.
    public enum Operation: Sendable, Equatable {
        case stroke(Path, StrokeStyle)
        case fill(Path, Color)
        case text(String, Point, Font, Color, rotation: Double)
        case image(width: Int, height: Int, Rect)
        case clip(Rect)
    }

    public let size: Size
    public private(set) var operations: [Operation] = []
    private var offset = Point.zero
    private var rotation = 0.0
    private var stack: [(Point, Double)] = []

    public init(size: Size) { self.size = size }

    public func stroke(_ path: Path, style: StrokeStyle) { operations.append(.stroke(path, style)) }
    public func fill(_ path: Path, color: Color) { operations.append(.fill(path, color)) }
    public func drawText(_ text: String, at origin: Point, font: Font, color: Color) {
        operations.append(.text(text, Point(origin.x + offset.x, origin.y + offset.y), font, color, rotation: rotation))
    }
    public func measureText(_ text: String, font: Font) -> TextExtent {
        TextExtent(width: 0.6 * font.size * Double(text.count), ascent: 0.75 * font.size, descent: 0.25 * font.size)
    }
    public func drawImage(_ image: RasterImage, in rect: Rect, smooth: Bool) {
        operations.append(.image(width: image.width, height: image.height, rect))
    }
    public func save() { stack.append((offset, rotation)) }
    public func restore() { if let s = stack.popLast() { (offset, rotation) = s } }
    public func translate(by p: Point) { offset = Point(offset.x + p.x, offset.y + p.y) }
    public func rotate(by radians: Double) { rotation += radians }
    public func clip(to rect: Rect) { operations.append(.clip(rect)) }

    /// The strings drawn, in order.
    public var texts: [String] {
        operations.compactMap { if case .text(let s, _, _, _, _) = $0 { return s } else { return nil } }
    }
}

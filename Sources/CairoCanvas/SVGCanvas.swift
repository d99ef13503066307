import Canvas
#if canImport(Glibc)
import Glibc
#endif

/// A `Canvas` that writes SVG text directly (as matplotlib's backend_svg does), with Cairo
/// used only for fonts: text becomes glyph outlines defined once and placed with `<use>`, so
/// the file looks like the PNG without the fonts installed.
///
/// Pure translations are folded into the coordinates; a rotated or scaled state writes its
/// elements in user space under a `transform`, so stroke widths and dashes scale as they should.
/// Non-finite coordinates never reach the file: a path skips the segments they touch, text or
/// images placed at them are left out.
public final class SVGCanvas: Canvas {
    public let size: Size
    public let pixelsPerPoint: Double

    private var body = SVGText(reservingCapacity: 1 << 20)
    private let glyphs: SVGGlyphs
    private let software: String
    private var transform = Affine.identity
    /// `<g clip-path>` groups opened in the current save level, closed by its restore.
    private var openClips = 0
    private var saved: [(transform: Affine, openClips: Int)] = []
    private var clips = 0
    private var failure: OutputError?

    /// A canvas of `size` points; `pixelsPerPoint` is the resolution the figure is laid out for.
    /// `software` names the program in embedded images' PNG chunks.
    public init(size: Size, pixelsPerPoint: Double, software: String) throws {
        self.size = size
        self.pixelsPerPoint = pixelsPerPoint
        self.software = software
        glyphs = try SVGGlyphs()
    }

    /// Paints the page white (the opaque background of a figure).
    public func paintPage(_ color: Color) {
        body.append("<rect width=\"")
        body.number(size.width)
        body.append("\" height=\"")
        body.number(size.height)
        body.append("\" fill=\"")
        body.hexColor(color)
        body.append("\"/>\n")
    }

    /// The whole document: header, title and description, glyph definitions, the drawing.
    /// Throws when an image could not be embedded.
    public func document(metadata: DocumentMetadata) throws -> [UInt8] {
        if let failure { throw failure }
        var out = SVGText(reservingCapacity: body.bytes.count + glyphs.definitions.bytes.count + 1024)
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"")
        out.number(size.width)
        out.append("pt\" height=\"")
        out.number(size.height)
        out.append("pt\" viewBox=\"0 0 ")
        out.number(size.width)
        out.byte(32)
        out.number(size.height)
        out.append("\" version=\"1.1\">\n")
        if let title = metadata.title, !title.isEmpty {
            out.append("<title>")
            out.escaped(title)
            out.append("</title>\n")
        }
        out.append("<desc>")
        out.escaped(metadata.software)
        if let command = metadata.command, !command.isEmpty {
            out.append(": ")
            out.escaped(command)
        }
        out.append("</desc>\n")
        if !glyphs.definitions.bytes.isEmpty {
            out.append("<defs>\n")
            out.append(glyphs.definitions)
            out.append("</defs>\n")
        }
        out.append(body)
        for _ in 0..<(openClips + saved.reduce(0) { $0 + $1.openClips }) { out.append("</g>\n") }
        out.append("</svg>\n")
        return out.bytes
    }

    // MARK: - Canvas

    public func stroke(_ path: Path, style: StrokeStyle) {
        guard !path.isEmpty, style.width > 0, style.width.isFinite, style.color.alpha > 0 else { return }
        element(path) {
            $0.append("<path fill=\"none\" stroke=\"")
            $0.hexColor(style.color)
            if style.color.alpha < 1 {
                $0.append("\" stroke-opacity=\"")
                $0.number(style.color.alpha)
            }
            $0.append("\" stroke-width=\"")
            $0.number(style.width)
            switch style.cap {
            case .butt: break
            case .round: $0.append("\" stroke-linecap=\"round")
            case .square: $0.append("\" stroke-linecap=\"square")
            }
            switch style.join {
            // Cairo's miter limit is 10, SVG's default 4.
            case .miter: $0.append("\" stroke-miterlimit=\"10")
            case .round: $0.append("\" stroke-linejoin=\"round")
            case .bevel: $0.append("\" stroke-linejoin=\"bevel")
            }
            if !style.dash.isEmpty, style.dash.allSatisfy({ $0 >= 0 && $0.isFinite }), style.dash.contains(where: { $0 > 0 }) {
                $0.append("\" stroke-dasharray=\"")
                for (i, d) in style.dash.enumerated() {
                    if i > 0 { $0.byte(44) }
                    $0.number(d)
                }
            }
        }
    }

    public func fill(_ path: Path, color: Color) {
        guard !path.isEmpty, color.alpha > 0 else { return }
        element(path) {
            $0.append("<path fill=\"")
            $0.hexColor(color)
            if color.alpha < 1 {
                $0.append("\" fill-opacity=\"")
                $0.number(color.alpha)
            }
        }
    }

    public func drawText(_ text: String, at origin: Point, font: Font, color: Color) {
        guard !text.isEmpty, color.alpha > 0, origin.x.isFinite, origin.y.isFinite, transform.isFinite else { return }
        let run = glyphs.layout(text, font: font)
        guard run.contains(where: { $0.id > 0 }) else { return }
        body.append("<g fill=\"")
        body.hexColor(color)
        if color.alpha < 1 {
            body.append("\" fill-opacity=\"")
            body.number(color.alpha)
        }
        var dx = origin.x, dy = origin.y
        if transform.isTranslation {
            dx += transform.e; dy += transform.f
        } else {
            writeTransform()
        }
        body.append("\">\n")
        for g in run where g.id > 0 {
            body.append("<use xlink:href=\"#glyph")
            body.integer(g.id)
            body.append("\" x=\"")
            body.number(g.x + dx)
            body.append("\" y=\"")
            body.number(g.y + dy)
            body.append("\"/>\n")
        }
        body.append("</g>\n")
    }

    public func measureText(_ text: String, font: Font) -> TextExtent { glyphs.measure(text, font: font) }

    public func drawImage(_ image: RasterImage, in rect: Rect, smooth: Bool) {
        guard image.width > 0, image.height > 0, rect.width > 0, rect.height > 0,
              rect.isFinite, transform.isFinite else { return }
        let png: [UInt8]
        do {
            png = try PNGFile.encode(rgba: image.rgba, width: image.width, height: image.height, dpi: 72,
                                     metadata: DocumentMetadata(software: software))
        } catch {
            // The Canvas calls cannot throw; the document reports it instead of leaving the image out.
            failure = failure ?? OutputError("cannot embed a \(image.width)x\(image.height) image in the SVG: \(error)")
            return
        }
        body.append("<image")
        placeRect(rect)
        body.append(" preserveAspectRatio=\"none\"")
        if smooth {
            body.append(" image-rendering=\"optimizeQuality\"")
        } else {
            // The attribute for SVG 1.1 renderers, the CSS value for browsers.
            body.append(" image-rendering=\"optimizeSpeed\" style=\"image-rendering:pixelated\"")
        }
        body.append(" xlink:href=\"data:image/png;base64,")
        body.base64(png)
        body.append("\"/>\n")
    }

    public func save() {
        saved.append((transform, openClips))
        openClips = 0
    }

    public func restore() {
        guard let last = saved.popLast() else { return }
        for _ in 0..<openClips { body.append("</g>\n") }
        transform = last.transform
        openClips = last.openClips
    }

    public func translate(by offset: Point) { transform = transform.translated(offset.x, offset.y) }
    // Positive angles turn counter-clockwise on screen, where y grows down.
    public func rotate(by radians: Double) { transform = transform.rotated(-radians) }
    public func scale(by factor: Double) { transform = transform.scaled(factor) }

    public func clip(to rect: Rect) {
        clips += 1
        body.append("<clipPath id=\"clip")
        body.integer(clips)
        body.append("\"><rect")
        if rect.isFinite, transform.isFinite {
            placeRect(Rect(x: rect.x, y: rect.y, width: max(0, rect.width), height: max(0, rect.height)))
        } else {
            // An undefined clip shows nothing, as an empty rectangle does.
            body.append(" width=\"0\" height=\"0\"")
        }
        body.append("/></clipPath>\n<g clip-path=\"url(#clip")
        body.integer(clips)
        body.append(")\">\n")
        openClips += 1
    }

    // MARK: - Writing

    /// Writes ` x= y= width= height=` for `rect` in the current transform.
    private func placeRect(_ rect: Rect) {
        var x = rect.x, y = rect.y
        if transform.isTranslation {
            x += transform.e; y += transform.f
        }
        body.append(" x=\"")
        body.number(x)
        body.append("\" y=\"")
        body.number(y)
        body.append("\" width=\"")
        body.number(rect.width)
        body.append("\" height=\"")
        body.number(rect.height)
        body.append("\"")
        if !transform.isTranslation {
            body.append(" transform=\"matrix(")
            writeMatrix()
            body.append(")\"")
        }
    }

    /// `" transform="matrix(...)` inside an open attribute list whose last value is still open.
    private func writeTransform() {
        body.append("\" transform=\"matrix(")
        writeMatrix()
        body.append(")")
    }

    private func writeMatrix() {
        let m = transform
        for v in [m.a, m.b, m.c, m.d] {
            body.number(v, places: 6)
            body.byte(44)
        }
        body.number(m.e)
        body.byte(44)
        body.number(m.f)
    }

    /// Writes a `<path>` whose attributes `attributes` opens (leaving the last value open), then
    /// its data; nothing at all when no finite segment remains.
    private func element(_ path: Path, attributes: (inout SVGText) -> Void) {
        guard transform.isFinite else { return }
        let start = body.bytes.count
        attributes(&body)
        var dx = 0.0, dy = 0.0
        if transform.isTranslation {
            dx = transform.e; dy = transform.f
        } else {
            writeTransform()
        }
        body.append("\" d=\"")
        if writePathData(path, dx: dx, dy: dy) {
            body.append("\"/>\n")
        } else {
            body.truncate(to: start)
        }
    }

    /// Path data offset by (dx, dy); a non-finite point breaks the subpath there, as a NaN breaks
    /// a matplotlib line. Returns whether anything was written.
    private func writePathData(_ path: Path, dx: Double, dy: Double) -> Bool {
        let start = body.bytes.count
        var broken = true // no current point yet
        var closable = false
        func point(_ p: Point) {
            body.number(p.x + dx); body.byte(32); body.number(p.y + dy)
        }
        for element in path.elements {
            switch element {
            case .move(let p):
                if p.isFinite {
                    body.byte(77); point(p); broken = false; closable = true
                } else {
                    broken = true; closable = false
                }
            case .line(let p):
                guard p.isFinite else { broken = true; closable = false; continue }
                // After a gap the line starts a new subpath, which a close must not join.
                if broken { closable = false }
                body.byte(broken ? 77 : 76); point(p)
                broken = false
            case .curve(let c1, let c2, let p):
                guard c1.isFinite, c2.isFinite, p.isFinite else {
                    broken = true; closable = false; continue
                }
                if broken {
                    body.byte(77); point(p); closable = false
                } else {
                    body.byte(67); point(c1); body.byte(32); point(c2); body.byte(32); point(p)
                }
                broken = false
            case .close:
                if closable && !broken { body.byte(90) } else { broken = true }
            }
        }
        return body.bytes.count > start
    }
}

/// A 2-D affine transform as Cairo keeps it: x' = a x + c y + e, y' = b x + d y + f.
struct Affine: Equatable {
    var a, b, c, d, e, f: Double

    static let identity = Affine(a: 1, b: 0, c: 0, d: 1, e: 0, f: 0)

    var isTranslation: Bool { a == 1 && b == 0 && c == 0 && d == 1 }
    var isFinite: Bool { a.isFinite && b.isFinite && c.isFinite && d.isFinite && e.isFinite && f.isFinite }

    func translated(_ x: Double, _ y: Double) -> Affine {
        Affine(a: a, b: b, c: c, d: d, e: e + a * x + c * y, f: f + b * x + d * y)
    }

    /// Rotated by `angle` in Cairo's sense (clockwise on screen for positive angles).
    func rotated(_ angle: Double) -> Affine {
        let cs = cos(angle), sn = sin(angle)
        return Affine(a: a * cs + c * sn, b: b * cs + d * sn, c: c * cs - a * sn, d: d * cs - b * sn, e: e, f: f)
    }

    func scaled(_ s: Double) -> Affine { Affine(a: a * s, b: b * s, c: c * s, d: d * s, e: e, f: f) }
}

extension Point {
    var isFinite: Bool { x.isFinite && y.isFinite }
}

extension Rect {
    var isFinite: Bool { x.isFinite && y.isFinite && width.isFinite && height.isFinite }
}

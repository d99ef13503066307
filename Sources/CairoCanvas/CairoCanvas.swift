import CCairo
import Canvas

/// A `Canvas` drawing through a Cairo context (image, SVG or PDF surface).
///
/// The context is scaled so that callers work in points whatever the surface's unit.
public final class CairoCanvas: Canvas {
    public let size: Size
    public let pixelsPerPoint: Double
    let context: OpaquePointer

    /// Wraps `context`, which must already carry the points-to-device scale; `pixelsPerPoint`
    /// is that scale for raster output, and the resolution the figure is laid out for otherwise.
    init(context: OpaquePointer, size: Size, pixelsPerPoint: Double) {
        self.context = context
        self.size = size
        self.pixelsPerPoint = pixelsPerPoint
    }

    public func stroke(_ path: Path, style: StrokeStyle) {
        guard !path.isEmpty, style.width > 0, style.color.alpha > 0 else { return }
        append(path)
        setColor(style.color)
        cairo_set_line_width(context, style.width)
        switch style.cap {
        case .butt: cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
        case .round: cairo_set_line_cap(context, CAIRO_LINE_CAP_ROUND)
        case .square: cairo_set_line_cap(context, CAIRO_LINE_CAP_SQUARE)
        }
        switch style.join {
        case .miter: cairo_set_line_join(context, CAIRO_LINE_JOIN_MITER)
        case .round: cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        case .bevel: cairo_set_line_join(context, CAIRO_LINE_JOIN_BEVEL)
        }
        if style.dash.isEmpty {
            cairo_set_dash(context, nil, 0, 0)
        } else {
            style.dash.withUnsafeBufferPointer { cairo_set_dash(context, $0.baseAddress, Int32($0.count), 0) }
        }
        cairo_stroke(context)
    }

    public func fill(_ path: Path, color: Color) {
        guard !path.isEmpty, color.alpha > 0 else { return }
        append(path)
        setColor(color)
        cairo_fill(context)
    }

    public func drawText(_ text: String, at origin: Point, font: Font, color: Color) {
        guard !text.isEmpty else { return }
        select(font)
        setColor(color)
        cairo_move_to(context, origin.x, origin.y)
        cairo_show_text(context, text)
        cairo_new_path(context)
    }

    public func measureText(_ text: String, font: Font) -> TextExtent {
        select(font)
        var e = cairo_text_extents_t()
        cairo_text_extents(context, text, &e)
        return TextExtent(width: e.x_advance, ascent: max(0, -e.y_bearing), descent: max(0, e.height + e.y_bearing))
    }

    public func drawImage(_ image: RasterImage, in rect: Rect, smooth: Bool) {
        guard image.width > 0, image.height > 0, rect.width > 0, rect.height > 0 else { return }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(image.width), Int32(image.height)) else { return }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let base = cairo_image_surface_get_data(surface) else { return }
        image.rgba.withUnsafeBufferPointer { src in
            for y in 0..<image.height {
                let row = base.advanced(by: y * stride).withMemoryRebound(to: UInt32.self, capacity: image.width) { $0 }
                for x in 0..<image.width {
                    let i = (y * image.width + x) * 4
                    let a = UInt32(src[i + 3])
                    // Cairo wants premultiplied native-endian ARGB.
                    let r = UInt32(src[i]) * a / 255, g = UInt32(src[i + 1]) * a / 255, b = UInt32(src[i + 2]) * a / 255
                    row[x] = (a << 24) | (r << 16) | (g << 8) | b
                }
            }
        }
        cairo_surface_mark_dirty(surface)
        cairo_save(context)
        cairo_translate(context, rect.x, rect.y)
        cairo_scale(context, rect.width / Double(image.width), rect.height / Double(image.height))
        cairo_set_source_surface(context, surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(context), smooth ? CAIRO_FILTER_BILINEAR : CAIRO_FILTER_NEAREST)
        cairo_pattern_set_extend(cairo_get_source(context), CAIRO_EXTEND_PAD)
        cairo_rectangle(context, 0, 0, Double(image.width), Double(image.height))
        cairo_fill(context)
        cairo_restore(context)
    }

    // Cairo's save/restore keep the font too, so the font selected is stacked with them: text
    // drawn in a saved state (every label) selects its font once, not once per label.
    public func save() { cairo_save(context); savedFonts.append(currentFont) }
    public func restore() { cairo_restore(context); currentFont = savedFonts.popLast() ?? nil }
    public func translate(by offset: Point) { cairo_translate(context, offset.x, offset.y) }
    public func rotate(by radians: Double) { cairo_rotate(context, -radians) }
    public func scale(by factor: Double) { cairo_scale(context, factor, factor) }
    public func clip(to rect: Rect) {
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
    }

    // MARK: - Helpers

    private var currentFont: Font?
    private var savedFonts: [Font?] = []

    private func select(_ font: Font) {
        if currentFont == font { return }
        font.select(in: context)
        currentFont = font
    }

    private func setColor(_ c: Color) {
        if c.alpha >= 1 {
            cairo_set_source_rgb(context, c.red, c.green, c.blue)
        } else {
            cairo_set_source_rgba(context, c.red, c.green, c.blue, c.alpha)
        }
    }

    private func append(_ path: Path) {
        cairo_new_path(context)
        for element in path.elements {
            switch element {
            case .move(let p): cairo_move_to(context, p.x, p.y)
            case .line(let p): cairo_line_to(context, p.x, p.y)
            case .curve(let c1, let c2, let p): cairo_curve_to(context, c1.x, c1.y, c2.x, c2.y, p.x, p.y)
            case .close: cairo_close_path(context)
            }
        }
    }
}

extension Font {
    /// Makes this the font of `context` (Cairo's toy face: family, slant, weight, size), as every
    /// backend that draws or measures text selects it.
    func select(in context: OpaquePointer) {
        cairo_select_font_face(context, family,
                               italic ? CAIRO_FONT_SLANT_OBLIQUE : CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, size)
    }
}

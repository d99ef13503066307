import CCairo
import Canvas

/// Cairo's font work for the SVG writer: the same face selection and font options as the
/// raster renderer, text to glyph ids and positions, and each distinct glyph's outline written
/// once into the document's `<defs>`.
final class SVGGlyphs {
    /// One glyph of a laid-out run: its `<defs>` number (0: an empty outline such as a space)
    /// and its position relative to the run's origin.
    struct Placed {
        var id: Int
        var x: Double
        var y: Double
    }

    /// The `<path id="glyphN" d=.../>` definitions made so far.
    private(set) var definitions = SVGText()

    private let surface: OpaquePointer
    private let context: OpaquePointer
    /// Text is measured by the raster backend's own code, so SVG and PNG lay out alike.
    private let measuringContext: OpaquePointer
    private let measurer: CairoCanvas
    private var selected: Font?
    /// Per font: glyph index to definition number, and laid-out runs by text.
    private var ids: [Font: [UInt: Int]] = [:]
    private var runs: [Font: [String: [Placed]]] = [:]
    private var defined = 0

    init() throws {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw OutputError("cannot create a Cairo surface for the SVG's text")
        }
        guard let context = cairo_create(surface), let measuringContext = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw OutputError("cannot create a Cairo context")
        }
        self.surface = surface
        self.context = context
        self.measuringContext = measuringContext
        for cr in [context, measuringContext] { FontOptions.apply(to: cr) }
        measurer = CairoCanvas(context: measuringContext, size: Size(1, 1), pixelsPerPoint: 1)
    }

    deinit {
        cairo_destroy(context)
        cairo_destroy(measuringContext)
        cairo_surface_destroy(surface)
    }

    func measure(_ text: String, font: Font) -> TextExtent { measurer.measureText(text, font: font) }

    /// The glyphs of `text` in `font`, positioned from the origin, their outlines defined.
    func layout(_ text: String, font: Font) -> [Placed] {
        if let run = runs[font]?[text] { return run }
        select(font)
        var glyphs: UnsafeMutablePointer<cairo_glyph_t>?
        var count: Int32 = 0
        let status = cairo_scaled_font_text_to_glyphs(cairo_get_scaled_font(context), 0, 0, text, -1,
                                                      &glyphs, &count, nil, nil, nil)
        var run: [Placed] = []
        if status == CAIRO_STATUS_SUCCESS, let glyphs {
            run.reserveCapacity(Int(count))
            for g in UnsafeBufferPointer(start: glyphs, count: Int(count)) {
                run.append(Placed(id: definition(of: g.index, font: font), x: g.x, y: g.y))
            }
            cairo_glyph_free(glyphs)
        }
        runs[font, default: [:]][text] = run
        return run
    }

    private func select(_ font: Font) {
        if selected == font { return }
        font.select(in: context)
        selected = font
    }

    /// The number of glyph `index`'s definition, writing it on first use (0 when it draws nothing).
    private func definition(of index: UInt, font: Font) -> Int {
        if let id = ids[font]?[index] { return id }
        var glyph = cairo_glyph_t(index: index, x: 0, y: 0)
        cairo_new_path(context)
        cairo_glyph_path(context, &glyph, 1)
        var outline = SVGText()
        if let path = cairo_copy_path(context) {
            if path.pointee.status == CAIRO_STATUS_SUCCESS, let data = path.pointee.data {
                outline = Self.pathData(data, count: Int(path.pointee.num_data))
            }
            cairo_path_destroy(path)
        }
        cairo_new_path(context)
        var id = 0
        if !outline.bytes.isEmpty {
            defined += 1
            id = defined
            definitions.append("<path id=\"glyph")
            definitions.integer(id)
            definitions.append("\" d=\"")
            definitions.append(outline)
            definitions.append("\"/>\n")
        }
        ids[font, default: [:]][index] = id
        return id
    }

    /// A Cairo path as SVG path data.
    private static func pathData(_ data: UnsafeMutablePointer<cairo_path_data_t>, count: Int) -> SVGText {
        var d = SVGText()
        var i = 0
        while i < count {
            let header = data[i].header
            func point(_ k: Int) { d.number(data[i + k].point.x); d.byte(32); d.number(data[i + k].point.y) }
            switch header.type {
            // Cairo ends a closed outline with a move back to its start, which draws nothing.
            case CAIRO_PATH_MOVE_TO where i + Int(header.length) >= count: break
            case CAIRO_PATH_MOVE_TO: d.byte(77); point(1)
            case CAIRO_PATH_LINE_TO: d.byte(76); point(1)
            case CAIRO_PATH_CURVE_TO:
                d.byte(67); point(1); d.byte(32); point(2); d.byte(32); point(3)
            default: d.byte(90)
            }
            i += max(1, Int(header.length))
        }
        return d
    }
}

/// The font options of every Cairo context that measures or draws text: hinting off keeps text
/// metrics the same at every DPI and in every format, so layouts match.
enum FontOptions {
    static func apply(to context: OpaquePointer) {
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }
}

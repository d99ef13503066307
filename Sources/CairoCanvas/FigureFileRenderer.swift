import CCairo
import Canvas
import PNGEncoder

/// Renders a drawing closure into PNG (Cairo, then libpng with DPI and text chunks), SVG (our
/// own writer, `SVGCanvas`) or PDF (Cairo) bytes, and writes them atomically.
public enum FigureFileRenderer {
    /// Renders `draw` on a canvas of `size` points and writes `path` in `format`.
    /// For PNG the pixel size is `size * dpi / 72`. `transparent` leaves the page unpainted
    /// (a PNG then keeps its alpha channel).
    public static func write(to path: String, format: OutputFormat, size: Size, dpi: Double,
                             metadata: DocumentMetadata, transparent: Bool = false, draw: (Canvas) throws -> Void) throws {
        let bytes = try render(format: format, size: size, dpi: dpi, metadata: metadata, transparent: transparent, draw: draw)
        try AtomicFile.write(bytes, to: path)
    }

    /// Renders into the bytes of a file in `format`.
    public static func render(format: OutputFormat, size: Size, dpi: Double, metadata: DocumentMetadata,
                              transparent: Bool = false, draw: (Canvas) throws -> Void) throws -> [UInt8] {
        switch format {
        case .png where transparent:
            let image = try renderRGBA(size: size, dpi: dpi, draw: draw)
            return try PNGFile.encode(rgba: image.pixels, width: image.width, height: image.height,
                                      dpi: dpi, metadata: metadata)
        case .png:
            // Straight from the surface's memory: no packed copy.
            return try withRaster(size: size, dpi: dpi, transparent: false, draw: draw) { data, stride, width, height in
                try PNGFile.encode(nativeXRGB: data, stride: stride, width: width, height: height, dpi: dpi, metadata: metadata)
            }
        case .svg:
            return try renderSVG(size: size, dpi: dpi, metadata: metadata, transparent: transparent, draw: draw)
        case .pdf:
            return try renderPDF(size: size, dpi: dpi, metadata: metadata, transparent: transparent, draw: draw)
        }
    }

    /// Renders onto an opaque white raster and returns packed 8-bit RGB rows.
    public static func renderRGB(size: Size, dpi: Double, draw: (Canvas) throws -> Void) throws
        -> (pixels: [UInt8], width: Int, height: Int) {
        try renderRaster(size: size, dpi: dpi, transparent: false, draw: draw)
    }

    /// Renders onto a clear raster and returns packed 8-bit RGBA rows (straight alpha).
    public static func renderRGBA(size: Size, dpi: Double, draw: (Canvas) throws -> Void) throws
        -> (pixels: [UInt8], width: Int, height: Int) {
        try renderRaster(size: size, dpi: dpi, transparent: true, draw: draw)
    }

    /// RGB rows on white, or RGBA rows on a clear page when `transparent`.
    private static func renderRaster(size: Size, dpi: Double, transparent: Bool, draw: (Canvas) throws -> Void) throws
        -> (pixels: [UInt8], width: Int, height: Int) {
        try withRaster(size: size, dpi: dpi, transparent: transparent, draw: draw) { data, stride, width, height in
            let channels = transparent ? 4 : 3
            let pixels = [UInt8](unsafeUninitializedCapacity: width * height * channels) { out, count in
                for y in 0..<height {
                    let row = UnsafeRawPointer(data.advanced(by: y * stride)).assumingMemoryBound(to: UInt32.self)
                    var o = out.baseAddress! + y * width * channels
                    if transparent {
                        for x in 0..<width {
                            let p = row[x], a = p >> 24
                            // Cairo keeps premultiplied alpha; PNG wants it straight.
                            func straight(_ c: UInt32) -> UInt8 { a == 0 ? 0 : UInt8(min(255, (c * 255 + a / 2) / a)) }
                            o[0] = straight((p >> 16) & 0xFF); o[1] = straight((p >> 8) & 0xFF); o[2] = straight(p & 0xFF); o[3] = UInt8(a)
                            o += 4
                        }
                    } else {
                        for x in 0..<width {
                            let p = row[x]
                            o[0] = UInt8(truncatingIfNeeded: p >> 16); o[1] = UInt8(truncatingIfNeeded: p >> 8); o[2] = UInt8(truncatingIfNeeded: p)
                            o += 3
                        }
                    }
                }
                count = width * height * channels
            }
            return (pixels, width, height)
        }
    }

    /// Draws onto a Cairo image surface (RGB24 on white, or ARGB32 on a clear page when
    /// `transparent`) and hands its memory to `body`: rows `stride` bytes apart of native-endian
    /// 32-bit pixels.
    private static func withRaster<T>(size: Size, dpi: Double, transparent: Bool, draw: (Canvas) throws -> Void,
                                      body: (UnsafePointer<UInt8>, Int, Int, Int) throws -> T) throws -> T {
        let scale = dpi / 72
        let width = Int((size.width * scale).rounded()), height = Int((size.height * scale).rounded())
        guard width > 0, height > 0, width <= 30000, height <= 30000 else {
            throw OutputError("image size \(width)x\(height) pixels is out of range (1 to 30000)")
        }
        guard let surface = cairo_image_surface_create(transparent ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, Int32(width), Int32(height)),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw OutputError("cannot create a \(width)x\(height) image")
        }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { throw OutputError("cannot create a Cairo context") }
        defer { cairo_destroy(cr) }
        if !transparent {
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
        }
        cairo_scale(cr, scale, scale)
        // Hinting off keeps text metrics the same at every DPI, so layouts match across formats.
        FontOptions.apply(to: cr)
        try draw(CairoCanvas(context: cr, size: size, pixelsPerPoint: scale))
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { throw OutputError("empty image surface") }
        return try body(UnsafePointer(data), stride, width, height)
    }

    private final class ByteSink {
        var bytes: [UInt8] = []
    }

    private static func renderPDF(size: Size, dpi: Double, metadata: DocumentMetadata,
                                  transparent: Bool, draw: (Canvas) throws -> Void) throws -> [UInt8] {
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let writeFunc: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        let surface = cairo_pdf_surface_create_for_stream(writeFunc, closure, size.width, size.height)
        if let surface {
            if let title = metadata.title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, metadata.software)
            if let command = metadata.command {
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, command)
            }
            // Reproducible files: SOURCE_DATE_EPOCH, when set, replaces the current time.
            if let date = ReproducibleDate.iso8601() {
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
            }
        }
        guard let surface, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw OutputError("cannot create a PDF surface")
        }
        guard let cr = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw OutputError("cannot create a Cairo context")
        }
        if !transparent {
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
        }
        do {
            try draw(CairoCanvas(context: cr, size: size, pixelsPerPoint: dpi / 72))
        } catch {
            cairo_destroy(cr)
            cairo_surface_destroy(surface)
            throw error
        }
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw OutputError("Cairo failed: \(String(cString: cairo_status_to_string(status)))")
        }
        return sink.bytes
    }

    /// SVG text from our own writer; its element ids are numbered within the file, so the same
    /// figure gives the same bytes whatever the process drew before.
    private static func renderSVG(size: Size, dpi: Double, metadata: DocumentMetadata,
                                  transparent: Bool, draw: (Canvas) throws -> Void) throws -> [UInt8] {
        let canvas = try SVGCanvas(size: size, pixelsPerPoint: dpi / 72, software: metadata.software)
        if !transparent { canvas.paintPage(.white) }
        try draw(canvas)
        return try canvas.document(metadata: metadata)
    }
}

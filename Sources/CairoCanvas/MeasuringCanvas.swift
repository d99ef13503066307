import CCairo
import Canvas

/// A Cairo canvas for measuring text before the figure's size is known (same font
/// options as the file renderer, so measurements match the drawing).
public enum MeasuringCanvas {
    /// Runs `body` with a canvas whose `measureText` uses Cairo's font metrics.
    public static func with<T>(_ body: (Canvas) throws -> T) throws -> T {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw OutputError("cannot create a Cairo surface for measuring text")
        }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { throw OutputError("cannot create a Cairo context") }
        defer { cairo_destroy(cr) }
        FontOptions.apply(to: cr)
        return try body(CairoCanvas(context: cr, size: Size(1, 1), pixelsPerPoint: 1))
    }
}

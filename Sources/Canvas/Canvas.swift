/// The narrow drawing contract every backend implements: paths, fills, text, images,
/// text measurement, clipping and a transform stack.
///
/// Units are points (1/72 inch) with the origin at the top-left and y growing down;
/// a raster backend scales points to pixels by its DPI. `Plot` draws only through this.
public protocol Canvas: AnyObject {
    /// The drawing area in points.
    var size: Size { get }
    /// Device pixels per point (a raster at 144 dpi has 2; vector output reports the
    /// resolution its figure was laid out for), so marks can decimate to real pixel columns.
    var pixelsPerPoint: Double { get }

    func stroke(_ path: Path, style: StrokeStyle)
    func fill(_ path: Path, color: Color)
    /// Draws `text` with its baseline starting at `origin`, in the current transform.
    func drawText(_ text: String, at origin: Point, font: Font, color: Color)
    func measureText(_ text: String, font: Font) -> TextExtent
    func drawImage(_ image: RasterImage, in rect: Rect, smooth: Bool)

    /// Saves the transform and clip.
    func save()
    /// Restores the last saved transform and clip.
    func restore()
    func translate(by offset: Point)
    /// Rotates by `radians`, counter-clockwise on screen for positive angles.
    func rotate(by radians: Double)
    /// Scales the coordinate system uniformly (a panel that is fitted into its cell).
    func scale(by factor: Double)
    /// Intersects the clip with `rect`.
    func clip(to rect: Rect)
}

extension Canvas {
    /// Runs `body` between `save()` and `restore()`.
    public func withSavedState<T>(_ body: () throws -> T) rethrows -> T {
        save()
        defer { restore() }
        return try body()
    }

    /// Fills and then outlines a path.
    public func fillAndStroke(_ path: Path, fill: Color, stroke: StrokeStyle) {
        self.fill(path, color: fill)
        self.stroke(path, style: stroke)
    }
}

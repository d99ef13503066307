import Canvas

/// A surface sampled on a regular grid drawn as an image through `Canvas.drawImage`: one
/// pixel per grid point, centred on it; values that cannot be shown get `invalidColor`.
public struct Heatmap: PlotMark {
    public var xs: [Double]
    public var ys: [Double]
    public var image: RasterImage
    /// How many cells are NaN, infinite (or <= 0 on a log scale).
    public var invalidCount: Int
    public var smooth: Bool

    /// Rasterises `values` (`values[j * xs.count + i]` at (xs[i], ys[j]), ys increasing upwards).
    public init(xs: [Double], ys: [Double], values: [Double], colormap: Colormap, scale: ColorScale,
                invalidColor: Color = Color(hex: 0xFF00FF), smooth: Bool = true) {
        precondition(values.count == xs.count * ys.count, "heatmap values do not match the axes")
        self.xs = xs; self.ys = ys; self.smooth = smooth
        let nx = xs.count, ny = ys.count
        var rgba = [UInt8](repeating: 255, count: nx * ny * 4)
        let lut = colormap.bytes
        let bad = [UInt8(invalidColor.red * 255), UInt8(invalidColor.green * 255), UInt8(invalidColor.blue * 255)]
        var invalid = 0
        rgba.withUnsafeMutableBufferPointer { out in
            values.withUnsafeBufferPointer { v in
                for j in 0..<ny {
                    let row = (ny - 1 - j) * nx  // image rows run top to bottom
                    for i in 0..<nx {
                        let o = 4 * (row + i)
                        if let t = scale.fraction(v[j * nx + i]) {
                            let k = 3 * colormap.index(t)
                            out[o] = lut[k]; out[o + 1] = lut[k + 1]; out[o + 2] = lut[k + 2]
                        } else {
                            invalid += 1
                            out[o] = bad[0]; out[o + 1] = bad[1]; out[o + 2] = bad[2]
                        }
                    }
                }
            }
        }
        image = RasterImage(width: nx, height: ny, rgba: rgba)
        invalidCount = invalid
    }

    /// The extent of the cells: half a step beyond the first and last grid points.
    public var extent: DataBounds {
        let hx = xs.count > 1 ? (xs[1] - xs[0]) / 2 : 0.5, hy = ys.count > 1 ? (ys[1] - ys[0]) / 2 : 0.5
        return DataBounds(minX: xs[0] - hx, maxX: xs[xs.count - 1] + hx, minY: ys[0] - hy, maxY: ys[ys.count - 1] + hy)
    }

    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? { extent }

    public func draw(in context: PlotContext) {
        let e = extent
        let a = context.point(e.minX, e.maxY), b = context.point(e.maxX, e.minY)
        context.canvas.drawImage(image, in: Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(b.x - a.x), height: abs(b.y - a.y)),
                                 smooth: smooth)
    }
}

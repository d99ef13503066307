/// An arrow laid on a 3D surface: a straight step in the (x, y) plane, sampled at a few points
/// with the surface's value at each, so that drawn on the mesh it follows the surface from
/// (x, y, f(x, y)) to the tip (x', y', f(x', y')) instead of cutting through hills or hovering.
public struct SurfaceArrow3D: Sendable, Equatable {
    public var xs: [Double], ys: [Double], values: [Double]

    public init(xs: [Double], ys: [Double], values: [Double]) {
        self.xs = xs; self.ys = ys; self.values = values
    }

    /// The downhill (-gradient) arrow at (x, y): the step to (x - scale gx, y - scale gy),
    /// sampled at `samples` evenly spaced points (both ends included) and valued by `value`.
    public static func downhill(fromX x: Double, y: Double, gradient: (Double, Double), scale: Double, samples: Int = 8,
                                value: (Double, Double) -> Double) -> SurfaceArrow3D {
        let n = max(2, samples)
        var xs: [Double] = [], ys: [Double] = [], values: [Double] = []
        for k in 0..<n {
            let t = Double(k) / Double(n - 1)
            let px = x - t * scale * gradient.0, py = y - t * scale * gradient.1
            xs.append(px); ys.append(py); values.append(value(px, py))
        }
        return SurfaceArrow3D(xs: xs, ys: ys, values: values)
    }
}

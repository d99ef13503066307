/// The decision boundary w1 x + w2 y + b = 0 of a linear classifier, clipped to a rectangle.
public enum LinearBoundary {
    /// The segment of the line inside [x.0, x.1] x [y.0, y.1], or nil when it misses the rectangle (or w = 0).
    public static func segment(w1: Double, w2: Double, b: Double, x: (Double, Double), y: (Double, Double))
        -> ((Double, Double), (Double, Double))? {
        var points: [(Double, Double)] = []
        if w2 != 0 {
            for xv in [x.0, x.1] {
                let yv = -(w1 * xv + b) / w2
                if yv >= y.0 - 1e-12 && yv <= y.1 + 1e-12 { points.append((xv, yv)) }
            }
        }
        if w1 != 0 {
            for yv in [y.0, y.1] {
                let xv = -(w2 * yv + b) / w1
                if xv > x.0 + 1e-12 && xv < x.1 - 1e-12 { points.append((xv, yv)) }
            }
        }
        guard points.count >= 2, points.allSatisfy({ $0.0.isFinite && $0.1.isFinite }) else { return nil }
        return (points[0], points[1])
    }
}

import Training

/// A plane through parameter space: a centre and two directions. Projects trajectories onto
/// it by least squares (the directions need not be orthogonal, as random ones are not).
public struct SlicePlane: Sendable {
    public var center: [Double]
    public var first: [Double]
    public var second: [Double]

    public init(center: [Double], first: [Double], second: [Double]) {
        self.center = center; self.first = first; self.second = second
    }

    /// The plane coordinates (alpha, beta) of the point of the plane nearest to `theta`.
    public func coordinates(of theta: [Double]) -> Point2 {
        var aa = 0.0, ab = 0.0, bb = 0.0, ra = 0.0, rb = 0.0
        for k in center.indices {
            let r = theta[k] - center[k], a = first[k], b = second[k]
            aa += a * a; ab += a * b; bb += b * b; ra += r * a; rb += r * b
        }
        let det = aa * bb - ab * ab
        guard det > 0 else { return Point2(.nan, .nan) }
        return Point2((ra * bb - rb * ab) / det, (rb * aa - ra * ab) / det)
    }

    /// The rectangle that holds `paths` (and the centre) with a margin of `margin` of each side's span;
    /// at least `minimum` on either side of the centre.
    public static func domain(around paths: [[Point2]], margin: Double = 0.2, minimum: Double) -> Domain2 {
        var lx = -minimum, hx = minimum, ly = -minimum, hy = minimum
        for p in paths.joined() where p.x.isFinite && p.y.isFinite {
            lx = min(lx, p.x); hx = max(hx, p.x); ly = min(ly, p.y); hy = max(hy, p.y)
        }
        let mx = margin * (hx - lx), my = margin * (hy - ly)
        return Domain2(x: (lx - mx)...(hx + mx), y: (ly - my)...(hy + my))
    }
}

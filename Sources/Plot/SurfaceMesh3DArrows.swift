#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Canvas

/// The mesh's draped arrows: where they go on the canvas, when they are painted, how they look.
extension SurfaceMesh3D {
    /// Arrow points are raised a little more than paths, so an arrow starting on a path stays over it.
    static let arrowLift = 0.02
    static let arrowHeadLength = 6.5
    /// Arrows shorter than this on the canvas (near a minimum) would be a smudge: they are left out.
    static let shortestArrow = 5.0

    /// Each arrow's canvas polyline (up to where it leaves the domain) and painting depth: its
    /// nearest point's depth, brought forward by one mesh cell so that the cells under the
    /// arrow, whose centres may lie nearer than the arrow's points, are painted before it.
    func arrowPolylines(screen: ((Double, Double, Double)) -> Point) -> [(points: [Point], depth: Double)] {
        let cell = 2 / Double(max(1, min(xs.count, ys.count) - 1))
        return arrows.compactMap { arrow in
            let run = lifted(xs: arrow.xs, ys: arrow.ys, values: arrow.values, by: Self.arrowLift, screen: screen)
                .prefix { $0 != nil }.compactMap { $0 }
            guard run.count >= 2 else { return nil }
            return (run.map(\.point), run.map(\.depth).min()! - cell)
        }
    }

    /// A draped arrow: a white-cased shaft along `points` and a head at the last point, pointing
    /// along the polyline's last `arrowHeadLength` points of length (shorter for short arrows).
    func drawArrow(_ points: [Point], on canvas: Canvas) {
        let length = zip(points, points.dropFirst()).reduce(0) { $0 + hypot($1.1.x - $1.0.x, $1.1.y - $1.0.y) }
        guard length >= Self.shortestArrow, length.isFinite, let tip = points.last else { return }
        let shaft = Self.trimmed(points, by: min(Self.arrowHeadLength, 0.5 * length))
        guard let base = shaft.last else { return }
        let line = Path.polyline(shaft)
        canvas.stroke(line, style: StrokeStyle(color: Color.white.withAlpha(0.85), width: 3.4, cap: .round, join: .round))
        canvas.fillAndStroke(ArrowShape.head(from: base, to: tip), fill: arrowColor,
                             stroke: StrokeStyle(color: Color.white.withAlpha(0.85), width: 0.9, join: .round))
        canvas.stroke(line, style: StrokeStyle(color: arrowColor, width: 1.5, cap: .round, join: .round))
    }

    /// The polyline with `cut` points of length removed from its end.
    static func trimmed(_ points: [Point], by cut: Double) -> [Point] {
        var out = points
        var left = cut
        while out.count >= 2 {
            let a = out[out.count - 2], b = out[out.count - 1]
            let d = hypot(b.x - a.x, b.y - a.y)
            if d > left {
                let t = (d - left) / d
                out[out.count - 1] = Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
                return out
            }
            left -= d
            out.removeLast()
        }
        return out
    }
}

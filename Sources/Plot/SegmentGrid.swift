import Canvas

/// The segments of some polylines bucketed on a square grid, to answer "is this point within r
/// of any of them" by looking at the few cells around the point instead of every segment.
struct SegmentGrid {
    private let cell: Double
    private let reach: Double
    private var buckets: [Int64: [Int]] = [:]
    private var segments: [(Point, Point)] = []
    /// Segments spanning too many cells to bucket (a diverging path's step off the canvas):
    /// checked on every query.
    private var oversized: [Int] = []

    /// Buckets the runs' segments (a lone point is a segment of length 0) for queries of
    /// distance up to `reach`.
    init(_ runs: [[Point]], reach: Double) {
        self.reach = max(reach, 1e-9)
        cell = max(4 * self.reach, 1)
        for run in runs {
            if run.count == 1 { add(run[0], run[0]) }
            for (a, b) in zip(run, run.dropFirst()) { add(a, b) }
        }
    }

    private func key(_ i: Int, _ j: Int) -> Int64 { (Int64(i) << 32) ^ Int64(UInt32(truncatingIfNeeded: j)) }
    private func index(_ v: Double) -> Int { Int((v / cell).rounded(.down)) }

    private mutating func add(_ a: Point, _ b: Point) {
        guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { return }
        let n = segments.count
        segments.append((a, b))
        // Every cell the segment's box, grown by the reach, touches.
        let lo = Point(min(a.x, b.x) - reach, min(a.y, b.y) - reach), hi = Point(max(a.x, b.x) + reach, max(a.y, b.y) + reach)
        guard (hi.x - lo.x) / cell < 64, (hi.y - lo.y) / cell < 64 else { oversized.append(n); return }
        let x0 = index(lo.x), x1 = index(hi.x), y0 = index(lo.y), y1 = index(hi.y)
        for i in x0...x1 { for j in y0...y1 { buckets[key(i, j), default: []].append(n) } }
    }

    /// The segments that may lie within `r` (at most the reach) of `p`: every one that does, and some that do not.
    func segments(near p: Point, within r: Double) -> [(Point, Point)] {
        guard p.x.isFinite, p.y.isFinite, abs(p.x) < 1e12, abs(p.y) < 1e12 else { return [] }
        return ((buckets[key(index(p.x), index(p.y))] ?? []) + oversized).map { segments[$0] }
    }

    /// Whether `p` lies within `r` (at most the reach) of a segment.
    func contains(_ p: Point, within r: Double) -> Bool {
        guard p.x.isFinite, p.y.isFinite, abs(p.x) < 1e12, abs(p.y) < 1e12 else { return false }
        let r2 = r * r
        for n in (buckets[key(index(p.x), index(p.y))] ?? []) + oversized {
            let (a, b) = segments[n]
            let dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy
            let t = l2 > 0 ? max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2)) : 0
            let ex = p.x - a.x - t * dx, ey = p.y - a.y - t * dy
            if ex * ex + ey * ey <= r2 { return true }
        }
        return false
    }
}

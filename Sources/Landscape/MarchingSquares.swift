import Training

/// One contour line: a polyline in data coordinates, closed when it returns to its start.
public struct ContourLine: Sendable, Equatable {
    public var level: Double
    public var points: [Point2]
    public var isClosed: Bool
    public init(level: Double, points: [Point2], isClosed: Bool) {
        self.level = level; self.points = points; self.isClosed = isClosed
    }
}

/// Contour lines of a grid by marching squares, with saddle cells resolved by the cell's
/// centre value (the mean of its corners), so neighbouring cells always agree.
///
/// A corner is "inside" when its value is at least the level. Cells with a NaN or infinite
/// corner are skipped, so lines stop at the edge of the undefined region.
public enum MarchingSquares {
    struct Segment { var a: Int; var b: Int; var pa: Point2; var pb: Point2 }

    /// All contour lines of `grid` at `level`, segments joined into polylines.
    public static func lines(_ grid: Grid, level: Double) -> [ContourLine] {
        join(segments(grid, level: level), level: level)
    }

    /// The segments cell by cell; each end is tagged with the id of the grid edge it lies on.
    static func segments(_ grid: Grid, level: Double) -> [Segment] {
        let nx = grid.xs.count, ny = grid.ys.count
        guard nx > 1, ny > 1 else { return [] }
        var out: [Segment] = []
        grid.values.withUnsafeBufferPointer { v in
            let xs = grid.xs, ys = grid.ys
            func hEdge(_ i: Int, _ j: Int) -> Int { 2 * (j * nx + i) }
            func vEdge(_ i: Int, _ j: Int) -> Int { 2 * (j * nx + i) + 1 }
            for j in 0..<(ny - 1) {
                for i in 0..<(nx - 1) {
                    let v00 = v[j * nx + i], v10 = v[j * nx + i + 1]
                    let v01 = v[(j + 1) * nx + i], v11 = v[(j + 1) * nx + i + 1]
                    let in00 = v00 >= level, in10 = v10 >= level, in11 = v11 >= level, in01 = v01 >= level
                    if in00 == in10 && in10 == in11 && in11 == in01 { continue }
                    guard v00.isFinite, v10.isFinite, v01.isFinite, v11.isFinite else { continue }
                    let x0 = xs[i], x1 = xs[i + 1], y0 = ys[j], y1 = ys[j + 1]
                    func t(_ a: Double, _ b: Double) -> Double { (level - a) / (b - a) }
                    // Crossing points on the four edges (only used where the edge is crossed).
                    var bottom: (Int, Point2) { (hEdge(i, j), Point2(x0 + t(v00, v10) * (x1 - x0), y0)) }
                    var top: (Int, Point2) { (hEdge(i, j + 1), Point2(x0 + t(v01, v11) * (x1 - x0), y1)) }
                    var left: (Int, Point2) { (vEdge(i, j), Point2(x0, y0 + t(v00, v01) * (y1 - y0))) }
                    var right: (Int, Point2) { (vEdge(i + 1, j), Point2(x1, y0 + t(v10, v11) * (y1 - y0))) }
                    func add(_ p: (Int, Point2), _ q: (Int, Point2)) { out.append(Segment(a: p.0, b: q.0, pa: p.1, pb: q.1)) }
                    if in00 == in11 && in10 == in01 {
                        // Saddle: the centre decides whether the in00/in11 corners are joined.
                        let centreIn = (v00 + v10 + v01 + v11) / 4 >= level
                        if centreIn == in00 {
                            add(bottom, right); add(left, top)    // cut off corners 10 and 01
                        } else {
                            add(bottom, left); add(right, top)    // cut off corners 00 and 11
                        }
                        continue
                    }
                    var crossed: [(Int, Point2)] = []
                    if in00 != in10 { crossed.append(bottom) }
                    if in10 != in11 { crossed.append(right) }
                    if in01 != in11 { crossed.append(top) }
                    if in00 != in01 { crossed.append(left) }
                    if crossed.count == 2 { add(crossed[0], crossed[1]) }
                }
            }
        }
        return out
    }

    /// Joins segments that share a grid edge into polylines.
    static func join(_ segments: [Segment], level: Double) -> [ContourLine] {
        var byEdge: [Int: [Int]] = [:]
        byEdge.reserveCapacity(segments.count * 2)
        for (k, s) in segments.enumerated() {
            byEdge[s.a, default: []].append(k)
            byEdge[s.b, default: []].append(k)
        }
        var used = [Bool](repeating: false, count: segments.count)
        var lines: [ContourLine] = []
        // The unused segment touching `edge`, other than `k`, and its far end.
        func next(from edge: Int, after k: Int) -> (Int, Int, Point2)? {
            for m in byEdge[edge] ?? [] where m != k && !used[m] {
                let s = segments[m]
                return s.a == edge ? (m, s.b, s.pb) : (m, s.a, s.pa)
            }
            return nil
        }
        for start in segments.indices where !used[start] {
            used[start] = true
            let s = segments[start]
            var forward = [s.pa, s.pb]
            var edge = s.b, current = start
            var closed = false
            while let (m, far, p) = next(from: edge, after: current) {
                used[m] = true
                if far == s.a { forward.append(p); closed = true; break }
                forward.append(p); edge = far; current = m
            }
            if !closed {
                var backward: [Point2] = []
                edge = s.a; current = start
                while let (m, far, p) = next(from: edge, after: current) {
                    used[m] = true
                    backward.append(p); edge = far; current = m
                }
                forward = backward.reversed() + forward
            }
            lines.append(ContourLine(level: level, points: forward, isClosed: closed))
        }
        return lines
    }
}

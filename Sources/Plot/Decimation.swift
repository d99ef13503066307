/// Per-pixel-column min/max decimation: for each column of the plot keep the lowest and
/// the highest point, in their original order (plus the series' first and last point),
/// so that a line drawn through the result covers the same pixels and spikes survive.
public enum ColumnDecimator {
    /// Indices of the points to keep. `columns` is the plot width in device pixels;
    /// `columnOf` maps a point's x to its column. Non-finite points are always kept,
    /// because they break the line. Returns all indices when there are few points.
    public static func keptIndices(xs: [Double], ys: [Double], columns: Int, columnOf: (Double) -> Double) -> [Int] {
        let n = min(xs.count, ys.count)
        guard n > 2 * max(1, columns) else { return Array(0..<n) }
        var kept: [Int] = []
        kept.reserveCapacity(2 * columns + 16)
        var currentColumn = Int.min
        var first = -1, lo = -1, hi = -1
        func flush() {
            guard first >= 0 else { return }
            let picks = (first == 0 ? [first, lo, hi] : [lo, hi]).sorted()
            var prev = -1
            for p in picks where p != prev { kept.append(p); prev = p }
        }
        for i in 0..<n {
            let y = ys[i]
            let cx = columnOf(xs[i])
            guard y.isFinite, cx.isFinite else {
                flush(); first = -1
                kept.append(i)
                currentColumn = Int.min
                continue
            }
            let col = Int(max(-1e15, min(1e15, cx)).rounded(.down))
            if col != currentColumn || first < 0 {
                flush()
                currentColumn = col
                first = i; lo = i; hi = i
            } else {
                if y < ys[lo] { lo = i }
                if y > ys[hi] { hi = i }
            }
        }
        flush()
        if kept.last != n - 1 { kept.append(n - 1) }
        return kept
    }
}

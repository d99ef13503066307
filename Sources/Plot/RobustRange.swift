/// The y range of `--ignore-outliers`: TensorBoard's "ignore outliers in chart scaling" (the 5th
/// to 95th percentile of the values, widened by a fifth of that span, as its `computeDomain`
/// pads), but computed per series and joined, so a run that has just started is never clipped
/// away whole by a long one (tensorflow/tensorboard#896, #150, #214).
public enum RobustRange {
    public static let lowerQuantile = 0.05
    public static let upperQuantile = 0.95
    /// The fraction of the percentile span added on each side (never past the series' own extremes).
    public static let widening = 0.2

    /// The `p`-quantile (0...1) of ascending `sorted` values, linearly interpolated between
    /// neighbours (NumPy's default `percentile`, d3's `quantile`).
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        precondition(!sorted.isEmpty, "quantile of no values")
        let h = Double(sorted.count - 1) * min(max(p, 0), 1)
        let i = Int(h.rounded(.down))
        guard i + 1 < sorted.count else { return sorted[sorted.count - 1] }
        return sorted[i] + (h - Double(i)) * (sorted[i + 1] - sorted[i])
    }

    /// One series' robust range in data units, over the values `scale` can place (in the
    /// scale's space, so decades on a log axis); nil when there are none.
    public static func of(_ values: [Double], scale: AxisScale) -> (lower: Double, upper: Double)? {
        let v = values.filter(scale.accepts).sorted()
        guard let first = v.first, let last = v.last else { return nil }
        let t = v.map(scale.transform)
        let lo = quantile(t, lowerQuantile), hi = quantile(t, upperQuantile)
        let pad = (hi - lo) * widening
        // The series' own extremes exactly where the widened range reaches them (no round trip).
        return (lo - pad <= t[0] ? first : scale.inverse(lo - pad), hi + pad >= t[t.count - 1] ? last : scale.inverse(hi + pad))
    }

    /// The union of every series' robust range; nil when no series has a placeable value.
    public static func union(_ series: [[Double]], scale: AxisScale) -> (lower: Double, upper: Double)? {
        var out: (lower: Double, upper: Double)?
        for values in series {
            guard let r = of(values, scale: scale) else { continue }
            out = out.map { (min($0.lower, r.lower), max($0.upper, r.upper)) } ?? r
        }
        return out
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

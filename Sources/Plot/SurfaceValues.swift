/// What a colour scale or a set of contour levels needs to know of a sampled surface.
public struct SurfaceValues: Sendable {
    /// The smallest and largest finite value, nil when none is finite.
    public var finiteRange: (min: Double, max: Double)?
    /// The smallest finite value above zero.
    public var smallestPositive: Double?
    /// The finite values above zero (for percentiles).
    let positives: [Double]

    public init(_ values: [Double]) {
        var lo = Double.infinity, hi = -Double.infinity
        var positives: [Double] = []
        for v in values where v.isFinite {
            lo = min(lo, v); hi = max(hi, v)
            if v > 0 { positives.append(v) }
        }
        finiteRange = lo <= hi ? (lo, hi) : nil
        self.positives = positives
        smallestPositive = positives.min()
    }

    /// The q-quantile of the positive finite values (nearest rank below), NaN when there are none.
    public func positivePercentile(_ q: Double) -> Double {
        guard !positives.isEmpty else { return .nan }
        return positives.sorted()[min(positives.count - 1, Int(q * Double(positives.count)))]
    }
}

extension ColorScale {
    /// The colour scale of a surface: log when asked, or automatically when its positive values
    /// span 3 decades (the low end at the 0.5th percentile, so one sharp minimum does not take
    /// over the bar); a symmetric diverging scale for signed surfaces; linear otherwise. The
    /// colour map is `colormap`, else viridis, or RdBu for the diverging scale.
    public static func forSurface(_ values: [Double], log: Bool?, colormap: Colormap?) -> (scale: ColorScale, colormap: Colormap) {
        let stats = SurfaceValues(values)
        guard let (lo, hi) = stats.finiteRange else { return (ColorScale(lower: 0, upper: 1, isLog: false), colormap ?? .viridis) }
        if lo < 0 && hi > 0 && log != true {
            let m = max(-lo, hi)
            return (ColorScale(lower: -m, upper: m, isLog: false), colormap ?? .rdbu)
        }
        let positive = stats.smallestPositive
        if (log ?? spansDecades(smallestPositive: positive, max: hi)), let p = positive, hi > p {
            let low = stats.positivePercentile(0.005)
            return (ColorScale(lower: low < hi ? max(p, low) : p, upper: hi, isLog: true), colormap ?? .viridis)
        }
        return (ColorScale(lower: lo, upper: hi > lo ? hi : lo + 1, isLog: false), colormap ?? .viridis)
    }

    /// Whether positive values from `smallestPositive` to `max` reach over 3 orders of magnitude.
    public static func spansDecades(smallestPositive: Double?, max: Double) -> Bool {
        guard let lo = smallestPositive, max > 0 else { return false }
        return max / lo >= 1e3
    }
}

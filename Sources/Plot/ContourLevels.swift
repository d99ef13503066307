#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Contour levels between the smallest and largest value of a surface.
public enum ContourLevels {
    /// The levels a landscape draws: round log levels (matplotlib's LogLocator) when asked or
    /// when the colour scale is log over a non-negative surface, else round linear ones
    /// (MaxNLocator): about `count` of them strictly inside the surface's finite range.
    /// Empty when `count` is 0 or nothing is finite.
    public static func choose(for values: [Double], count: Int, logLevels: Bool, colorScale: ColorScale) -> [Double] {
        let stats = SurfaceValues(values)
        guard count > 0, let (lo, hi) = stats.finiteRange else { return [] }
        if logLevels || (colorScale.isLog && lo >= 0) {
            let low = max(colorScale.isLog ? colorScale.lower : (stats.smallestPositive ?? 1), 1e-300)
            let nice = niceLogarithmic(low: low, high: hi, count: count)
            return nice.count >= 2 ? nice : logarithmic(low: low, high: hi, count: count)
        }
        let nice = NiceTickLocator.values(lower: lo, upper: hi, maxTicks: count + 1).filter { $0 > lo && $0 < hi }
        return nice.isEmpty ? linear(low: lo, high: hi, count: count) : nice
    }

    /// `count` levels evenly spaced strictly inside (low, high): low + k (high - low) / (count + 1).
    public static func linear(low: Double, high: Double, count: Int) -> [Double] {
        guard count > 0, low < high else { return [] }
        return (1...count).map { low + Double($0) * (high - low) / Double(count + 1) }
    }

    /// `count` levels with equal ratios strictly inside (low, high); needs 0 < low < high.
    public static func logarithmic(low: Double, high: Double, count: Int) -> [Double] {
        guard count > 0, low > 0, low < high else { return [] }
        let a = log(low), b = log(high)
        return (1...count).map { exp(a + Double($0) * (b - a) / Double(count + 1)) }
    }

    /// Round levels strictly inside (low, high) for a log scale: the densest of 1..9, 1-2-5,
    /// 1-3 or 1 per decade (then every 2nd, 3rd, ... decade) that gives at most `count` levels,
    /// as matplotlib's LogLocator picks them. Needs 0 < low < high.
    public static func niceLogarithmic(low: Double, high: Double, count: Int) -> [Double] {
        guard count > 0, low > 0, low < high, low.isFinite, high.isFinite else { return [] }
        let first = Int(floor(log10(low))), last = Int(ceil(log10(high)))
        let mantissas: [[Double]] = [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 5], [1, 3], [1]]
        func levels(_ m: [Double], every: Int) -> [Double] {
            stride(from: first, through: last, by: 1).filter { ($0 - first) % every == 0 }.flatMap { e in
                m.map { $0 * pow(10, Double(e)) }
            }.filter { $0 > low && $0 < high }
        }
        for m in mantissas {
            let l = levels(m, every: 1)
            if l.count <= count { return l }
        }
        var every = 2
        while every <= last - first + 1 {
            let l = levels([1], every: every)
            if l.count <= count { return l }
            every += 1
        }
        return []
    }
}

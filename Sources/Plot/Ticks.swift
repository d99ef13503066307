/// One tick on an axis: its value, its label (math-text markup) and whether it is major.
public struct Tick: Sendable, Equatable {
    public var value: Double
    public var label: String
    public var isMajor: Bool

    public init(value: Double, label: String, isMajor: Bool = true) {
        self.value = value; self.label = label; self.isMajor = isMajor
    }
}

/// Nice linear ticks at 1, 2, 2.5 and 5 × 10^k, in the manner of matplotlib's MaxNLocator.
public enum NiceTickLocator {
    /// The mantissas a step may have.
    public static let steps: [Double] = [1, 2, 2.5, 5, 10]

    /// The smallest nice step that yields at most `maxTicks` intervals over [lower, upper].
    /// With `integer`, only whole-number steps (at least 1) are used.
    public static func step(lower: Double, upper: Double, maxTicks: Int, integer: Bool = false) -> Double {
        let span = abs(upper - lower)
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(max(1, maxTicks))
        let magnitude = pow(10, floor(log10(raw)))
        for m in steps where m * magnitude >= raw * (1 - 1e-9) {
            let s = m * magnitude
            if integer && (s < 1 || s != s.rounded()) { continue }
            return s
        }
        return 10 * magnitude
    }

    /// Tick values: multiples of the nice step inside [lower, upper].
    public static func values(lower: Double, upper: Double, maxTicks: Int, integer: Bool = false) -> [Double] {
        let lo = min(lower, upper), hi = max(lower, upper)
        let s = step(lower: lo, upper: hi, maxTicks: maxTicks, integer: integer)
        let first = (lo / s - 1e-9).rounded(.up)
        let last = (hi / s + 1e-9).rounded(.down)
        guard first <= last, last - first < 10_000 else { return [] }
        return stride(from: first, through: last, by: 1).map { k in
            let v = k * s
            return abs(v) < s * 1e-9 ? 0 : v
        }
    }

    /// Ticks with labels formatted for the step.
    public static func ticks(lower: Double, upper: Double, maxTicks: Int, integer: Bool = false) -> [Tick] {
        let vs = values(lower: lower, upper: upper, maxTicks: maxTicks, integer: integer)
        let s = step(lower: min(lower, upper), upper: max(lower, upper), maxTicks: maxTicks, integer: integer)
        return TickLabelFormatter.labels(for: vs, step: s).enumerated().map { Tick(value: vs[$0.offset], label: $0.element) }
    }
}

/// Ticks for a base-10 log axis: decades when there are enough of them, else 1-2-5 or
/// 1…9 multiples, else nice linear ticks inside the range, so that even a range of less
/// than one decade shows at least three labelled ticks. Minor ticks mark 2…9 × 10^k.
public enum LogTickLocator {
    public static func ticks(lower: Double, upper: Double, maxTicks: Int) -> [Tick] {
        let lo = min(lower, upper), hi = max(lower, upper)
        guard lo > 0, hi.isFinite, hi > lo else { return [] }
        let d0 = Int(floor(log10(lo) + 1e-9)), d1 = Int(ceil(log10(hi) - 1e-9))
        let inRange = { (v: Double) in v.isFinite && v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9) }
        let decades = (d0...max(d0, d1)).map { pow(10, Double($0)) }.filter(inRange)
        let minors = (d0...max(d0, d1)).flatMap { d in (2...9).map { Double($0) * pow(10, Double(d)) } }.filter(inRange)

        if decades.count >= 3 {
            // Label the decades whose exponents are nice multiples (1, 2, 5, 10, 20, 25, …)
            // so labels stay within the budget; unlabelled decades get minor ticks.
            let first = log10(decades.first!).rounded(), last = log10(decades.last!).rounded()
            let every = max(1, Int(NiceTickLocator.step(lower: first, upper: last, maxTicks: max(2, maxTicks - 1), integer: true)))
            var out: [Tick] = []
            for v in decades {
                let d = Int(log10(v).rounded())
                let labelled = ((d % every) + every) % every == 0
                if !labelled && decades.count > 60 { continue }
                out.append(Tick(value: v, label: labelled ? TickLabelFormatter.decadeLabel(d, compact: decadesArePlain(d0, d1)) : "", isMajor: labelled))
            }
            if every == 1 {
                out += minors.map { Tick(value: $0, label: "", isMajor: false) }
            }
            return out.sorted { $0.value < $1.value }
        }
        for mantissas in [[1.0, 2, 5], [1.0, 3], [1.0, 2, 3, 4, 5, 6, 7, 8, 9]] {
            let major = (d0...max(d0, d1)).flatMap { d in mantissas.map { $0 * pow(10, Double(d)) } }.filter(inRange)
            if major.count >= 3 && major.count <= max(3, maxTicks) {
                let labels = TickLabelFormatter.plainLabels(for: major)
                var out = zip(major, labels).map { Tick(value: $0, label: $1) }
                out += minors.filter { m in !major.contains { abs($0 - m) <= m * 1e-9 } }.map { Tick(value: $0, label: "", isMajor: false) }
                return out.sorted { $0.value < $1.value }
            }
        }
        if decades.count >= 2 {
            // Too short an axis for more labels: the decades alone.
            let compact = decadesArePlain(d0, d1)
            let out = decades.map { Tick(value: $0, label: TickLabelFormatter.decadeLabel(Int(log10($0).rounded()), compact: compact)) }
                + minors.map { Tick(value: $0, label: "", isMajor: false) }
            return out.sorted { $0.value < $1.value }
        }
        // A very narrow range: nice linear ticks inside it.
        let linear = NiceTickLocator.ticks(lower: lo, upper: hi, maxTicks: max(3, min(maxTicks, 6)))
        return linear.filter { $0.value > 0 }
    }

    static func decadesArePlain(_ d0: Int, _ d1: Int) -> Bool { d0 >= -3 && d1 <= 4 }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

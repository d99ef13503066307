/// Ticks for wall-clock axes (seconds since the Unix epoch): steps of 1, 2, 5, 10, 15, 30 s,
/// 1, 2, 5, 10, 15, 30 min, 1, 2, 3, 6, 12 h, 1, 2, 7 days, labelled in UTC as `HH:MM`,
/// `HH:MM:SS` when the step is under a minute, and `MM-DD HH:MM` when the axis spans days.
public enum ClockTimeTickLocator {
    static let steps: [Double] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
                                  3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800]

    public static func ticks(lower: Double, upper: Double, maxTicks: Int) -> [Tick] {
        let lo = min(lower, upper), hi = max(lower, upper)
        guard hi > lo, lo.isFinite, hi.isFinite else { return [] }
        let raw = (hi - lo) / Double(max(1, maxTicks))
        guard let step = steps.first(where: { $0 >= raw }) else {
            // Longer than weeks: plain numbers of days would mislead; fall back to nice numbers.
            return NiceTickLocator.ticks(lower: lo, upper: hi, maxTicks: maxTicks)
        }
        var out: [Tick] = []
        var t = (lo / step).rounded(.up) * step
        let multiDay = floor(hi / 86400) != floor(lo / 86400)
        while t <= hi + 1e-6 * step {
            out.append(Tick(value: t, label: label(t, step: step, withDate: multiDay)))
            t += step
        }
        return out
    }

    static func label(_ t: Double, step: Double, withDate: Bool) -> String {
        let total = Int64(t.rounded(.down))
        let secondsOfDay = ((total % 86400) + 86400) % 86400
        let h = secondsOfDay / 3600, m = (secondsOfDay % 3600) / 60, s = secondsOfDay % 60
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var text = step < 60 ? "\(two(h)):\(two(m)):\(two(s))" : "\(two(h)):\(two(m))"
        if withDate && (secondsOfDay == 0 || step >= 86400) {
            let (month, day) = civilDate(daysSinceEpoch: (total - secondsOfDay) / 86400)
            text = step >= 86400 ? "\(two(month))-\(two(day))" : "\(two(month))-\(two(day)) \(text)"
        }
        return text
    }

    /// Month and day of a day count since 1970-01-01 (Howard Hinnant's civil-from-days).
    static func civilDate(daysSinceEpoch z0: Int64) -> (month: Int64, day: Int64) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m, d)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

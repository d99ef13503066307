#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Data with a large offset and a small spread (losses 1,000,000.125 … 1,000,000.5): instead of
/// labels that differ only past the sixth digit, the ticks are labelled relative to a round
/// offset, which the axis label names ("loss − 1,000,000"), so labels are distinct and short.
enum TickOffset {
    /// Significant digits beyond which labels are shown relative to an offset.
    static let maxDigits = 4

    /// The offset to subtract from linear `ticks`, or nil when the plain labels read well.
    static func offset(for ticks: [Tick]) -> Double? {
        let values = ticks.filter(\.isMajor).map(\.value).filter(\.isFinite)
        guard values.count >= 2, let lo = values.min(), let hi = values.max(), hi > lo else { return nil }
        let step = zip(values.sorted(), values.sorted().dropFirst()).map { $1 - $0 }.filter { $0 > 0 }.min() ?? (hi - lo)
        let biggest = max(abs(lo), abs(hi))
        let digits = Int(floor(log10(biggest))) - Int(floor(log10(step))) + 1
        guard digits > maxDigits else { return nil }
        // A multiple of the power of ten above the spread, at or below the lowest tick.
        let unit = pow(10, floor(log10(hi - lo)) + 1)
        let offset = floor(lo / unit) * unit
        return offset == 0 ? nil : offset
    }

    /// `ticks` labelled relative to `offset` (values unchanged).
    static func relabel(_ ticks: [Tick], offset: Double) -> [Tick] {
        let major = ticks.filter(\.isMajor)
        let shifted = major.map { $0.value - offset }
        let step = zip(shifted.sorted(), shifted.sorted().dropFirst()).map { $1 - $0 }.filter { $0 > 0 }.min() ?? 1
        // Steps are 1, 2 or 5 × 10^k: round the difference to the step's digits.
        let labels = TickLabelFormatter.labels(for: shifted.map { ($0 / step).rounded() * step }, step: step)
        var next = 0
        return ticks.map { t in
            guard t.isMajor else { return t }
            defer { next += 1 }
            return t.label.isEmpty ? t : Tick(value: t.value, label: labels[next], isMajor: true)
        }
    }

    /// The axis label naming the offset: "loss − 1,000,000" ("loss + 1,000,000" below zero).
    static func axisLabel(_ label: String?, offset: Double) -> String {
        let sign = offset < 0 ? "+" : "\u{2212}"
        let name = (label?.isEmpty ?? true) ? "value" : label!
        return "\(name) \(sign) \(magnitude(abs(offset)))"
    }

    /// An offset's size: grouped digits ("1,000,000") below 10^15, else "m×10^k".
    static func magnitude(_ v: Double) -> String {
        guard v < 1e15, v == v.rounded() else { return TickLabelFormatter.scientific(v) }
        let digits = String(Int64(v))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// Relabels linear `ticks` when they need an offset; returns the axis label to show.
    static func apply(_ ticks: inout [Tick], scale: AxisScale, style: TickStyle = .number, label: String?) -> String? {
        guard scale == .linear, style == .number, let offset = offset(for: ticks) else { return label }
        ticks = relabel(ticks, offset: offset)
        return axisLabel(label, offset: offset)
    }
}

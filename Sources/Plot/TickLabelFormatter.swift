/// Formats tick values as short labels with no offset notation: plain decimals with as
/// many digits as the step needs, or `m×10^k` math when values are very large or small.
public enum TickLabelFormatter {
    /// Labels for evenly spaced `values` that are multiples of `step`.
    public static func labels(for values: [Double], step: Double) -> [String] {
        let biggest = values.map(abs).max() ?? 0
        if biggest >= 1e6 || (biggest > 0 && biggest < 1e-4) {
            return values.map { scientific($0) }
        }
        let decimals = decimalsFor(step: step)
        return values.map { fixed($0, decimals: decimals) }
    }

    /// Labels for arbitrary positive values (log-axis 1-2-5 ticks): shortest exact form.
    public static func plainLabels(for values: [Double]) -> [String] {
        let biggest = values.map(abs).max() ?? 0
        let smallest = values.map(abs).min() ?? 0
        if biggest >= 1e6 || smallest < 1e-4 { return values.map { scientific($0) } }
        return values.map { v in
            for d in 0...10 {
                let s = fixed(v, decimals: d)
                if let back = Double(s), abs(back - v) <= abs(v) * 1e-9 { return s }
            }
            return fixed(v, decimals: 10)
        }
    }

    /// A decade label: "0.01"/"100" when `compact`, else "$10^{k}$".
    public static func decadeLabel(_ exponent: Int, compact: Bool) -> String {
        if compact {
            return exponent >= 0 ? fixed(pow(10, Double(exponent)), decimals: 0) : fixed(pow(10, Double(exponent)), decimals: -exponent)
        }
        return "$10^{\(exponent)}$"
    }

    /// Digits after the point needed to show multiples of `step` exactly.
    public static func decimalsFor(step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        for d in 0...12 {
            let scaled = step * pow(10, Double(d))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return d }
        }
        return 12
    }

    /// `value` with `decimals` digits after the point, "-0" shown as "0", minus as U+2212.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        var s = formatFixed(value, decimals)
        if Double(s) == 0 { s = formatFixed(0, decimals) }
        return s.hasPrefix("-") ? "\u{2212}" + s.dropFirst() : s
    }

    /// `m×10^k` as math text, with the shortest mantissa.
    public static func scientific(_ value: Double) -> String {
        if value == 0 { return "0" }
        let exponent = Int(floor(log10(abs(value)) + 1e-12))
        let mantissa = value / pow(10, Double(exponent))
        var m = ""
        for d in 0...6 {
            m = formatFixed(mantissa, d)
            if let back = Double(m), abs(back - mantissa) <= 1e-9 * abs(mantissa) { break }
        }
        let sign = m.hasPrefix("-") ? "\u{2212}" : ""
        let body = m.hasPrefix("-") ? String(m.dropFirst()) : m
        if body == "1" { return "$\(sign)10^{\(exponent)}$" }
        return "$\(sign)\(body)\u{00D7}10^{\(exponent)}$"
    }

    static func formatFixed(_ v: Double, _ decimals: Int) -> String {
        // snprintf-free fixed formatting that is exact for tick-sized numbers.
        let d = max(0, decimals)
        let scaled = (abs(v) * pow(10, Double(d))).rounded()
        var digits = scaled < 1e17 ? String(UInt64(scaled)) : String(format: "%.0f", scaled)
        if d > 0 {
            if digits.count <= d { digits = String(repeating: "0", count: d - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -d))
        }
        return (v < 0 && scaled != 0 ? "-" : "") + digits
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

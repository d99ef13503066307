import Foundation

/// Compact number text for labels: `-12`, `3`, `0.5`, `1.2e-3`, `NaN`, `Inf`.
public enum NumberText {
    /// At most `digits` significant digits, trailing zeros dropped; exponent form below
    /// 0.01 and from 1e6 on.
    public static func compact(_ v: Double, digits: Int = 4) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "Inf" : "-Inf" }
        if v == 0 { return "0" }
        let a = Swift.abs(v)
        if a >= 1e-2 && a < 1e6 {
            if v == v.rounded() { return String(Int64(v)) }
            let decimals = Swift.max(0, digits - 1 - Int(Foundation.floor(Foundation.log10(a))))
            var s = printf(v, decimals, "f")
            if s.contains(".") {
                while s.hasSuffix("0") { s.removeLast() }
                if s.hasSuffix(".") { s.removeLast() }
            }
            if s == "-0" { s = "0" }
            return s
        }
        var s = printf(v, digits - 1, "e")  // e.g. 1.200e-03
        guard let e = s.firstIndex(of: "e") else { return s }
        var mantissa = String(s[..<e])
        var exponent = String(s[s.index(after: e)...])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        let negative = exponent.hasPrefix("-")
        exponent = String(exponent.drop { $0 == "+" || $0 == "-" || $0 == "0" })
        if exponent.isEmpty { exponent = "0" }
        s = mantissa + "e" + (negative ? "-" : "") + exponent
        return s
    }

    /// C's `%.Nf` / `%.Ne` through snprintf: the text Foundation's `String(format:)` gives, at
    /// a fraction of its cost (a 10,000-node graph formats some 40,000 numbers).
    static func printf(_ v: Double, _ precision: Int, _ conversion: Character) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            let count = conversion == "f"
                ? withVaList([Int32(precision), v]) { vsnprintf(buffer.baseAddress, 64, "%.*f", $0) }
                : withVaList([Int32(precision), v]) { vsnprintf(buffer.baseAddress, 64, "%.*e", $0) }
            let bytes = UnsafeRawBufferPointer(start: buffer.baseAddress, count: Int(Swift.max(0, Swift.min(count, 63))))
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}

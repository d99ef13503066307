#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses a whole byte range as a C `strtod` number: an exact fast path for short decimals,
/// `strtod` for the rest (long mantissas, big exponents, hex, nan, inf, infinity).
enum NumberParser {
    /// Exact powers of ten as doubles (10^0 ... 10^22).
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The number spelled by all of `buf[start..<end]`, or nil when the range is not one
    /// number (empty, trailing junk, not a number at all).
    @inline(__always)
    static func parse(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        guard start < end else { return nil }
        var i = start
        var negative = false
        let first = buf[i]
        if first == 0x2D { negative = true; i += 1 } else if first == 0x2B { i += 1 }

        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var sawDigit = false
        while i < end {
            let d = buf[i] &- 0x30
            if d > 9 { break }
            sawDigit = true
            if mantissa != 0 || d != 0 {
                digits += 1
                if digits <= 19 { mantissa = mantissa &* 10 &+ UInt64(d) }
            }
            i += 1
        }
        if i < end && buf[i] == 0x2E {
            i += 1
            while i < end {
                let d = buf[i] &- 0x30
                if d > 9 { break }
                sawDigit = true
                if mantissa != 0 || d != 0 {
                    digits += 1
                    if digits <= 19 { mantissa = mantissa &* 10 &+ UInt64(d) }
                }
                exponent -= 1
                i += 1
            }
        }
        guard sawDigit else {
            // Only nan / inf / infinity (any case) can still be a number here.
            if i < end, (buf[i] | 0x20) == 0x6E || (buf[i] | 0x20) == 0x69 {
                return strtodWhole(buf, start, end)
            }
            return nil
        }
        if i < end && (buf[i] | 0x20) == 0x65 {
            var j = i + 1
            var expNegative = false
            if j < end && (buf[j] == 0x2D || buf[j] == 0x2B) { expNegative = buf[j] == 0x2D; j += 1 }
            var e = 0
            var expDigits = false
            while j < end {
                let d = buf[j] &- 0x30
                if d > 9 { break }
                expDigits = true
                if e < 100_000 { e = e * 10 + Int(d) }
                j += 1
            }
            if expDigits {
                exponent += expNegative ? -e : e
                i = j
            }
        }
        guard i == end, digits <= 15 else {
            // Hex, long mantissas and anything odd: let strtod decide (or reject).
            return strtodWhole(buf, start, end)
        }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        guard exponent >= -22 && exponent <= 22 else { return strtodWhole(buf, start, end) }
        // Both operands are exact doubles, so one IEEE operation rounds correctly.
        var value = Double(mantissa)
        if exponent < 0 {
            value /= powersOfTen[-exponent]
        } else if exponent > 0 {
            value *= powersOfTen[exponent]
        }
        return negative ? -value : value
    }

    /// `strtod` on a NUL-terminated copy of the range; nil unless it consumes all of it.
    static func strtodWhole(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let length = end - start
        guard length > 0, !ByteText.isBlank(buf[start]), buf[start] != ByteText.newline else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { tmp -> Double? in
            for k in 0..<length { tmp[k] = CChar(bitPattern: buf[start + k]) }
            tmp[length] = 0
            guard let base = tmp.baseAddress else { return nil }
            var stop: UnsafeMutablePointer<CChar>? = nil
            let value = strtod(base, &stop)
            guard let stop, stop - base == length else { return nil }
            return value
        }
    }

    /// nan / inf / infinity with an optional sign, any case (the spellings of non-finite
    /// values in logs and in Python's JSON); nil for anything else.
    static func nonFiniteWord(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start
        var negative = false
        if i < end && (buf[i] == 0x2D || buf[i] == 0x2B) { negative = buf[i] == 0x2D; i += 1 }
        let length = end - i
        guard length == 3 || length == 8 else { return nil }
        var word: [UInt8] = []
        word.reserveCapacity(length)
        for k in i..<end { word.append(ByteText.lowercased(buf[k])) }
        switch word {
        case Array("nan".utf8): return negative ? -Double.nan : Double.nan
        case Array("inf".utf8), Array("infinity".utf8): return negative ? -Double.infinity : Double.infinity
        default: return nil
        }
    }
}

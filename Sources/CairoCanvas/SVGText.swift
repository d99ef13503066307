import Canvas

/// A growing UTF-8 buffer for SVG text, with a fixed-precision number formatter of its own
/// (no printf: formatting every coordinate with `%f` was most of the time of a large SVG).
struct SVGText {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity n: Int = 0) { bytes.reserveCapacity(n) }

    mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ other: SVGText) { bytes.append(contentsOf: other.bytes) }

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    /// Drops everything after the first `count` bytes (an element that turned out empty).
    mutating func truncate(to count: Int) { bytes.removeSubrange(count...) }

    /// A non-negative integer in decimal.
    mutating func integer(_ n: Int) {
        if n < 0 { byte(45); integer(-n); return }
        if n >= 10 { integer(n / 10) }
        byte(UInt8(48 + n % 10))
    }

    /// `v` rounded to 3 decimals, trailing zeros and a bare point dropped, "-0" written "0"
    /// (what Python's `("%.3f" % v).rstrip("0").rstrip(".")` gives). The caller keeps NaN and
    /// infinities out; they are written as 0 should one slip through, so the XML stays valid.
    mutating func number(_ v: Double) { number(v, places: 3) }

    /// `v` to `places` decimals (0 to 6), trimmed as `number(_:)` trims; a transform's scale and
    /// rotation take 6, since a coefficient's error grows with the coordinates it multiplies.
    mutating func number(_ v: Double, places: Int) {
        guard v.isFinite else { byte(48); return }
        let unit = Self.powersOfTen[places]
        let scaled = (v * Double(unit)).rounded()
        // Beyond 2^53 units the decimals carry no information; such coordinates are off any
        // page, and Swift's shortest round-trip form (no printf either) stays valid SVG.
        guard abs(scaled) < 9.0e15 else {
            bytes.append(contentsOf: v.description.utf8)
            return
        }
        var n = Int64(scaled)
        if n == 0 { byte(48); return }
        if n < 0 { byte(45); n = -n }
        var whole = n / unit
        var fraction = n % unit
        let start = bytes.count
        repeat { bytes.append(UInt8(48 + whole % 10)); whole /= 10 } while whole > 0
        bytes[start...].reverse()
        guard fraction > 0 else { return }
        byte(46)
        var divisor = unit / 10
        while fraction % 10 == 0 { fraction /= 10; divisor /= 10 }
        while divisor > 0 { byte(UInt8(48 + fraction / divisor % 10)); divisor /= 10 }
    }

    private static let powersOfTen: [Int64] = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]

    /// `s` with the five XML special characters escaped (text content and attribute values).
    mutating func escaped(_ s: String) {
        for b in s.utf8 {
            switch b {
            case 38: append("&amp;")
            case 60: append("&lt;")
            case 62: append("&gt;")
            case 34: append("&quot;")
            case 39: append("&apos;")
            // Control characters other than tab and line feeds are not allowed in XML 1.0.
            case 0..<9, 11, 12, 14..<32: byte(32)
            default: byte(b)
            }
        }
    }

    /// `#rrggbb`, each channel rounded to 8 bits as Cairo's raster surface stores it.
    mutating func hexColor(_ c: Color) {
        let digits: StaticString = "0123456789abcdef"
        byte(35)
        func channel(_ v: Double) {
            let i = v.isNaN ? 0 : Int((max(0, min(1, v)) * 255).rounded())
            digits.withUTF8Buffer { d in bytes.append(d[i >> 4]); bytes.append(d[i & 15]) }
        }
        channel(c.red); channel(c.green); channel(c.blue)
    }

    /// The bytes in base64 (RFC 4648, with padding), for data URIs.
    mutating func base64(_ data: [UInt8]) {
        let table: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        table.withUTF8Buffer { t in
            bytes.reserveCapacity(bytes.count + (data.count + 2) / 3 * 4)
            var i = 0
            while i + 2 < data.count {
                let n = UInt32(data[i]) << 16 | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2])
                bytes.append(t[Int(n >> 18)]); bytes.append(t[Int(n >> 12 & 63)])
                bytes.append(t[Int(n >> 6 & 63)]); bytes.append(t[Int(n & 63)])
                i += 3
            }
            let rest = data.count - i
            if rest > 0 {
                let n = UInt32(data[i]) << 16 | (rest == 2 ? UInt32(data[i + 1]) << 8 : 0)
                bytes.append(t[Int(n >> 18)]); bytes.append(t[Int(n >> 12 & 63)])
                bytes.append(rest == 2 ? t[Int(n >> 6 & 63)] : 61)
                bytes.append(61)
            }
        }
    }
}


/// JSON text built as UTF-8 bytes: appending to one growing byte buffer, where a String built
/// by interpolation spends most of a 10,000-node graph's export copying itself.
struct JSONText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ n: Int) { raw(String(n)) }

    /// Whole numbers without a fraction; NaN and infinities as the strings JSONDecoder's
    /// `convertFromString` strategy reads back; others in Swift's shortest round-trip form.
    mutating func number(_ v: Double) {
        if v.isNaN { raw("\"NaN\""); return }
        if v.isInfinite { raw(v > 0 ? "\"Infinity\"" : "\"-Infinity\""); return }
        if v == v.rounded(), Swift.abs(v) < 1e15 { int(Int(v)); return }
        raw(v.description)
    }

    /// A JSON string, or null.
    mutating func string(_ s: String?) {
        guard let s else { raw("null"); return }
        bytes.append(UInt8(ascii: "\""))
        for c in s.unicodeScalars {
            switch c {
            case "\"": raw("\\\"")
            case "\\": raw("\\\\")
            case "\n": raw("\\n")
            default:
                if c.value < 0x20 {
                    let hex = String(c.value, radix: 16)
                    raw("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    bytes.append(contentsOf: String(c).utf8)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Items separated by commas.
    mutating func list<S: Sequence>(_ items: S, _ write: (inout JSONText, S.Element) -> Void) {
        var first = true
        for item in items {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            write(&self, item)
        }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// A JSON value for the run log, written compactly; non-finite numbers as NaN / Infinity /
/// -Infinity (Python's spelling, which `descent plot` reads).
enum JSONValue {
    case string(String)
    case number(Double)
    case integer(Int)
    case unsigned(UInt64)
    case bool(Bool)
    case array([JSONValue])
    case null

    func write(to out: inout String) {
        switch self {
        case let .string(s): JSONText.quote(s, to: &out)
        case let .number(v): JSONText.number(v, to: &out)
        case let .integer(v): out += String(v)
        case let .unsigned(v): out += String(v)
        case let .bool(v): out += v ? "true" : "false"
        case .null: out += "null"
        case let .array(values):
            out += "["
            for (i, v) in values.enumerated() {
                if i > 0 { out += "," }
                v.write(to: &out)
            }
            out += "]"
        }
    }
}

/// Compact JSON text helpers.
enum JSONText {
    static func number(_ v: Double, to out: inout String) {
        if v.isNaN { out += "NaN" }
        else if v == .infinity { out += "Infinity" }
        else if v == -.infinity { out += "-Infinity" }
        else if v == v.rounded(), abs(v) < 1e15 { out += String(Int(v)) }
        else { out += "\(v)" }
    }

    static func quote(_ s: String, to out: inout String) {
        out += "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if c.value < 0x20 { out += "\\u" + String(repeating: "0", count: 4 - String(c.value, radix: 16).count) + String(c.value, radix: 16) }
                else { out.unicodeScalars.append(c) }
            }
        }
        out += "\""
    }

    /// `{"k":v,...}` from ordered members.
    static func object(_ members: [(String, JSONValue)]) -> String {
        var out = "{"
        for (i, (k, v)) in members.enumerated() {
            if i > 0 { out += "," }
            quote(k, to: &out)
            out += ":"
            v.write(to: &out)
        }
        return out + "}"
    }
}

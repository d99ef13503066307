import Foundation

/// Fills `{name}`, `{name:.3f}`, `{name[1]:.2g}` in a label with computed values, as Python's
/// format strings read (`{{` and `}}` stand for braces). Braces of math markup are left alone:
/// a brace right after a letter, `^`, `_`, `}` or `\` (`\hat{y}`, `x^{2}`, `\frac{1}{2}`) is TeX.
/// A name that is not computed is an error listing the names that are.
public enum ValueTemplate {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func fill(_ text: String, values: [String: [Double]]) throws -> String {
        guard text.contains("{") else { return text }
        var out = ""
        var i = text.startIndex
        var escapedOpen = 0
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if c == "{" && next < text.endIndex && text[next] == "{" { out.append("{"); escapedOpen += 1; i = text.index(after: next); continue }
            // "}}" closes an escaped "{{"; elsewhere it is math markup (`\frac{1}{x_{2}}`).
            if c == "}" && escapedOpen > 0 && next < text.endIndex && text[next] == "}" {
                out.append("}"); escapedOpen -= 1; i = text.index(after: next); continue
            }
            let previous = i > text.startIndex ? text[text.index(before: i)] : " "
            guard c == "{", !(previous.isLetter || "^_}\\".contains(previous)) else { out.append(c); i = next; continue }
            guard let close = text[next...].firstIndex(of: "}") else {
                throw Failure(description: "'\(text)': '{' without its '}'")
            }
            out += try field(String(text[next..<close]), values: values, in: text)
            i = text.index(after: close)
        }
        return out
    }

    static func field(_ spec: String, values: [String: [Double]], in text: String) throws -> String {
        let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
        var name = parts.first ?? ""
        var index = 0
        if let open = name.firstIndex(of: "["), name.hasSuffix("]") {
            guard let k = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) else {
                throw Failure(description: "'\(text)': '{\(spec)}' has a bad index")
            }
            index = k
            name = String(name[..<open])
        }
        guard let list = values[name] else {
            throw Failure(description: "'\(text)': no computed value '\(name)' (computed: \(values.keys.sorted().joined(separator: ", ")))")
        }
        guard index >= 0, index < list.count else {
            throw Failure(description: "'\(text)': '\(name)' has \(list.count) value(s), no index \(index)")
        }
        let v = list[index]
        let format = parts.count > 1 ? parts[1] : ""
        return format.isEmpty ? plain(v) : try formatted(v, format, in: text)
    }

    /// A number as the figures print it: integers without a decimal point, others with up to 6 significant digits.
    public static func plain(_ v: Double) -> String { minus(key(v)) }

    /// A number as value names spell it (`f(-2)`, `secant(1,0.5)`): ASCII minus, shortest form.
    public static func key(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        if v == v.rounded() && abs(v) < 1e15 { return String(Int(v)) }
        return String(format: "%.6g", v)
    }

    static func formatted(_ v: Double, _ format: String, in text: String) throws -> String {
        // Python-style: [.precision](f|e|g|%)
        guard let type = format.last, "fegd%".contains(type) else {
            throw Failure(description: "'\(text)': format ':\(format)' is not one of .Nf, .Ne, .Ng, d, .N%")
        }
        let precision = Int(format.dropLast().drop { $0 == "." }) ?? 6
        switch type {
        case "d": return minus(String(Int(v.rounded())))
        case "%": return minus(String(format: "%.\(precision)f", v * 100)) + "%"
        default: return minus(String(format: "%.\(precision)\(type)", v))
        }
    }

    /// The typographic minus, as the tick labels use.
    static func minus(_ s: String) -> String { s.hasPrefix("-") ? "\u{2212}" + s.dropFirst() : s }
}

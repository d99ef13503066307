import Foundation

/// An expression's source as the figures' math markup, for titles: `x^2 + 3*y` becomes
/// `$x^2 + 3 \cdot y$`, `x^(2*y)` a superscript group, function names upright. Text with
/// characters the markup treats specially comes back as it is.
enum ExpressionMarkup {
    static func markup(_ source: String) -> String {
        let chars = Array(source.trimmingCharacters(in: .whitespaces))
        guard !chars.contains(where: { "$\\{}_".contains($0) }), let body = convert(chars[...]) else { return String(chars) }
        return "$" + body + "$"
    }

    /// Converts a run of characters; nil when its parentheses do not balance.
    static func convert(_ chars: ArraySlice<Character>) -> String? {
        var out = ""
        var i = chars.startIndex
        while i < chars.endIndex {
            let c = chars[i]
            if c == "*" {
                out += " \\cdot "
                i += 1
            } else if c == "^", i + 1 < chars.endIndex, chars[i + 1] == "(" {
                guard let close = matching(chars, open: i + 1), let inner = convert(chars[(i + 2)..<close]) else { return nil }
                out += "^{" + inner + "}"
                i = close + 1
            } else if c.isLetter {
                var j = i
                while j < chars.endIndex, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
                let name = String(chars[i..<j])
                let isCall = j < chars.endIndex && chars[j] == "("
                if isCall && ["exp", "log", "sin", "cos", "tanh", "max", "min"].contains(name) {
                    out += "\\" + name
                } else if isCall || name.count > 1 {
                    out += "\\mathrm{" + name + "}"
                } else {
                    out += name
                }
                i = j
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    /// The index of the `)` that closes the `(` at `open`.
    static func matching(_ chars: ArraySlice<Character>, open: Int) -> Int? {
        var depth = 0
        for k in open..<chars.endIndex {
            if chars[k] == "(" { depth += 1 }
            if chars[k] == ")" { depth -= 1; if depth == 0 { return k } }
        }
        return nil
    }
}

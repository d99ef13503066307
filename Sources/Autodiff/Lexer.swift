/// Splits an expression into tokens: numbers (`2`, `0.5`, `.5`, `1e-3`), names (letters of any
/// script, `_`, digits and subscript digits: `x`, `θ`, `w₁`), operators (`**` reads as `^`; `@`, and `.` of `W.T`),
/// parentheses, commas, `=`, and `;`/line-break separators.
///
/// The source is read as Unicode scalars, so a CR LF pair is one line break (one separator)
/// and offsets count scalars; a lone CR is a line break too.
public struct Lexer {
    public static func tokens(_ source: String) throws -> [Token] {
        let c = Array(source.unicodeScalars)
        var out: [Token] = []
        var i = 0
        func isDigit(_ ch: Unicode.Scalar) -> Bool { ch >= "0" && ch <= "9" }
        while i < c.count {
            let ch = c[i]
            let start = i
            if ch == " " || ch == "\t" || ch == "\u{FEFF}" { i += 1; continue }
            if ch == "#" {  // comment up to (not including) the line break
                while i < c.count && !isLineBreak(c[i]) { i += 1 }
                continue
            }
            if isLineBreak(ch) || ch == ";" {
                let width = ch == "\r" && i + 1 < c.count && c[i + 1] == "\n" ? 2 : 1
                out.append(Token(kind: .separator, start: i, end: i + width)); i += width; continue
            }
            if isDigit(ch) || (ch == "." && i + 1 < c.count && isDigit(c[i + 1])) {
                while i < c.count && isDigit(c[i]) { i += 1 }
                if i < c.count && c[i] == "." { i += 1; while i < c.count && isDigit(c[i]) { i += 1 } }
                if i < c.count && (c[i] == "e" || c[i] == "E") {
                    var j = i + 1
                    if j < c.count && (c[j] == "+" || c[j] == "-") { j += 1 }
                    if j < c.count && isDigit(c[j]) {
                        i = j
                        while i < c.count && isDigit(c[i]) { i += 1 }
                    } else {
                        throw ExpressionError("expected digits after the exponent 'e' of a number", start: j, end: j + 1)
                    }
                }
                if i < c.count && isNameStart(c[i]) {
                    throw ExpressionError("expected an operator after the number, found '\(c[i])' (write 2 * x, not 2x)",
                                          start: i, end: i + 1)
                }
                var text = ""
                text.unicodeScalars.append(contentsOf: c[start..<i])
                guard let v = Double(text) else {
                    throw ExpressionError("'\(text)' is not a number", start: start, end: i)
                }
                out.append(Token(kind: .number(v), start: start, end: i))
                continue
            }
            if isNameStart(ch) {
                while i < c.count && isNamePart(c[i]) { i += 1 }
                var name = ""
                name.unicodeScalars.append(contentsOf: c[start..<i])
                out.append(Token(kind: .identifier(name), start: start, end: i))
                continue
            }
            let kind: Token.Kind
            switch ch {
            case "+": kind = .plus
            case "-", "\u{2212}": kind = .minus
            case "*", "\u{00D7}", "\u{00B7}", "\u{22C5}":
                if ch == "*" && i + 1 < c.count && c[i + 1] == "*" {
                    out.append(Token(kind: .caret, start: i, end: i + 2)); i += 2; continue
                }
                kind = .star
            case "/": kind = .slash
            case "^": kind = .caret
            case ",": kind = .comma
            case "=": kind = .equals
            case "(": kind = .leftParen
            case ")": kind = .rightParen
            case "@": kind = .at
            case ".": kind = .dot
            case "[": kind = .leftBracket
            case "]": kind = .rightBracket
            default:
                throw ExpressionError("unexpected character \(describe(ch)): expected a number, a name, an operator (+ - * / ^ ** @) or a bracket",
                                      start: i, end: i + 1)
            }
            out.append(Token(kind: kind, start: i, end: i + 1))
            i += 1
        }
        out.append(Token(kind: .end, start: c.count, end: c.count))
        return out
    }

    /// LF, CR (alone or before LF), and the Unicode line and paragraph separators.
    public static func isLineBreak(_ ch: Unicode.Scalar) -> Bool {
        ch == "\n" || ch == "\r" || ch == "\u{2028}" || ch == "\u{2029}" || ch == "\u{0B}" || ch == "\u{0C}" || ch == "\u{85}"
    }

    /// A letter of any script (`x`, `θ`, `η`) or `_`.
    static func isNameStart(_ ch: Unicode.Scalar) -> Bool {
        ch == "_" || (ch.properties.isAlphabetic && !ch.properties.isWhitespace && ch.properties.numericType == nil)
    }

    /// After the first letter also digits, subscript digits (`w₁`) and combining marks (`x̂`).
    static func isNamePart(_ ch: Unicode.Scalar) -> Bool {
        if isNameStart(ch) || (ch >= "0" && ch <= "9") || (ch.value >= 0x2080 && ch.value <= 0x2089) { return true }
        switch ch.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// A character as an error message shows it: printable ones quoted, others by code point.
    static func describe(_ ch: Unicode.Scalar) -> String {
        if ch.properties.generalCategory == .control || ch.properties.isWhitespace || ch.properties.generalCategory == .format {
            return "U+" + String(String(ch.value, radix: 16, uppercase: true).leftPadded(to: 4))
        }
        return "'\(ch)'"
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

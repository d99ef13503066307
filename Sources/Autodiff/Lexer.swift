/// Splits an expression into tokens: numbers (`2`, `0.5`, `.5`, `1e-3`), names,
/// operators (`**` reads as `^`), parentheses, commas, `=`, and `;`/newline separators.
public struct Lexer {
    public static func tokens(_ source: String) throws -> [Token] {
        let c = Array(source)
        var out: [Token] = []
        var i = 0
        func isDigit(_ ch: Character) -> Bool { ch.isASCII && ch.isNumber }
        func isNameStart(_ ch: Character) -> Bool { ch == "_" || (ch.isASCII && ch.isLetter) }
        func isName(_ ch: Character) -> Bool { isNameStart(ch) || isDigit(ch) }
        while i < c.count {
            let ch = c[i]
            let start = i
            if ch == " " || ch == "\t" || ch == "\r" { i += 1; continue }
            if ch == "#" {  // comment to the end of the line
                while i < c.count && c[i] != "\n" { i += 1 }
                continue
            }
            if ch == "\n" || ch == ";" {
                out.append(Token(kind: .separator, start: i, end: i + 1)); i += 1; continue
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
                let text = String(c[start..<i])
                guard let v = Double(text) else {
                    throw ExpressionError("'\(text)' is not a number", start: start, end: i)
                }
                out.append(Token(kind: .number(v), start: start, end: i))
                continue
            }
            if isNameStart(ch) {
                while i < c.count && isName(c[i]) { i += 1 }
                out.append(Token(kind: .identifier(String(c[start..<i])), start: start, end: i))
                continue
            }
            let kind: Token.Kind
            switch ch {
            case "+": kind = .plus
            case "-", "\u{2212}": kind = .minus
            case "*", "\u{00D7}", "\u{00B7}":
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
            default:
                throw ExpressionError("unexpected character '\(ch)': expected a number, a name, an operator (+ - * / ^ **) or a parenthesis",
                                      start: i, end: i + 1)
            }
            out.append(Token(kind: kind, start: i, end: i + 1))
            i += 1
        }
        out.append(Token(kind: .end, start: c.count, end: c.count))
        return out
    }
}

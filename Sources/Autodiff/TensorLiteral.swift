/// Reads a value written as NumPy and JSON write arrays: `2.5`, `[1, 2]`, `[[3, 2], [4, 1], [5, 2]]`
/// (at most two levels of brackets, every row as long as the first). Errors carry the offset of
/// the problem in the text.
public enum TensorLiteral {
    /// Whether `text` is meant as an array (starts with `[` after spaces).
    public static func looksLikeArray(_ text: String) -> Bool {
        text.drop { $0 == " " }.first == "["
    }

    public static func parse(_ text: String) throws -> Tensor {
        let c = Array(text.unicodeScalars)
        var i = 0
        func skipSpaces() { while i < c.count, c[i] == " " || c[i] == "\t" || c[i] == "\n" || c[i] == "\r" { i += 1 } }
        func fail(_ message: String, _ at: Int, _ end: Int? = nil) -> ExpressionError {
            ExpressionError(message, start: at, end: end ?? at + 1)
        }
        func number() throws -> Double {
            skipSpaces()
            let start = i
            while i < c.count, !",[] \t\n\r".unicodeScalars.contains(c[i]) { i += 1 }
            var s = ""
            s.unicodeScalars.append(contentsOf: c[start..<i])
            if s.isEmpty { throw fail(i < c.count ? "expected a number, found '\(c[i])'" : "expected a number, found the end", start) }
            let normalized = s.replacingOccurrences(of: "\u{2212}", with: "-")
            guard let v = Double(normalized) ?? special(normalized) else { throw fail("'\(s)' is not a number", start, i) }
            return v
        }
        /// `[a, b, ...]` of `element`; returns the start offsets of the elements too.
        func list<T>(_ element: () throws -> T) throws -> [(T, Int)] {
            skipSpaces()
            guard i < c.count, c[i] == "[" else { throw fail("expected '['", i) }
            let open = i
            i += 1
            var out: [(T, Int)] = []
            skipSpaces()
            if i < c.count, c[i] == "]" { throw fail("empty array: expected at least one number", open, i + 1) }
            while true {
                skipSpaces()
                out.append((try element(), i))
                skipSpaces()
                guard i < c.count else { throw fail("expected ',' or ']' to close the '[' at column \(open + 1)", i) }
                if c[i] == "," { i += 1; continue }
                if c[i] == "]" { i += 1; return out }
                throw fail("expected ',' or ']', found '\(c[i])'", i)
            }
        }
        skipSpaces()
        let result: Tensor
        if i < c.count, c[i] == "[" {
            var j = i + 1
            while j < c.count, c[j] == " " { j += 1 }
            if j < c.count, c[j] == "[" {
                var rowStarts: [Int] = []
                let rows = try list { () throws -> [Double] in
                    rowStarts.append(i)
                    skipSpaces()
                    if i < c.count, c[i] != "[" { throw fail("expected a row '[...]' like the first one, found a number", i) }
                    var k = i + 1
                    while k < c.count, c[k] == " " { k += 1 }
                    if k < c.count, c[k] == "[" { throw fail("at most two levels of brackets (a matrix) are supported", k) }
                    return try list { try number() }.map(\.0)
                }.map(\.0)
                for (r, row) in rows.enumerated() where row.count != rows[0].count {
                    throw fail("ragged rows: row \(r + 1) has \(row.count) entr\(row.count == 1 ? "y" : "ies"), row 1 has \(rows[0].count)",
                               rowStarts[r], rowStarts[r] + 1)
                }
                result = Tensor(rows: rows)
            } else {
                let entries = try list { () throws -> Double in
                    skipSpaces()
                    if i < c.count, c[i] == "[" { throw fail("expected a number like the first entry, found a row '['", i) }
                    return try number()
                }
                result = Tensor(vector: entries.map(\.0))
            }
        } else {
            result = Tensor(try number())
        }
        skipSpaces()
        if i < c.count { throw fail("unexpected '\(c[i])' after the value", i) }
        return result
    }

    static func special(_ s: String) -> Double? {
        switch s.lowercased() {
        case "nan": return .nan
        case "inf", "infinity", "+inf": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: return nil
        }
    }
}

/// An error in an expression's text, at a range of the source counted in Unicode scalars.
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Scalar offset of the problem in the source.
    public var start: Int
    /// Scalar offset just past it (at least `start + 1` when drawn).
    public var end: Int

    public init(_ message: String, start: Int, end: Int) {
        self.message = message; self.start = start; self.end = max(end, start)
    }

    public var description: String { message }

    /// The message with the offending line of `source` and carets under the range:
    /// `expression:LINE:COLUMN: message`, then the line, then `^^^`.
    public func render(in source: String, label: String = "expression") -> String {
        let scalars = Array(source.unicodeScalars)
        let position = SourcePosition(offset: start, in: scalars)
        var line = ""
        for ch in scalars[position.lineStart..<position.lineEnd] {
            // Tabs and other invisible characters take one column each.
            line.unicodeScalars.append(ch == "\t" || ch.properties.generalCategory == .control ? " " : ch)
        }
        let width = max(1, min(end, position.lineEnd) - start)
        let caret = String(repeating: " ", count: position.column - 1) + String(repeating: "^", count: width)
        return "\(label):\(position.line):\(position.column): \(message)\n    \(line)\n    \(caret)"
    }
}

/// A 1-based line and column for a scalar offset; CR LF is one line break.
public struct SourcePosition: Sendable, Equatable {
    public var line: Int
    public var column: Int
    var lineStart: Int
    var lineEnd: Int

    public init(offset: Int, in scalars: [Unicode.Scalar]) {
        let offset = max(0, min(offset, scalars.count))
        var line = 1, lineStart = 0
        var i = 0
        while i < offset {
            let ch = scalars[i]
            if Lexer.isLineBreak(ch) {
                if ch == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                line += 1; lineStart = i + 1
            }
            i += 1
        }
        if lineStart > offset { lineStart = offset }  // an offset between CR and LF stays on its line
        var lineEnd = lineStart
        while lineEnd < scalars.count && !Lexer.isLineBreak(scalars[lineEnd]) { lineEnd += 1 }
        self.line = line
        self.column = offset - lineStart + 1
        self.lineStart = lineStart
        self.lineEnd = lineEnd
    }
}

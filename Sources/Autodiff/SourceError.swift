/// An error in an expression's text, at a character range of the source.
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Character offset of the problem in the source.
    public var start: Int
    /// Character offset just past it (at least `start + 1` when drawn).
    public var end: Int

    public init(_ message: String, start: Int, end: Int) {
        self.message = message; self.start = start; self.end = max(end, start)
    }

    public var description: String { message }

    /// The message with the offending line of `source` and carets under the range:
    /// `expression:LINE:COLUMN: message`, then the line, then `^^^`.
    public func render(in source: String, label: String = "expression") -> String {
        let chars = Array(source)
        let position = SourcePosition(offset: start, in: chars)
        var line = String(chars[position.lineStart..<position.lineEnd])
        line = line.replacingOccurrences(of: "\t", with: " ")
        let width = max(1, min(end, position.lineEnd) - start)
        let caret = String(repeating: " ", count: position.column - 1) + String(repeating: "^", count: width)
        return "\(label):\(position.line):\(position.column): \(message)\n    \(line)\n    \(caret)"
    }
}

/// A 1-based line and column for a character offset.
public struct SourcePosition: Sendable, Equatable {
    public var line: Int
    public var column: Int
    var lineStart: Int
    var lineEnd: Int

    public init(offset: Int, in chars: [Character]) {
        let offset = max(0, min(offset, chars.count))
        var line = 1, lineStart = 0
        for i in 0..<offset where chars[i] == "\n" {
            line += 1; lineStart = i + 1
        }
        var lineEnd = lineStart
        while lineEnd < chars.count && chars[lineEnd] != "\n" { lineEnd += 1 }
        self.line = line
        self.column = offset - lineStart + 1
        self.lineStart = lineStart
        self.lineEnd = lineEnd
    }
}

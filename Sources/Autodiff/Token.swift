/// One lexical token of an expression, with its character offsets in the source.
public struct Token: Sendable, Equatable {
    /// What kind of token it is.
    public enum Kind: Sendable, Hashable {
        case number(Double)
        case identifier(String)
        case plus, minus, star, slash, caret, comma, equals, leftParen, rightParen
        /// `@` (matrix product) and `.` (before `T`, the transpose).
        case at, dot
        /// `[` and `]` of an array literal `[a, b]`.
        case leftBracket, rightBracket
        /// `;` or a newline.
        case separator
        case end
    }

    public var kind: Kind
    /// Offset of the first character (in Unicode scalars from the start of the source).
    public var start: Int
    /// Offset just past the last character.
    public var end: Int

    public init(kind: Kind, start: Int, end: Int) {
        self.kind = kind; self.start = start; self.end = end
    }

    /// How the token reads in an error message.
    public var describe: String {
        switch kind {
        case .number(let v): return "number \(NumberText.compact(v))"
        case .identifier(let s): return "name '\(s)'"
        case .plus: return "'+'"
        case .minus: return "'-'"
        case .star: return "'*'"
        case .slash: return "'/'"
        case .caret: return "'^'"
        case .comma: return "','"
        case .equals: return "'='"
        case .leftParen: return "'('"
        case .rightParen: return "')'"
        case .at: return "'@'"
        case .dot: return "'.'"
        case .leftBracket: return "'['"
        case .rightBracket: return "']'"
        case .separator: return "the end of the statement"
        case .end: return "the end of the expression"
        }
    }
}

/// A parsed expression: a tree of numbers, names, operators and calls, each with its
/// character range in the source.
public indirect enum Expression: Sendable, Equatable {
    case number(Double, SourceRange)
    case name(String, SourceRange)
    case unary(Operation, Expression, SourceRange)
    case binary(Operation, Expression, Expression, SourceRange)
    case call(Operation, [Expression], SourceRange)

    public var range: SourceRange {
        switch self {
        case .number(_, let r), .name(_, let r), .unary(_, _, let r), .binary(_, _, _, let r), .call(_, _, let r): return r
        }
    }

    /// Fully parenthesised prefix form, e.g. `(+ x (* y z))`, for precedence tests.
    public var sExpression: String {
        switch self {
        case .number(let v, _): return NumberText.compact(v)
        case .name(let n, _): return n
        case .unary(let op, let a, _): return "(\(op.asciiSymbol) \(a.sExpression))"
        case .binary(let op, let a, let b, _): return "(\(op.asciiSymbol) \(a.sExpression) \(b.sExpression))"
        case .call(let op, let args, _): return "(\(op.rawValue) \(args.map(\.sExpression).joined(separator: " ")))"
        }
    }
}

/// Character offsets `start..<end` in the source.
public struct SourceRange: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = end }
}

/// One statement: `name = expression`, or a bare expression.
public struct Statement: Sendable, Equatable {
    public var name: String?
    public var nameRange: SourceRange?
    public var expression: Expression
}

/// A whole program: statements in order; the last one is the output.
public struct Program: Sendable, Equatable {
    public var statements: [Statement]
    public var source: String
}

/// A parsed expression: a tree of numbers, names, operators and calls, each with its
/// character range in the source.
public indirect enum Expression: Sendable, Equatable {
    case number(Double, SourceRange)
    case name(String, SourceRange)
    case unary(Operation, Expression, SourceRange)
    case binary(Operation, Expression, Expression, SourceRange)
    case call(Operation, [Expression], SourceRange)
    /// Three or more operands of one precedence level, left-associative: `a - b + c` is `a`
    /// then (sub, b), (add, c). Flat, so a sum of 60,000 terms is no 60,000-deep tree.
    case chain(Expression, [Link], SourceRange)

    /// One step of a chain: the operator and its right operand.
    public struct Link: Sendable, Equatable {
        public var operation: Operation
        public var operand: Expression
        public init(operation: Operation, operand: Expression) { self.operation = operation; self.operand = operand }
    }

    public var range: SourceRange {
        switch self {
        case .number(_, let r), .name(_, let r), .unary(_, _, let r), .binary(_, _, _, let r), .call(_, _, let r), .chain(_, _, let r): return r
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
        case .chain(let first, let links, _):
            // Left-nested like the binary form: (+ (- a b) c).
            return links.reversed().map { "(\($0.operation.asciiSymbol) " }.joined() + first.sExpression
                + links.map { " \($0.operand.sExpression))" }.joined()
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

/// A recursive-descent parser for expressions and statements.
///
/// Grammar (lowest precedence first):
/// ```
/// program   := statement (SEP statement)*          SEP is ';' or a line break (LF, CR LF, CR)
/// statement := NAME '=' expr | expr
/// expr      := term (('+' | '-') term)*
/// term      := unary (('*' | '/' | '@') unary)*      '@' is the matrix product, as in Python
/// unary     := '-' unary | '+' unary | power
/// power     := postfix (('^' | '**') unary)?         right-associative; -x^2 = -(x^2)
/// postfix   := primary ('.' 'T')*                    the transpose, as NumPy's W.T
/// primary   := NUMBER | NAME | NAME '(' expr (',' expr)* ')' | '(' expr ')' | '[' expr (',' expr)* ']'
///                                                    the last: an array of equal-shaped entries
/// ```
public struct Parser {
    var tokens: [Token]
    var index = 0
    let source: String
    /// Nesting depth (parentheses, calls, signs, exponents), bounded so hostile input cannot overflow the stack.
    var depth = 0
    public static let maximumDepth = 200

    public static func parse(_ source: String) throws -> Program {
        var p = Parser(tokens: try Lexer.tokens(source), source: source)
        return try p.program()
    }

    /// Parses a single expression (no statements).
    public static func parseExpression(_ source: String) throws -> Expression {
        var p = Parser(tokens: try Lexer.tokens(source), source: source)
        let e = try p.expression()
        try p.expectEnd()
        return e
    }

    var current: Token { tokens[index] }

    mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    mutating func program() throws -> Program {
        var statements: [Statement] = []
        while true {
            while current.kind == .separator { advance() }
            if current.kind == .end { break }
            statements.append(try statement())
            switch current.kind {
            case .separator, .end: continue
            default:
                throw unexpected(current, expected: "an operator, ';' or a newline")
            }
        }
        guard !statements.isEmpty else {
            throw ExpressionError("empty expression: expected something like (x + y) * z", start: 0, end: 1)
        }
        return Program(statements: statements, source: source)
    }

    mutating func statement() throws -> Statement {
        if case .identifier(let name) = current.kind, tokens[index + 1].kind == .equals {
            let nameToken = current
            if Operation.functions[name] != nil {
                throw ExpressionError("'\(name)' is a function and cannot be assigned; choose another name",
                                      start: nameToken.start, end: nameToken.end)
            }
            advance(); advance()
            let e = try expression()
            return Statement(name: name, nameRange: SourceRange(nameToken.start, nameToken.end), expression: e)
        }
        return Statement(name: nil, nameRange: nil, expression: try expression())
    }

    mutating func expectEnd() throws {
        if current.kind != .end { throw unexpected(current, expected: "an operator or the end of the expression") }
    }

    /// Runs `body` one nesting level deeper: inside parentheses, a call's arguments, a sign or
    /// an exponent. The limit bounds the parser's recursion, and so every later recursion over
    /// the tree, whatever the input's length (flat chains are loops, not recursion).
    mutating func nested<T>(at token: Token, _ body: (inout Parser) throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth {
            throw ExpressionError("expression nested too deeply (more than \(Self.maximumDepth) levels of parentheses, calls, signs or exponents)",
                                  start: token.start, end: token.end)
        }
        return try body(&self)
    }

    mutating func expression() throws -> Expression {
        try chain(of: { try $0.term() }, operators: [.plus: .add, .minus: .sub])
    }

    mutating func term() throws -> Expression {
        try chain(of: { try $0.unary() }, operators: [.star: .mul, .slash: .div, .at: .matmul])
    }

    /// `operand (op operand)*`, left-associative, kept flat: one operand is itself, two a
    /// `.binary`, more a `.chain`.
    mutating func chain(of operand: (inout Parser) throws -> Expression, operators: [Token.Kind: Operation]) throws -> Expression {
        let first = try operand(&self)
        var links: [Expression.Link] = []
        while let op = operators[current.kind] {
            advance()
            links.append(Expression.Link(operation: op, operand: try operand(&self)))
        }
        guard let last = links.last else { return first }
        let range = SourceRange(first.range.start, last.operand.range.end)
        if links.count == 1 { return .binary(last.operation, first, last.operand, range) }
        return .chain(first, links, range)
    }

    mutating func unary() throws -> Expression {
        if current.kind == .minus || current.kind == .plus {
            let sign = current
            advance()
            let operand = try nested(at: sign) { try $0.unary() }
            let range = SourceRange(sign.start, operand.range.end)
            if sign.kind == .plus { return operand }
            if case .number(let v, _) = operand { return .number(-v, range) }
            return .unary(.neg, operand, range)
        }
        return try power()
    }

    mutating func power() throws -> Expression {
        let base = try postfix()
        if current.kind == .caret {
            let caret = current
            advance()
            let exponent = try nested(at: caret) { try $0.unary() }
            return .binary(.pow, base, exponent, SourceRange(base.range.start, exponent.range.end))
        }
        return base
    }

    /// `W.T`, `(x @ W).T`: the transpose as a postfix, binding tighter than `^`.
    mutating func postfix() throws -> Expression {
        var e = try primary()
        while current.kind == .dot {
            let dot = current
            advance()
            guard case .identifier("T") = current.kind, current.start == dot.end else {
                throw ExpressionError("expected 'T' right after '.' (W.T is the transpose of W)", start: dot.start, end: max(dot.end, current.end))
            }
            let t = current
            advance()
            e = .unary(.transpose, e, SourceRange(e.range.start, t.end))
        }
        return e
    }

    mutating func primary() throws -> Expression {
        let token = current
        switch token.kind {
        case .number(let v):
            advance()
            return .number(v, SourceRange(token.start, token.end))
        case .identifier(let name):
            advance()
            if current.kind == .leftParen {
                return try call(name, token)
            }
            return .name(name, SourceRange(token.start, token.end))
        case .leftParen:
            advance()
            let inner = try nested(at: token) { try $0.expression() }
            guard current.kind == .rightParen else {
                throw unexpected(current, expected: "')' to close the '(' at column \(column(of: token.start))")
            }
            let close = current
            advance()
            return Self.widen(inner, to: SourceRange(token.start, close.end))
        case .leftBracket:
            advance()
            var items: [Expression] = [try nested(at: token) { try $0.expression() }]
            while current.kind == .comma {
                advance()
                items.append(try nested(at: token) { try $0.expression() })
            }
            guard current.kind == .rightBracket else {
                throw unexpected(current, expected: "',' or ']' to close the '[' at column \(column(of: token.start))")
            }
            let close = current
            advance()
            return .call(.stack, items, SourceRange(token.start, close.end))
        default:
            throw unexpected(token, expected: "a number, a name, '(' or '['")
        }
    }

    mutating func call(_ name: String, _ nameToken: Token) throws -> Expression {
        guard let arity = Operation.functions[name], let op = Operation(rawValue: name) else {
            var message = "unknown function '\(name)'"
            if let guess = NameSuggestion.nearest(to: name, among: Operation.functions.keys.sorted()) {
                message += ", did you mean '\(guess)'?"
            } else {
                message += "; functions: " + Operation.functions.keys.sorted().joined(separator: ", ")
            }
            throw ExpressionError(message, start: nameToken.start, end: nameToken.end)
        }
        let open = current
        advance()
        var args: [Expression] = []
        if current.kind != .rightParen {
            args.append(try nested(at: open) { try $0.expression() })
            while current.kind == .comma {
                advance()
                args.append(try nested(at: open) { try $0.expression() })
            }
        }
        guard current.kind == .rightParen else {
            throw unexpected(current, expected: "',' or ')' to close \(name)( at column \(column(of: open.start))")
        }
        let close = current
        advance()
        let range = SourceRange(nameToken.start, close.end)
        if let arity, args.count != arity {
            throw ExpressionError("\(name) takes \(arity) argument\(arity == 1 ? "" : "s"), found \(args.count)",
                                  start: nameToken.start, end: close.end)
        }
        if arity == nil && args.count < 2 {
            throw ExpressionError("\(name) takes two or more arguments, found \(args.count)", start: nameToken.start, end: close.end)
        }
        if op == .pow { return .binary(.pow, args[0], args[1], range) }
        return .call(op, args, range)
    }

    static func widen(_ e: Expression, to r: SourceRange) -> Expression {
        switch e {
        case .number(let v, _): return .number(v, r)
        case .name(let n, _): return .name(n, r)
        case .unary(let o, let a, _): return .unary(o, a, r)
        case .binary(let o, let a, let b, _): return .binary(o, a, b, r)
        case .call(let o, let a, _): return .call(o, a, r)
        case .chain(let f, let l, _): return .chain(f, l, r)
        }
    }

    func column(of offset: Int) -> Int { SourcePosition(offset: offset, in: Array(source.unicodeScalars)).column }

    func unexpected(_ token: Token, expected: String) -> ExpressionError {
        let found = token.describe
        return ExpressionError("expected \(expected), found \(found)", start: token.start, end: max(token.end, token.start + 1))
    }
}

/// The closest known name by edit distance, for "did you mean" hints.
public enum NameSuggestion {
    public static func nearest(to name: String, among candidates: [String]) -> String? {
        let lower = name.lowercased()
        var best: (String, Int)?
        for c in candidates {
            let d = distance(Array(lower), Array(c))
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (c, d) = best, d <= max(1, min(2, c.count / 3)) else { return nil }
        return c
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = Swift.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = Swift.min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}

import Foundation

/// A small symbolic expression for local derivatives, simplified as it is built (no `1 *`,
/// `0 +`, `--x`), written in plain text (`(a - y)/(a(1 - a))`) or label markup, and evaluable
/// at the graph's values (so a formula can be checked against the numeric derivative).
public indirect enum Formula: Sendable, Equatable {
    case number(Double)
    /// A node's name, or (for an unnamed input) its source text.
    case name(String)
    case add(Formula, Formula)
    case sub(Formula, Formula)
    case mul(Formula, Formula)
    case div(Formula, Formula)
    case pow(Formula, Formula)
    case neg(Formula)
    /// A function of one argument: `exp log sqrt sin cos tanh sigmoid sign`.
    case call(String, Formula)
    /// The Iverson bracket `[a > b]` (or `>=`, `<`, `<=`): 1 where it holds, else 0.
    case indicator(Formula, String, Formula)

    public static func + (a: Formula, b: Formula) -> Formula {
        if a == .number(0) { return b }
        if b == .number(0) { return a }
        if case .number(let x) = a, case .number(let y) = b { return .number(x + y) }
        if case .neg(let c) = b { return a - c }
        return .add(a, b)
    }

    public static func - (a: Formula, b: Formula) -> Formula {
        if b == .number(0) { return a }
        if a == .number(0) { return -b }
        if case .number(let x) = a, case .number(let y) = b { return .number(x - y) }
        return .sub(a, b)
    }

    public static func * (a: Formula, b: Formula) -> Formula {
        if a == .number(0) || b == .number(0) { return .number(0) }
        if a == .number(1) { return b }
        if b == .number(1) { return a }
        if a == .number(-1) { return -b }
        if b == .number(-1) { return -a }
        if case .number(let x) = a, case .number(let y) = b { return .number(x * y) }
        if case .neg(let c) = a { return -(c * b) }
        if case .neg(let c) = b { return -(a * c) }
        // A number goes first: `2x`, not `x·2`.
        if case .number = b { return .mul(b, a) }
        return .mul(a, b)
    }

    public static func / (a: Formula, b: Formula) -> Formula {
        if b == .number(1) { return a }
        if a == .number(0) { return .number(0) }
        if case .neg(let c) = a { return -(c / b) }
        return .div(a, b)
    }

    public static prefix func - (a: Formula) -> Formula {
        if case .number(let x) = a { return .number(-x) }
        if case .neg(let c) = a { return c }
        return .neg(a)
    }

    /// `a^b`, with `a^1 = a` and `a^0 = 1`.
    public static func power(_ a: Formula, _ b: Formula) -> Formula {
        if b == .number(1) { return a }
        if b == .number(0) { return .number(1) }
        return .pow(a, b)
    }

    /// The value at `values` (by name; an unknown name is NaN).
    public func evaluate(_ values: [String: Double]) -> Double {
        switch self {
        case .number(let v): return v
        case .name(let n): return values[n] ?? .nan
        case .add(let a, let b): return a.evaluate(values) + b.evaluate(values)
        case .sub(let a, let b): return a.evaluate(values) - b.evaluate(values)
        case .mul(let a, let b): return a.evaluate(values) * b.evaluate(values)
        case .div(let a, let b): return a.evaluate(values) / b.evaluate(values)
        case .pow(let a, let b): return Foundation.pow(a.evaluate(values), b.evaluate(values))
        case .neg(let a): return -a.evaluate(values)
        case .call(let f, let a):
            let x = a.evaluate(values)
            switch f {
            case "exp": return Foundation.exp(x)
            case "log": return Foundation.log(x)
            case "sqrt": return x.squareRoot()
            case "sin": return Foundation.sin(x)
            case "cos": return Foundation.cos(x)
            case "tanh": return Foundation.tanh(x)
            case "sigmoid": return 1 / (1 + Foundation.exp(-x))
            case "sign": return x.isNaN ? .nan : (x > 0 ? 1 : (x < 0 ? -1 : 0))
            default: return .nan
            }
        case .indicator(let a, let relation, let b):
            let x = a.evaluate(values), y = b.evaluate(values)
            if x.isNaN || y.isNaN { return .nan }
            switch relation {
            case ">": return x > y ? 1 : 0
            case ">=": return x >= y ? 1 : 0
            case "<": return x < y ? 1 : 0
            default: return x <= y ? 1 : 0
            }
        }
    }

    /// Plain text: `(a - y)/(a(1 - a))`, `x`, `1 - tanh(u)^2`.
    public var text: String { pieces.map { piece in
        switch piece { case .name(let n): return n; case .symbol(let s): return s }
    }.joined() }

    /// The text as a sequence of names and symbols, for renderers that set names in math type.
    public enum Piece: Sendable, Equatable { case name(String), symbol(String) }

    public var pieces: [Piece] {
        var out: [Piece] = []
        write(into: &out)
        return out
    }

    /// Binding strength: sums 1, products and quotients 2, a sign 3, powers 4, atoms 5.
    var precedence: Int {
        switch self {
        case .number(let v): return v < 0 ? 3 : 5
        case .name(let n): return Self.isAtomic(n) ? 5 : 1
        case .add, .sub: return 1
        case .mul, .div: return 2
        case .neg: return 3
        case .pow: return 4
        case .call, .indicator: return 5
        }
    }

    /// A name or a call (`w1`, `log(x)`), which needs no parentheses around it.
    static func isAtomic(_ text: String) -> Bool {
        if text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { return true }
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else { return false }
        if !text[..<open].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) || open == text.startIndex { return false }
        // The first parenthesis closes at the end.
        var depth = 0
        for (i, c) in zip(text.indices, text) {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1; if depth == 0 && i != text.index(before: text.endIndex) { return false } }
        }
        return true
    }

    func write(into out: inout [Piece], parenthesised: Bool = false) {
        if parenthesised { out.append(.symbol("(")); write(into: &out); out.append(.symbol(")")); return }
        switch self {
        case .number(let v): out.append(.symbol(NumberText.compact(v)))
        case .name(let n): out.append(.name(n))
        case .add(let a, let b):
            a.write(into: &out)
            out.append(.symbol(" + "))
            b.write(into: &out, parenthesised: b.precedence < 1)
        case .sub(let a, let b):
            a.write(into: &out)
            out.append(.symbol(" - "))
            b.write(into: &out, parenthesised: b.precedence <= 1)
        case .mul(let a, let b):
            a.write(into: &out, parenthesised: a.precedence < 2)
            let bracketed = b.precedence < 2
            // Juxtaposition where it cannot be misread: `a(1 - a)`, `2x`; a dot otherwise.
            let juxtapose: Bool
            if bracketed { juxtapose = true } else if case .number = a, case .name = b { juxtapose = b.precedence == 5 } else { juxtapose = false }
            if !juxtapose { out.append(.symbol("\u{00B7}")) }
            b.write(into: &out, parenthesised: bracketed || b.precedence == 3)
        case .div(let a, let b):
            a.write(into: &out, parenthesised: a.precedence < 2)
            out.append(.symbol("/"))
            b.write(into: &out, parenthesised: b.precedence <= 3)
        case .pow(let a, let b):
            a.write(into: &out, parenthesised: a.precedence <= 4)
            out.append(.symbol("^"))
            b.write(into: &out, parenthesised: b.precedence < 5)
        case .neg(let a):
            out.append(.symbol("-"))
            a.write(into: &out, parenthesised: a.precedence < 3)
        case .call(let f, let a):
            out.append(.symbol(f + "("))
            a.write(into: &out)
            out.append(.symbol(")"))
        case .indicator(let a, let relation, let b):
            out.append(.symbol("["))
            a.write(into: &out)
            out.append(.symbol(" \(relation) "))
            b.write(into: &out)
            out.append(.symbol("]"))
        }
    }
}

/// A computation graph: nodes in topological order (every input precedes its user).
///
/// A variable is one node however often it is used; each use is one edge, so a node's
/// `inputs` may name the same node twice (`x * x`).
public struct ComputationGraph: Sendable {
    /// One node: a variable, a constant, a gate, or a named intermediate (`q = ...`).
    public struct Node: Sendable, Equatable {
        /// What the node is.
        public enum Kind: Sendable, Equatable {
            case variable(String)
            case constant(Double)
            case gate(Operation)
            /// A statement's name for the value of its single input.
            case named(String)
        }

        public var id: Int
        public var kind: Kind
        public var inputs: [Int]
        /// Where the node comes from in the source.
        public var range: SourceRange
        /// A gate's own characters (`@` of `x @ W`, `.T`, a call's name), where a shape error's caret points.
        public var operatorRange: SourceRange? = nil

        /// The name of a variable or named intermediate.
        public var name: String? {
            switch kind {
            case .variable(let n), .named(let n): return n
            default: return nil
            }
        }

        public var operation: Operation? {
            if case .gate(let op) = kind { return op }
            return nil
        }

        public var isVariable: Bool { if case .variable = kind { return true } else { return false } }
        public var isConstant: Bool { if case .constant = kind { return true } else { return false } }
    }

    public private(set) var nodes: [Node] = []
    public private(set) var output: Int = 0
    public let source: String
    /// The source as Unicode scalars: node ranges count these.
    let scalars: [Unicode.Scalar]

    /// Variables in order of first appearance.
    public var variables: [Node] { nodes.filter(\.isVariable) }

    /// Builds the graph of `program`: names bound by earlier statements refer to those
    /// statements (the newest binding wins); every other name is a variable.
    public init(_ program: Program) {
        source = program.source
        scalars = Array(program.source.unicodeScalars)
        var bindings: [String: Int] = [:]
        var last = 0
        for statement in program.statements {
            var id = add(statement.expression, bindings: &bindings)
            if let name = statement.name {
                let r = statement.nameRange ?? statement.expression.range
                id = append(.named(name), inputs: [id], range: SourceRange(r.start, statement.expression.range.end))
                bindings[name] = id
            }
            last = id
        }
        output = last
    }

    /// A graph from nodes already in topological order (for transformations such as `flattened()`).
    init(nodes: [Node], output: Int, source: String, scalars: [Unicode.Scalar]) {
        self.nodes = nodes
        self.output = output
        self.source = source
        self.scalars = scalars
    }

    /// Parses `source` and builds its graph.
    public init(parsing source: String) throws {
        self.init(try Parser.parse(source))
    }

    mutating func append(_ kind: Node.Kind, inputs: [Int], range: SourceRange, operatorRange: SourceRange? = nil) -> Int {
        nodes.append(Node(id: nodes.count, kind: kind, inputs: inputs, range: range, operatorRange: operatorRange))
        return nodes.count - 1
    }

    /// The non-blank characters between two operands' ranges: the operator that joins them.
    func between(_ a: Int, _ b: Int) -> SourceRange? {
        var s = max(0, a), e = min(b, scalars.count)
        while s < e, scalars[s] == " " || scalars[s] == "\t" { s += 1 }
        while e > s, scalars[e - 1] == " " || scalars[e - 1] == "\t" { e -= 1 }
        return s < e ? SourceRange(s, e) : nil
    }

    mutating func add(_ e: Expression, bindings: inout [String: Int]) -> Int {
        switch e {
        case .number(let v, let r):
            return append(.constant(v), inputs: [], range: r)
        case .name(let n, let r):
            if let id = bindings[n] { return id }
            let id = append(.variable(n), inputs: [], range: r)
            bindings[n] = id
            return id
        case .unary(let op, let a, let r):
            let ia = add(a, bindings: &bindings)
            let mark = a.range.end < r.end ? between(a.range.end, r.end) : between(r.start, a.range.start)
            return append(.gate(op), inputs: [ia], range: r, operatorRange: mark)
        case .binary(let op, let a, let b, let r):
            let ia = add(a, bindings: &bindings)
            let ib = add(b, bindings: &bindings)
            var mark = between(a.range.end, b.range.start)
            // pow(a, b) is a call: its mark is the name, not the comma.
            if let m = mark, m.end - m.start == 1, scalars[m.start] == "," { mark = SourceRange(r.start, r.start + 3) }
            return append(.gate(op), inputs: [ia, ib], range: r, operatorRange: mark)
        case .call(let op, let args, let r):
            let ids = args.map { add($0, bindings: &bindings) }
            return append(.gate(op), inputs: ids, range: r, operatorRange: SourceRange(r.start, r.start + (op == .stack ? 1 : op.rawValue.unicodeScalars.count)))
        case .chain(let first, let links, _):
            // A loop, not recursion: one binary gate per link, left-associative.
            var id = add(first, bindings: &bindings)
            var lastEnd = first.range.end
            for link in links {
                let ib = add(link.operand, bindings: &bindings)
                id = append(.gate(link.operation), inputs: [id, ib], range: SourceRange(first.range.start, link.operand.range.end),
                            operatorRange: between(lastEnd, link.operand.range.start))
                lastEnd = link.operand.range.end
            }
            return id
        }
    }

    /// Ids of the nodes that use node `id`, once per use.
    public func users() -> [[Int]] {
        var out = Array(repeating: [Int](), count: nodes.count)
        for n in nodes { for i in n.inputs { out[i].append(n.id) } }
        return out
    }

    /// The source text of a node, for messages.
    public func text(of id: Int) -> String {
        let r = nodes[id].range
        let s = max(0, min(r.start, scalars.count)), e = max(s, min(r.end, scalars.count))
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[s..<e])
        return text
    }
}

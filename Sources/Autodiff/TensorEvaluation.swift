/// The forward values and reverse-mode gradients of a graph whose values are tensors (vectors,
/// matrices), as `Evaluation` is for scalars: the scalar path stays as it is, and a graph with an
/// array value or an array operation (`@`, `.T`, `sum`, `softmax`, a loss gate) comes here.
public struct TensorEvaluation: Sendable {
    public let graph: ComputationGraph
    /// Value of every node.
    public private(set) var values: [Tensor]
    /// d(seed . output)/d(node) for every node, of the node's shape, summed over its uses.
    public private(set) var gradients: [Tensor]
    /// For every node, the gradient sent back along each input edge (of that input's shape).
    public private(set) var edgeGradients: [[Tensor]]
    /// For every node, the local derivative along each input edge where it is elementwise
    /// (d out_i / d in_i of an elementwise gate whose input has its shape), else nil (a Jacobian).
    public private(set) var localDerivatives: [[Tensor?]]
    /// The output's own gradient, the seed of the backward pass (ones times `--upstream`, or a
    /// one-hot row for a Jacobian's row).
    public let seed: Tensor
    /// Gates whose value has NaN or infinite entries although their inputs are finite.
    public private(set) var domainIssues: [TensorDomainIssue]
    /// Variables with a NaN or infinite entry, in order of first appearance.
    public private(set) var nonFiniteInputs: [String]

    public var backwardOrder: [Int] { Array(graph.nodes.indices.reversed()) }
    public var outputValue: Tensor { values[graph.output] }

    /// Whether `graph` at `values` needs the tensor path: an array value, or an operation whose
    /// array meaning differs from its scalar one.
    public static func isNeeded(_ graph: ComputationGraph, values: [String: Tensor]) -> Bool {
        for v in values.values where !v.isScalar { return true }
        // A plain loop: Swift 6.3's optimizer crashes on the closure form (CopyPropagation).
        for node in graph.nodes {
            if case .gate(let op) = node.kind, Operation.tensorOperations.contains(op) { return true }
        }
        return false
    }

    /// Evaluates `graph` at `values`, seeding the output's gradient with `upstream` in every entry.
    /// Throws `MissingValues`, or an `ExpressionError` at the operator of a gate whose operands'
    /// shapes do not fit (both shapes named).
    public init(_ graph: ComputationGraph, values input: [String: Tensor], upstream: Double = 1) throws {
        try self.init(graph, values: input, seed: nil, upstream: upstream)
    }

    /// Evaluates with an explicit seed of the output's shape (e.g. one-hot, for a Jacobian row).
    public init(_ graph: ComputationGraph, values input: [String: Tensor], seed: Tensor) throws {
        try self.init(graph, values: input, seed: seed, upstream: 1)
    }

    init(_ graph: ComputationGraph, values input: [String: Tensor], seed: Tensor?, upstream: Double) throws {
        let missing = graph.variables.compactMap(\.name).filter { input[$0] == nil }
        if !missing.isEmpty { throw MissingValues(names: missing) }
        self.graph = graph
        var values: [Tensor] = []
        values.reserveCapacity(graph.nodes.count)
        var nonFinite: [String] = []
        var issues: [TensorDomainIssue] = []
        for node in graph.nodes {
            switch node.kind {
            case .variable(let name):
                let v = input[name]!
                if v.data.contains(where: { !$0.isFinite }) { nonFinite.append(name) }
                values.append(v)
            case .constant(let c): values.append(Tensor(c))
            case .named: values.append(values[node.inputs[0]])
            case .gate(let op):
                let args = node.inputs.map { values[$0] }
                do {
                    values.append(try TensorKernels.forward(op, args))
                } catch {
                    let mark = node.operatorRange ?? node.range
                    throw ExpressionError(error.message, start: mark.start, end: mark.end)
                }
                let v = values[node.id]
                if v.data.contains(where: { !$0.isFinite }) && args.allSatisfy({ $0.data.allSatisfy(\.isFinite) }) {
                    issues.append(TensorDomainIssue(node: node.id, operation: op, text: graph.text(of: node.id),
                                                    entries: v.data.indices.filter { !v.data[$0].isFinite }, value: v))
                }
            }
        }
        let output = values[graph.output]
        let seedTensor = seed ?? Tensor.filled(upstream, shape: output.shape)
        guard seedTensor.shape == output.shape else {
            throw ExpressionError("the seed gradient's shape \(seedTensor.shapeText) is not the output's \(output.shapeText)",
                                  start: graph.nodes[graph.output].range.start, end: graph.nodes[graph.output].range.end)
        }
        self.values = values
        self.seed = seedTensor
        self.domainIssues = issues
        self.nonFiniteInputs = nonFinite
        gradients = []; edgeGradients = []; localDerivatives = []
        backward()
    }

    /// The backward pass from `seed`, output first.
    mutating func backward() {
        let n = graph.nodes.count
        var adjoints = values.map { Tensor.filled(0, shape: $0.shape) }
        adjoints[graph.output] = seed
        var edges = Array(repeating: [Tensor](), count: n)
        var locals = Array(repeating: [Tensor?](), count: n)
        for id in graph.nodes.indices.reversed() {
            let node = graph.nodes[id]
            if node.inputs.isEmpty { continue }
            let g = adjoints[id]
            let sent: [Tensor], local: [Tensor?]
            switch node.kind {
            case .gate(let op):
                (sent, local) = TensorKernels.backward(op, node.inputs.map { values[$0] }, output: values[id], gradient: g)
            default:
                sent = [g]; local = [nil]
            }
            for (k, input) in node.inputs.enumerated() {
                for i in adjoints[input].data.indices { adjoints[input].data[i] += sent[k].data[i] }
            }
            edges[id] = sent
            locals[id] = local
        }
        gradients = adjoints
        edgeGradients = edges
        localDerivatives = locals
    }

    /// The same forward values with the backward pass run from another seed.
    public func reseeded(_ seed: Tensor) -> TensorEvaluation {
        precondition(seed.shape == outputValue.shape, "seed of shape \(seed.shapeText) for an output of shape \(outputValue.shapeText)")
        var copy = TensorEvaluation(copying: self, seed: seed)
        copy.backward()
        return copy
    }

    private init(copying e: TensorEvaluation, seed: Tensor) {
        graph = e.graph; values = e.values; gradients = []; edgeGradients = []; localDerivatives = []
        self.seed = seed; domainIssues = e.domainIssues; nonFiniteInputs = e.nonFiniteInputs
    }

    /// The Jacobian d output / d `node`: one row per output entry (a backward pass seeded with that
    /// entry's one-hot), one column per entry of the node; shape (outputs, entries).
    public func jacobian(of node: Int) -> Tensor {
        let out = outputValue
        var rows: [[Double]] = []
        for i in 0..<out.count {
            var e = Tensor.filled(0, shape: out.shape)
            e.data[i] = 1
            rows.append(reseeded(e).gradients[node].data)
        }
        return Tensor(rows: rows)
    }

    /// The gradient of every variable by name.
    public var variableGradients: [(name: String, gradient: Tensor)] {
        graph.variables.map { ($0.name!, gradients[$0.id]) }
    }
}

/// A gate whose value has NaN or infinite entries although its inputs are finite.
public struct TensorDomainIssue: Sendable, CustomStringConvertible {
    public var node: Int
    public var operation: Operation
    /// The node's source text.
    public var text: String
    /// Flat indices of the non-finite entries.
    public var entries: [Int]
    public var value: Tensor

    public var description: String {
        if value.isScalar { return "node \(node) '\(text)': \(operation.rawValue) gives \(NumberText.compact(value.scalar))" }
        let shown = entries.prefix(4).map { "[\($0)] = \(NumberText.compact(value.data[$0]))" }.joined(separator: ", ")
        return "node \(node) '\(text)': \(operation.rawValue) gives \(shown)\(entries.count > 4 ? ", ..." : "") (flat row-major indices)"
    }
}

/// The forward sweep and the reverse-mode (backpropagation) sweep of a graph over reusable
/// buffers, allocating nothing per node: the one backward pass behind `Evaluation` and the
/// expression surfaces. Copy a prepared pass per thread; the buffers are its own.
public struct ReversePass: Sendable {
    public let graph: ComputationGraph
    /// Every node's value after `forward()`.
    public private(set) var values: [Double]
    /// d(output)/d(node) after `backward(seed:)`, summed over every use of the node.
    public private(set) var adjoints: [Double]
    var arguments: [Double] = []
    var locals: [Double] = []

    public init(_ graph: ComputationGraph) {
        self.graph = graph
        values = graph.nodes.map { node in if case .constant(let v) = node.kind { return v } else { return 0 } }
        adjoints = Array(repeating: 0, count: graph.nodes.count)
        arguments.reserveCapacity(8)
        locals.reserveCapacity(8)
    }

    /// Sets a variable node's value (by node id) before `forward()`.
    public mutating func set(_ node: Int, _ value: Double) { values[node] = value }

    /// Computes every gate and named value from the variables set and the constants.
    public mutating func forward() {
        for node in graph.nodes {
            switch node.kind {
            case .variable, .constant: continue
            case .named: values[node.id] = values[node.inputs[0]]
            case .gate(let op):
                arguments.removeAll(keepingCapacity: true)
                for i in node.inputs { arguments.append(values[i]) }
                values[node.id] = op.value(arguments)
            }
        }
    }

    /// Sends `seed` (the output's gradient) back through the graph, output first. `edge`, if
    /// given, sees every input edge: (user node, input slot, local derivative, gradient sent).
    /// A zero upstream gradient stops at its node, even across an infinite local derivative.
    public mutating func backward(seed: Double = 1, edge: ((_ node: Int, _ slot: Int, _ local: Double, _ gradient: Double) -> Void)? = nil) {
        for i in adjoints.indices { adjoints[i] = 0 }
        adjoints[graph.output] = seed
        for id in graph.nodes.indices.reversed() {
            let node = graph.nodes[id]
            if node.inputs.isEmpty { continue }
            let g = adjoints[id]
            if g == 0 && edge == nil { continue }
            localDerivatives(of: node)
            for (k, input) in node.inputs.enumerated() {
                let e = g == 0 ? 0 : g * locals[k]
                adjoints[input] += e
                edge?(id, k, locals[k], e)
            }
        }
    }

    /// The local derivatives of `node`'s inputs into `locals`.
    mutating func localDerivatives(of node: ComputationGraph.Node) {
        switch node.kind {
        case .gate(let op):
            arguments.removeAll(keepingCapacity: true)
            for i in node.inputs { arguments.append(values[i]) }
            op.localDerivatives(arguments, output: values[node.id], into: &locals)
        default:
            locals.removeAll(keepingCapacity: true)
            locals.append(1)
        }
    }
}

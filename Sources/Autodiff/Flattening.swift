extension ComputationGraph {
    /// The graph with every chain of one associative operator (+ or ×) merged into one n-ary
    /// gate: `a + b + c + d` is one + with four inputs instead of three nested ones. A gate is
    /// merged into its user only when that user is its single use and it has no name, so every
    /// value the program names stays a node. Values and gradients are unchanged.
    public func flattened() -> ComputationGraph {
        var uses = Array(repeating: 0, count: nodes.count)
        for node in nodes { for i in node.inputs { uses[i] += 1 } }
        var absorbed = Array(repeating: false, count: nodes.count)
        var expanded: [[Int]] = nodes.map(\.inputs)
        for node in nodes {
            guard let op = node.operation, op == .add || op == .mul else { continue }
            var inputs: [Int] = []
            for i in node.inputs {
                if nodes[i].operation == op && uses[i] == 1 && !absorbed[i] {
                    inputs.append(contentsOf: expanded[i])
                    absorbed[i] = true
                } else {
                    inputs.append(i)
                }
            }
            expanded[node.id] = inputs
        }
        var newID = Array(repeating: -1, count: nodes.count)
        var kept: [Node] = []
        kept.reserveCapacity(nodes.count)
        for node in nodes where !absorbed[node.id] {
            newID[node.id] = kept.count
            kept.append(Node(id: kept.count, kind: node.kind, inputs: expanded[node.id].map { newID[$0] }, range: node.range))
        }
        return ComputationGraph(nodes: kept, output: newID[output], source: source, scalars: scalars)
    }
}

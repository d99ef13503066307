extension ComputationGraph {
    /// The names of the statements a program binds (`q = ...`), in order, each once.
    public var statementNames: [String] {
        var seen = Set<String>(), out: [String] = []
        for node in nodes { if case .named(let n) = node.kind, seen.insert(n).inserted { out.append(n) } }
        return out
    }

    /// The part of the graph that computes the statement named `name` (its newest binding) as
    /// its output: that node and everything it depends on, renumbered in the same order. Nil
    /// when the program binds no such name.
    public func restricted(toOutputNamed name: String) -> ComputationGraph? {
        guard let target = nodes.last(where: { if case .named(name) = $0.kind { return true } else { return false } })?.id else { return nil }
        var needed = Array(repeating: false, count: nodes.count)
        needed[target] = true
        // Inputs precede their users, so one pass from the output down marks every ancestor.
        for id in stride(from: target, through: 0, by: -1) where needed[id] {
            for i in nodes[id].inputs { needed[i] = true }
        }
        var newID = Array(repeating: -1, count: nodes.count)
        var kept: [Node] = []
        for node in nodes where needed[node.id] {
            newID[node.id] = kept.count
            kept.append(Node(id: kept.count, kind: node.kind, inputs: node.inputs.map { newID[$0] }, range: node.range))
        }
        return ComputationGraph(nodes: kept, output: newID[target], source: source, scalars: scalars)
    }
}

/// The forward values and reverse-mode gradients of a graph at given variable values.
public struct Evaluation: Sendable {
    public let graph: ComputationGraph
    /// Value of every node.
    public private(set) var values: [Double]
    /// d(output)/d(node) for every node, summed over all of the node's uses.
    public private(set) var gradients: [Double]
    /// For every node, the local derivative d(node)/d(input k) of each of its inputs.
    public private(set) var localDerivatives: [[Double]]
    /// For every node, the gradient sent back along each input edge: grad(node) * local.
    public private(set) var edgeGradients: [[Double]]
    /// Gates that produced NaN or Inf from finite inputs.
    public private(set) var domainIssues: [DomainIssue]
    /// Node ids in the order the backward pass visits them (output first).
    public var backwardOrder: [Int] { Array(graph.nodes.indices.reversed()) }

    /// Evaluates `graph` at `values` (one per variable name). Throws `MissingValues`
    /// listing every variable without a value.
    public init(_ graph: ComputationGraph, values input: [String: Double]) throws {
        let missing = graph.variables.compactMap(\.name).filter { input[$0] == nil }
        if !missing.isEmpty { throw MissingValues(names: missing) }
        self.graph = graph
        let n = graph.nodes.count
        var values = Array(repeating: 0.0, count: n)
        var localDerivatives = Array(repeating: [Double](), count: n)
        var domainIssues: [DomainIssue] = []
        for node in graph.nodes {
            switch node.kind {
            case .variable(let name): values[node.id] = input[name]!
            case .constant(let v): values[node.id] = v
            case .named: values[node.id] = values[node.inputs[0]]; localDerivatives[node.id] = [1]
            case .gate(let op):
                let x = node.inputs.map { values[$0] }
                let y = op.value(x)
                values[node.id] = y
                localDerivatives[node.id] = op.localDerivatives(x, output: y)
                if !y.isFinite && x.allSatisfy(\.isFinite) {
                    domainIssues.append(DomainIssue(node: node.id, operation: op, inputs: x, value: y, text: graph.text(of: node.id)))
                }
            }
        }
        var gradients = Array(repeating: 0.0, count: n)
        var edgeGradients = Array(repeating: [Double](), count: n)
        gradients[graph.output] = 1
        for id in graph.nodes.indices.reversed() {
            let node = graph.nodes[id]
            let g = gradients[id]
            var edges: [Double] = []
            edges.reserveCapacity(node.inputs.count)
            for (k, input) in node.inputs.enumerated() {
                // A zero upstream gradient stops here even across an infinite local derivative.
                let e = g == 0 ? 0 : g * localDerivatives[id][k]
                edges.append(e)
                gradients[input] += e
            }
            edgeGradients[id] = edges
        }
        self.values = values
        self.localDerivatives = localDerivatives
        self.domainIssues = domainIssues
        self.gradients = gradients
        self.edgeGradients = edgeGradients
    }

    /// The gradient of every variable by name.
    public var variableGradients: [(name: String, gradient: Double)] {
        graph.variables.map { ($0.name!, gradients[$0.id]) }
    }

    public var outputValue: Double { values[graph.output] }
}

/// A gate whose value is NaN or infinite although its inputs are finite.
public struct DomainIssue: Sendable, Equatable, CustomStringConvertible {
    public var node: Int
    public var operation: Operation
    public var inputs: [Double]
    public var value: Double
    /// The node's source text.
    public var text: String

    public var description: String {
        let args = inputs.map { NumberText.compact($0) }.joined(separator: ", ")
        let call: String
        // e.g. "node 4 'log(x - 3)': log(-1) = NaN"
        switch operation {
        case .add, .sub, .mul, .div, .pow:
            call = inputs.map { NumberText.compact($0) }.joined(separator: " \(operation.asciiSymbol) ")
        default: call = "\(operation.rawValue)(\(args))"
        }
        return "node \(node) '\(text)': \(call) = \(NumberText.compact(value))"
    }
}

/// Variables that have no value.
public struct MissingValues: Error, Sendable, Equatable, CustomStringConvertible {
    public var names: [String]
    public init(names: [String]) { self.names = names }
    public var description: String {
        let list = names.map { "'\($0)'" }.joined(separator: ", ")
        let example = names.map { "\($0)=1" }.joined(separator: " ")
        return "missing value\(names.count == 1 ? "" : "s") for \(list): pass \(names.count == 1 ? "it" : "them") as NAME=VALUE, e.g. \(example)"
    }
}

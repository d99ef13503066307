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

    /// The output's own gradient, the seed of the backward pass (1 unless an upstream
    /// gradient is given, as for a gate inside a bigger circuit).
    public let upstream: Double
    /// Variables whose given value is NaN or infinite, in order of first appearance.
    public private(set) var nonFiniteInputs: [(name: String, value: Double)]

    /// Evaluates `graph` at `values` (one per variable name), seeding the output's gradient
    /// with `upstream`. Throws `MissingValues` listing every variable without a value.
    public init(_ graph: ComputationGraph, values input: [String: Double], upstream: Double = 1) throws {
        let missing = graph.variables.compactMap(\.name).filter { input[$0] == nil }
        if !missing.isEmpty { throw MissingValues(names: missing) }
        self.graph = graph
        self.upstream = upstream
        var pass = ReversePass(graph)
        var nonFinite: [(name: String, value: Double)] = []
        for node in graph.nodes {
            guard case .variable(let name) = node.kind else { continue }
            let v = input[name]!
            pass.set(node.id, v)
            if !v.isFinite { nonFinite.append((name, v)) }
        }
        pass.forward()
        let n = graph.nodes.count
        var localDerivatives = Array(repeating: [Double](), count: n)
        var edgeGradients = Array(repeating: [Double](), count: n)
        for node in graph.nodes where !node.inputs.isEmpty {
            localDerivatives[node.id].reserveCapacity(node.inputs.count)
            edgeGradients[node.id].reserveCapacity(node.inputs.count)
        }
        pass.backward(seed: upstream) { id, _, local, gradient in
            localDerivatives[id].append(local)
            edgeGradients[id].append(gradient)
        }
        var domainIssues: [DomainIssue] = []
        let values = pass.values
        for node in graph.nodes {
            guard case .gate(let op) = node.kind, !values[node.id].isFinite, node.inputs.allSatisfy({ values[$0].isFinite }) else { continue }
            domainIssues.append(DomainIssue(node: node.id, operation: op, inputs: node.inputs.map { values[$0] },
                                            value: values[node.id], text: graph.text(of: node.id)))
        }
        self.values = values
        self.localDerivatives = localDerivatives
        self.domainIssues = domainIssues
        self.gradients = pass.adjoints
        self.edgeGradients = edgeGradients
        self.nonFiniteInputs = nonFinite
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

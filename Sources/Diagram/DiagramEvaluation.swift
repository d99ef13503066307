import Autodiff

/// A number written on a wire: a scalar, or a vector or matrix (drawn in brackets).
public enum WireNumber: Sendable {
    case scalar(Double)
    case tensor(Tensor)

    init(_ t: Tensor) { self = t.isScalar ? .scalar(t.scalar) : .tensor(t) }
}

/// What a graph drawing reads from an evaluation: the graph, and per node and wire the value,
/// gradient and local derivative to write. `Evaluation` (scalars) and `TensorEvaluation` provide it.
public protocol DiagramEvaluation: Sendable {
    var graph: ComputationGraph { get }
    /// Node ids in the order the backward pass visits them (output first).
    var backwardOrder: [Int] { get }
    /// Gates drawn as domain errors (NaN or infinite from finite inputs).
    var problemNodes: Set<Int> { get }
    func wireValue(of node: Int) -> WireNumber
    /// The node's gradient summed over its uses.
    func nodeGradient(of node: Int) -> WireNumber
    /// The gradient sent back along input `slot` of `node`.
    func edgeGradient(of node: Int, slot: Int) -> WireNumber
    func localDerivative(of node: Int, slot: Int) -> WireNumber?
    /// The output's own gradient (the seed).
    var outputGradient: WireNumber { get }
}

extension Evaluation: DiagramEvaluation {
    public var problemNodes: Set<Int> { Set(domainIssues.map(\.node)) }
    public func wireValue(of node: Int) -> WireNumber { .scalar(values[node]) }
    public func nodeGradient(of node: Int) -> WireNumber { .scalar(gradients[node]) }
    public func edgeGradient(of node: Int, slot: Int) -> WireNumber { .scalar(edgeGradients[node][slot]) }
    public func localDerivative(of node: Int, slot: Int) -> WireNumber? { .scalar(localDerivatives[node][slot]) }
    public var outputGradient: WireNumber { .scalar(upstream) }
}

extension TensorEvaluation: DiagramEvaluation {
    public var problemNodes: Set<Int> { Set(domainIssues.map(\.node)) }
    public func wireValue(of node: Int) -> WireNumber { WireNumber(values[node]) }
    public func nodeGradient(of node: Int) -> WireNumber { WireNumber(gradients[node]) }
    public func edgeGradient(of node: Int, slot: Int) -> WireNumber { WireNumber(edgeGradients[node][slot]) }
    public func localDerivative(of node: Int, slot: Int) -> WireNumber? { localDerivatives[node][slot].map(WireNumber.init) }
    public var outputGradient: WireNumber { WireNumber(seed) }
}

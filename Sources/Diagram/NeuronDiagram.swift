import Autodiff

/// What a single-neuron diagram shows (course text 003 fig. 1-2): inputs x1..xn with weights on
/// their edges, the summation node with its bias, the activation and the output a, each with
/// its number when one is given.
public struct NeuronDiagram: Sendable, Equatable {
    public var inputCount: Int
    /// Math-text names of the inputs (default x_1 ... x_n).
    public var inputLabels: [String]
    public var inputValues: [Double]?
    public var weights: [Double]?
    public var bias: Double?
    /// The activation's symbol in its box (σ, ReLU, tanh).
    public var activationName: String
    /// The weighted sum and the output, when computed.
    public var z: Double?
    public var a: Double?

    public init(inputs n: Int, activationName: String) {
        inputCount = n
        inputLabels = (1...max(1, n)).map { "$x_{\($0)}$" }
        self.activationName = activationName
    }

    /// "$w_{2} = -1$" or "$w_{2}$": a name with its value when there is one.
    static func named(_ name: String, _ value: Double?) -> String {
        guard let value else { return "$\(name)$" }
        return "$\(name)$ = \(NumberText.compact(value, digits: 3))"
    }

    public func weightLabel(_ i: Int) -> String { Self.named("w_{\(i + 1)}", weights?[i]) }
    public var biasLabel: String { Self.named("b", bias) }
    public var sumLabel: String { Self.named("z", z) }
    public var outputLabel: String { Self.named("a", a) }
}

/// One neuron's numbers: the weighted sum z = w · x + b and its activation a = f(z).
public struct NeuronValues: Sendable, Equatable {
    public var z: Double
    public var a: Double

    /// `weights` and `inputs` must have the same length.
    public init(weights: [Double], inputs: [Double], bias: Double, activation: Activation) {
        precondition(weights.count == inputs.count, "\(weights.count) weights for \(inputs.count) inputs")
        var s = bias
        for (w, x) in zip(weights, inputs) { s += w * x }
        z = s
        a = activation.apply(s)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fully connected network's shape with one parameter vector (a run log's last logged
/// `params`): its weights and biases by layer, and the activations of every layer for one input.
public struct TrainedNetwork: Sendable, Equatable {
    public var spec: MLPSpec
    /// W_1 (row-major, n_1 x n_0), b_1, W_2, b_2, ... as `MLPSpec` lays them out.
    public var parameters: [Double]

    /// `parameters` must hold `spec.parameterCount` values.
    public init(spec: MLPSpec, parameters: [Double]) {
        precondition(parameters.count == spec.parameterCount, "\(parameters.count) parameters for a network of \(spec.parameterCount)")
        self.spec = spec
        self.parameters = parameters
    }

    /// w_ij^l: the weight from neuron `j` of layer l - 1 to neuron `i` of layer `l` (l = 1...L).
    public func weight(layer l: Int, to i: Int, from j: Int) -> Double {
        parameters[spec.weightOffset(l) + i * spec.layers[l - 1] + j]
    }

    /// b_i^l, or nil for a network without biases.
    public func bias(layer l: Int, neuron i: Int) -> Double? {
        spec.bias ? parameters[spec.biasOffset(l) + i] : nil
    }

    /// a^0 (the input itself), a^1, ..., a^L for one input of `spec.inputCount` values:
    /// a^l = f(W_l a^(l-1) + b_l) with the hidden activation, and the output activation last.
    public func activations(input: [Double]) -> [[Double]] {
        precondition(input.count == spec.inputCount, "\(input.count) inputs for a network of \(spec.inputCount)")
        var out = [input]
        let L = spec.layerCount
        for l in 1...L {
            let previous = out[l - 1]
            var z = [Double](repeating: 0, count: spec.layers[l])
            for i in z.indices {
                var s = bias(layer: l, neuron: i) ?? 0
                for j in previous.indices { s += weight(layer: l, to: i, from: j) * previous[j] }
                z[i] = s
            }
            out.append(l < L ? z.map(spec.activation.apply) : OutputActivationValues.apply(spec.output, to: z))
        }
        return out
    }
}

/// The output activation of one sample's pre-activations z.
enum OutputActivationValues {
    static func apply(_ output: OutputActivation, to z: [Double]) -> [Double] {
        switch output {
        case .linear: return z
        case .relu: return z.map { $0 > 0 ? $0 : 0 }
        case .sigmoid: return z.map(Sigmoid.value)
        case .softmax:
            let m = z.max() ?? 0
            let e = z.map { exp($0 - m) }
            let s = e.reduce(0, +)
            return e.map { $0 / s }
        }
    }
}

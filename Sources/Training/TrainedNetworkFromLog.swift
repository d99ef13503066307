/// Builds the trained network a run log records: the shape from its header, the weights from
/// its last logged `params`, without loading the training data.
extension TrainedNetwork {
    /// Why a run log does not give a network.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// The network of `state`, read from the log at `path` (named in messages, with the line).
    public init(_ state: TrainingLogFinalState, path: String) throws {
        let h = state.header
        guard let kind = h.model else {
            throw Failure("\(path):\(state.headerLine): the run log trains \(h.function.map { "the function '\($0)'" } ?? "no model"), not a network (expected descent train --model mlp, linear or logistic)")
        }
        guard kind != .perceptron else {
            throw Failure("\(path):\(state.headerLine): the run log trains a perceptron, not a network of layers")
        }
        guard let layers = h.layers, layers.count >= 2, layers.allSatisfy({ $0 > 0 }) else {
            throw Failure("\(path):\(state.headerLine): the header has no 'layers' (expected a run log of descent train --model mlp, linear or logistic)")
        }
        let output = h.output ?? (kind == .logistic ? .sigmoid : .linear)
        let spec = MLPSpec(layers: layers, activation: h.activation ?? .relu, output: output,
                           loss: h.loss ?? (output == .softmax ? .ce : output == .sigmoid ? .bce : .mse), bias: h.bias ?? true)
        guard state.parameters.count == spec.parameterCount else {
            let shape = layers.map(String.init).joined(separator: ",")
            throw Failure("\(path):\(state.line): 'params' has \(state.parameters.count) values; the network \(shape)\(spec.bias ? "" : " without biases") of its header has \(spec.parameterCount)")
        }
        self.init(spec: spec, parameters: state.parameters)
    }
}

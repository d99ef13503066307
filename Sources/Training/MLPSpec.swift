/// The shape of a fully connected network: layer sizes (input first), activations and loss.
///
/// Layer l maps a^(l-1) to z^l = a^(l-1) W_l^T + b_l with W_l of shape (n_l, n_(l-1)) as in
/// course text 001; the parameter vector holds W_1 (row-major), b_1, W_2, b_2, ...
public struct MLPSpec: Sendable, Equatable {
    public var layers: [Int]
    public var activation: Activation
    public var output: OutputActivation
    public var loss: LossKind

    public init(layers: [Int], activation: Activation = .relu, output: OutputActivation = .linear, loss: LossKind = .mse) {
        self.layers = layers
        self.activation = activation
        self.output = output
        self.loss = loss
    }

    public var inputCount: Int { layers.first ?? 0 }
    public var outputCount: Int { layers.last ?? 0 }
    public var layerCount: Int { layers.count - 1 }

    /// Offset of W_l (l = 1...layerCount) in the parameter vector; b_l follows it.
    public func weightOffset(_ l: Int) -> Int {
        var offset = 0
        for k in 1..<l { offset += layers[k] * layers[k - 1] + layers[k] }
        return offset
    }

    public func biasOffset(_ l: Int) -> Int { weightOffset(l) + layers[l] * layers[l - 1] }

    public var parameterCount: Int { weightOffset(layers.count) }

    /// Names of the parameter groups, in order: W1, b1, W2, b2, ...
    public var groups: [(name: String, range: Range<Int>)] {
        (1..<layers.count).flatMap { l -> [(name: String, range: Range<Int>)] in
            let w = weightOffset(l), b = biasOffset(l)
            return [("W\(l)", w..<b), ("b\(l)", b..<(b + layers[l]))]
        }
    }

    /// Why this network cannot be built, or nil.
    public var problem: String? {
        if layers.count < 2 { return "--layers needs at least an input and an output size (e.g. 2,3)" }
        if let bad = layers.first(where: { $0 <= 0 }) { return "layer sizes must be positive, found \(bad)" }
        switch (loss, output) {
        case (.bce, .sigmoid), (.ce, .softmax), (.mse, _): return nil
        case (.bce, _): return "--loss bce needs --output sigmoid"
        case (.ce, _): return "--loss ce needs --output softmax"
        }
    }
}

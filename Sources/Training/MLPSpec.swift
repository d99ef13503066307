/// The shape of a fully connected network: layer sizes (input first), activations and loss.
///
/// Layer l maps a^(l-1) to z^l = a^(l-1) W_l^T + b_l with W_l of shape (n_l, n_(l-1)) as in
/// course text 001; the parameter vector holds W_1 (row-major), b_1, W_2, b_2, ...
public struct MLPSpec: Sendable, Equatable {
    public var layers: [Int]
    public var activation: Activation
    public var output: OutputActivation
    public var loss: LossKind
    /// False for a network without biases (the 002 ch. 8 program): W_1, W_2, ... only.
    public var bias: Bool
    /// How the per-sample losses combine: the batch mean (default) or their sum.
    public var reduction: Reduction

    public init(layers: [Int], activation: Activation = .relu, output: OutputActivation = .linear, loss: LossKind = .mse,
                bias: Bool = true, reduction: Reduction = .mean) {
        self.layers = layers
        self.activation = activation
        self.output = output
        self.loss = loss
        self.bias = bias
        self.reduction = reduction
    }

    public var inputCount: Int { layers.first ?? 0 }
    public var outputCount: Int { layers.last ?? 0 }
    public var layerCount: Int { layers.count - 1 }

    /// Offset of W_l (l = 1...layerCount) in the parameter vector; b_l follows it (when there are biases).
    public func weightOffset(_ l: Int) -> Int {
        var offset = 0
        for k in 1..<l { offset += layers[k] * layers[k - 1] + (bias ? layers[k] : 0) }
        return offset
    }

    /// Offset of b_l; meaningful only when `bias` is true.
    public func biasOffset(_ l: Int) -> Int { weightOffset(l) + layers[l] * layers[l - 1] }

    public var parameterCount: Int { weightOffset(layers.count) }

    /// Names of the parameter groups, in order: W1, b1, W2, b2, ...
    public var groups: [(name: String, range: Range<Int>)] {
        (1..<layers.count).flatMap { l -> [(name: String, range: Range<Int>)] in
            let w = weightOffset(l), b = biasOffset(l)
            return bias ? [("W\(l)", w..<b), ("b\(l)", b..<(b + layers[l]))] : [("W\(l)", w..<b)]
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

/// How per-sample losses (and so gradients) combine over a batch, as torch's `reduction`.
public enum Reduction: String, Sendable, CaseIterable {
    /// The batch mean (the 001 labs' 1/m).
    case mean
    /// The batch sum (the 002 ch. 8 program's update, the gradient of 1/2 the summed squared errors).
    case sum
}

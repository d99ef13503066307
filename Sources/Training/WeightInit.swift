/// Initial weights drawn from the seed; biases start at 0.
public enum WeightInit: String, Sendable, CaseIterable {
    /// N(0, 1), as the course's `np.random.randn` labs.
    case normal
    /// U[0, 1), as the 002 ch. 8 program's `np.random.random`.
    case uniform
    /// N(0, 2 / (fan_in + fan_out)) (Glorot).
    case xavier
    /// N(0, 2 / fan_in) (He).
    case he

    /// Parameters for `spec`: layer by layer, W_l row by row then b_l = 0, from
    /// `SplitMix64.stream(seed:, purpose: weights)`.
    public func parameters(for spec: MLPSpec, seed: UInt64) -> [Double] {
        var rng = SplitMix64.stream(seed: seed, purpose: RandomPurpose.weights)
        return parameters(for: spec, rng: &rng)
    }

    /// Parameters for `spec` from `rng`: layer by layer, W_l drawn as an array of `shape`
    /// (row-major, as NumPy fills `randn(rows, cols)`), then b_l = 0 when the network has biases.
    public func parameters<R: RandomSource>(for spec: MLPSpec, rng: inout R, shape: WeightShape = .outIn) -> [Double] {
        var p: [Double] = []
        p.reserveCapacity(spec.parameterCount)
        for l in 1..<spec.layers.count {
            let nIn = spec.layers[l - 1], nOut = spec.layers[l]
            let scale: Double
            switch self {
            case .normal, .uniform: scale = 1
            case .xavier: scale = (2 / Double(nIn + nOut)).squareRoot()
            case .he: scale = (2 / Double(nIn)).squareRoot()
            }
            var drawn = [Double](repeating: 0, count: nOut * nIn)
            for i in drawn.indices { drawn[i] = scale * (self == .uniform ? rng.uniform() : rng.normal()) }
            switch shape {
            case .outIn: p += drawn
            case .inOut:
                // Drawn as (n_in, n_out), stored as W_l (n_out, n_in).
                for o in 0..<nOut { for i in 0..<nIn { p.append(drawn[i * nOut + o]) } }
            }
            if spec.bias { p += [Double](repeating: 0, count: nOut) }
        }
        return p
    }
}

/// The shape in which a layer's weights are drawn: W_l as (n_out, n_in), the 001 labs'
/// `randn(hidden, in)` with z = x W^T, or as (n_in, n_out), the 002 ch. 8 program's
/// `random((3, 4))` with z = x W.
public enum WeightShape: String, Sendable, CaseIterable {
    case outIn = "out-in"
    case inOut = "in-out"
}

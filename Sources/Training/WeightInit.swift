/// Initial weights drawn from the seed; biases start at 0.
public enum WeightInit: String, Sendable, CaseIterable {
    /// N(0, 1), as the course's `np.random.randn` labs.
    case normal
    /// N(0, 2 / (fan_in + fan_out)) (Glorot).
    case xavier
    /// N(0, 2 / fan_in) (He).
    case he

    /// Parameters for `spec`: layer by layer, W_l row by row then b_l = 0, from
    /// `SplitMix64.stream(seed:, purpose: weights)` normals.
    public func parameters(for spec: MLPSpec, seed: UInt64) -> [Double] {
        var rng = SplitMix64.stream(seed: seed, purpose: RandomPurpose.weights)
        var p: [Double] = []
        p.reserveCapacity(spec.parameterCount)
        for l in 1..<spec.layers.count {
            let fanIn = Double(spec.layers[l - 1]), fanOut = Double(spec.layers[l])
            let scale: Double
            switch self {
            case .normal: scale = 1
            case .xavier: scale = (2 / (fanIn + fanOut)).squareRoot()
            case .he: scale = (2 / fanIn).squareRoot()
            }
            for _ in 0..<(spec.layers[l] * spec.layers[l - 1]) { p.append(scale * rng.normal()) }
            p += [Double](repeating: 0, count: spec.layers[l])
        }
        return p
    }
}

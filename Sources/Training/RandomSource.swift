/// A stream of random numbers for weights and generated data: SplitMix64 (the default) or
/// NumPy's legacy MT19937 stream (`--rng numpy`).
public protocol RandomSource {
    /// A uniform number in [0, 1).
    mutating func uniform() -> Double
    /// A standard normal number.
    mutating func normal() -> Double
}

extension RandomSource {
    /// A uniform number in [low, high): low + (high - low) u, as NumPy's `uniform(low, high)`.
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }
}

extension SplitMix64: RandomSource {}

/// Which generator draws the weights and the generated data.
public enum RandomGenerator: String, Sendable, CaseIterable {
    /// SplitMix64 with Box-Muller normals, one stream per purpose (weights, data, shuffling, split).
    case splitmix
    /// NumPy's legacy global stream (`np.random.seed(n)`), one stream for the weights, then the data.
    case numpy

    /// The name the run log's header records.
    public var description: String {
        switch self {
        case .splitmix: return "SplitMix64 + Box-Muller"
        case .numpy: return "NumPy legacy MT19937 (np.random.seed) + polar Gaussian"
        }
    }
}

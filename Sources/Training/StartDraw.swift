/// The start of a run on data: the initial weights and, for a generated data set, the data,
/// drawn as the chosen generator does it. SplitMix64 uses one stream per purpose; NumPy's
/// legacy global stream (`np.random.seed(seed)`) draws the weights layer by layer, then the data,
/// as the course programs do (001 batch lab: `randn(1000, 2)`, `randn(3, 1000)`, then
/// `uniform(-10, 10, size=(n, 2))`).
public struct StartDraw {
    public var parameters: [Double]
    /// The generated data set drawn after the weights, or nil when `dataName` is not built in.
    public var data: Dataset?

    /// Nil when `generator` is `.numpy` and the seed is outside 0..2^32-1 (NumPy rejects it).
    public init?(spec: MLPSpec, initialization: WeightInit, shape: WeightShape, generator: RandomGenerator, seed: UInt64,
                 dataName: String, samples: Int?) {
        switch generator {
        case .splitmix:
            var rng = SplitMix64.stream(seed: seed, purpose: RandomPurpose.weights)
            parameters = initialization.parameters(for: spec, rng: &rng, shape: shape)
            data = BuiltinData.make(dataName, seed: seed, samples: samples)
        case .numpy:
            guard var rng = NumPyRandom(seed: seed) else { return nil }
            parameters = initialization.parameters(for: spec, rng: &rng, shape: shape)
            data = BuiltinData.make(dataName, rng: &rng, samples: samples)
        }
    }

    /// The perceptron's start, w ~ N(0, 1) then b = 0, from `generator`.
    public static func perceptron(inputs: Int, generator: RandomGenerator, seed: UInt64) -> [Double]? {
        switch generator {
        case .splitmix:
            var rng = SplitMix64.stream(seed: seed, purpose: RandomPurpose.weights)
            return (0..<inputs).map { _ in rng.normal() } + [0]
        case .numpy:
            guard var rng = NumPyRandom(seed: seed) else { return nil }
            return (0..<inputs).map { _ in rng.normal() } + [0]
        }
    }
}

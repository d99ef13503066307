import FiniteDifferences

/// Compares a tensor graph's reverse-mode gradients with centred finite differences, entry by
/// entry: for each entry x_i of each variable, (f(x + h e_i) - f(x - h e_i)) / 2h of the seeded
/// output sum(seed * output), h = 1e-6 max(1, |x_i|), as `GradientCheck` does for scalars.
public struct TensorGradientCheck: Sendable {
    /// One variable's comparison: its analytic and numeric gradients and the largest entry error.
    public struct Row: Sendable {
        public var name: String
        public var analytic: Tensor
        public var numeric: Tensor
        /// The largest |analytic - numeric| / max(1, |analytic|, |numeric|) over the entries.
        public var error: Double
    }

    public var rows: [Row]

    public var largestError: Double {
        rows.reduce(0) { $0.isNaN || $1.error.isNaN ? .nan : max($0, $1.error) }
    }

    public init(_ evaluation: TensorEvaluation, values: [String: Tensor]) throws {
        let graph = evaluation.graph, seed = evaluation.seed
        func seeded(_ v: [String: Tensor]) throws -> Double {
            let out = try TensorEvaluation(graph, values: v, seed: seed).outputValue
            var total = 0.0
            for i in out.data.indices { total += seed.data[i] * out.data[i] }
            return total
        }
        rows = try evaluation.variableGradients.map { name, analytic in
            let x = values[name]!
            var numeric = Tensor.filled(0, shape: x.shape)
            var worst = 0.0
            for i in x.data.indices {
                let h = FiniteDifferences.step(at: x.data[i])
                var plus = values, minus = values
                plus[name]!.data[i] += h
                minus[name]!.data[i] -= h
                numeric.data[i] = (try seeded(plus) - seeded(minus)) / (2 * h)
                let e = FiniteDifferences.error(analytic: analytic.data[i], numeric: numeric.data[i])
                worst = e.isNaN || worst.isNaN ? .nan : max(worst, e)
            }
            return Row(name: name, analytic: analytic, numeric: numeric, error: worst)
        }
    }
}

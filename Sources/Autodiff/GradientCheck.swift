import FiniteDifferences

/// Compares reverse-mode gradients with centred finite differences
/// `(f(x + h) - f(x - h)) / 2h`, `h = 1e-6 * max(1, |x|)`, one variable at a time (times the
/// evaluation's upstream gradient).
public struct GradientCheck: Sendable {
    /// One variable's comparison.
    public struct Row: Sendable {
        public var name: String
        public var analytic: Double
        public var numeric: Double
        /// |analytic - numeric| / max(1, |analytic|, |numeric|).
        public var error: Double
    }

    public var rows: [Row]

    /// The largest error over all variables (NaN if any comparison is undefined).
    public var largestError: Double {
        rows.reduce(0) { $0.isNaN || $1.error.isNaN ? .nan : max($0, $1.error) }
    }

    public init(_ evaluation: Evaluation, values: [String: Double]) throws {
        let graph = evaluation.graph
        rows = try evaluation.variableGradients.map { name, analytic in
            let x = values[name]!
            let h = FiniteDifferences.step(at: x)
            var plus = values, minus = values
            plus[name] = x + h
            minus[name] = x - h
            let fp = try Evaluation(graph, values: plus).outputValue
            let fm = try Evaluation(graph, values: minus).outputValue
            let numeric = evaluation.upstream * (fp - fm) / (2 * h)
            let error = FiniteDifferences.error(analytic: analytic, numeric: numeric)
            return Row(name: name, analytic: analytic, numeric: numeric, error: error)
        }
    }
}

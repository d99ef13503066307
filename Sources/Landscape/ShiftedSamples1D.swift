import Training

/// A 1-D loss over a data set whose examples each shift the curve: example i's loss is
/// f(w - s_i), with the shifts s_i drawn from N(0, sd^2) (seeded SplitMix64). The training loss
/// is their mean. It models why SGD leaves sharp minima (course text 004 ch. 4): one example's
/// gradient in a narrow valley is large, so single-example steps bounce out of it, while a wide
/// valley barely changes under the same shifts.
public struct ShiftedSamples1D: Sendable {
    public let curve: ExpressionCurve
    public let shifts: [Double]

    public init(_ curve: ExpressionCurve, sd: Double, samples: Int, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        self.curve = curve
        shifts = (0..<samples).map { _ in sd * rng.normal() }
    }

    /// The training loss: the mean of the examples' losses.
    public func value(_ w: Double) -> Double {
        var e = curve.evaluator()
        return shifts.reduce(0) { $0 + e.value(w - $1) } / Double(shifts.count)
    }

    /// The mean of the examples' derivatives at w over `examples` (all when nil).
    public func derivative(_ w: Double, examples: [Int]? = nil) -> Double {
        var e = curve.evaluator()
        guard let examples else { return shifts.reduce(0) { $0 + e.derivative(w - $1) } / Double(shifts.count) }
        return examples.reduce(0) { $0 + e.derivative(w - shifts[$1]) } / Double(examples.count)
    }

    /// Gradient descent on the training loss: full batch when `batch` is nil, else `batch`
    /// examples drawn with replacement each step (seeded); every iterate kept, stopping once one
    /// is not finite.
    public func descend(start: Double, learningRate: Double, steps: Int, batch: Int?, seed: UInt64) -> [Double] {
        var rng = SplitMix64(seed: seed)
        var w = start
        var out = [w]
        out.reserveCapacity(steps + 1)
        for _ in 0..<max(0, steps) {
            let examples = batch.map { b in (0..<b).map { _ in Int(rng.next() % UInt64(shifts.count)) } }
            w -= learningRate * derivative(w, examples: examples)
            out.append(w)
            if !w.isFinite { break }
        }
        return out
    }
}

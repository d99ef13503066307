/// The first two principal directions of an optimizer's trajectory through parameter space,
/// as Li et al. 2018 ("Visualizing the Loss Landscape of Neural Nets", section 7) choose them:
/// PCA (centred, as scikit-learn's) of the differences theta_i - theta_final over the
/// trajectory's states before the final one.
public struct TrajectoryPCA: Sendable {
    /// Unit directions in parameter space, orthogonal to each other.
    public var first: [Double]
    public var second: [Double]
    /// The fraction of the trajectory's variance along each direction.
    public var explainedVariance: (Double, Double)

    /// Why a trajectory has no PCA plane.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Fits the plane. At most `maxSamples` states are used, evenly spaced along the trajectory
    /// (always including the first); each direction is signed so that the first state lies on
    /// its negative side.
    public static func fit(_ trajectory: [[Double]], final: [Double], maxSamples: Int = 200) throws -> TrajectoryPCA {
        let states = Array(trajectory.dropLast())
        guard states.count >= 2 else {
            throw Failure(description: "a PCA plane needs a trajectory of at least 3 states; this one has \(trajectory.count)")
        }
        let picked = TrajectorySampling.evenlySpaced(states.count, at: maxSamples).map { states[$0] }
        let m = picked.count, p = final.count
        var mean = [Double](repeating: 0, count: p)
        for s in picked { for k in 0..<p { mean[k] += (s[k] - final[k]) / Double(m) } }
        let rows = picked.map { s in (0..<p).map { s[$0] - final[$0] - mean[$0] } }
        var gram = [Double](repeating: 0, count: m * m)
        for i in 0..<m {
            for j in i..<m {
                var dot = 0.0
                rows[i].withUnsafeBufferPointer { a in rows[j].withUnsafeBufferPointer { b in for k in 0..<p { dot += a[k] * b[k] } } }
                gram[i * m + j] = dot; gram[j * m + i] = dot
            }
        }
        let total = (0..<m).reduce(0.0) { $0 + gram[$1 * m + $1] }
        let (values, vectors) = SymmetricEigen.decompose(gram, n: m)
        guard total > 0, values[1] > 1e-12 * total else {
            throw Failure(description: "the trajectory moves along a single direction, so it has no second principal direction")
        }
        let start = (0..<p).map { trajectory[0][$0] - final[$0] }
        func direction(_ k: Int) -> [Double] {
            var d = [Double](repeating: 0, count: p)
            let norm = values[k].squareRoot()
            for i in 0..<m { let u = vectors[k][i] / norm; for c in 0..<p { d[c] += u * rows[i][c] } }
            var side = 0.0
            for c in 0..<p { side += d[c] * start[c] }
            return side > 0 ? d.map { -$0 } : d
        }
        return TrajectoryPCA(first: direction(0), second: direction(1), explainedVariance: (values[0] / total, values[1] / total))
    }
}

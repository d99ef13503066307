import Foundation
import Testing
import Training
@testable import Landscape

/// The PCA plane of a trajectory (Li et al. 2018), its eigen-solver, and projections onto a plane,
/// against trajectories whose principal axes and variances are known in closed form.
struct TrajectoryPCATests {
    /// Two orthonormal directions in R^5, not aligned with the axes.
    static let u: [Double] = [1, 1, 1, 1, 0].map { $0 / 2 }
    static let v: [Double] = [1, -1, 0, 0, 1].map { $0 / 3.0.squareRoot() }

    @Test func eigenpairsOfAMatrixBuiltFromKnownOnes() {
        // A = sum of lambda_k q_k q_k^T over an orthonormal basis q of R^3.
        let q: [[Double]] = [[1, 2, 2].map { $0 / 3 }, [2, 1, -2].map { $0 / 3 }, [2, -2, 1].map { $0 / 3 }]
        let lambdas = [7.0, -1.5, 3.0]
        var a = [Double](repeating: 0, count: 9)
        for k in 0..<3 { for i in 0..<3 { for j in 0..<3 { a[i * 3 + j] += lambdas[k] * q[k][i] * q[k][j] } } }
        let (values, vectors) = SymmetricEigen.decompose(a, n: 3)
        #expect(zip(values, [7.0, 3.0, -1.5]).allSatisfy { abs($0 - $1) < 1e-12 })
        for (vector, k) in zip(vectors, [0, 2, 1]) {
            let dot = zip(vector, q[k]).reduce(0) { $0 + $1.0 * $1.1 }
            #expect(abs(abs(dot) - 1) < 1e-12)
        }
    }

    @Test func eigenpairsOfALargeMatrixBuiltOnTheCosineBasis() {
        // The orthonormal DCT-II basis of R^n: q_k[i] = c_k cos(pi (i + 1/2) k / n); A = sum lambda_k q_k q_k^T.
        let n = 150
        func basis(_ k: Int, _ i: Int) -> Double {
            let c = k == 0 ? (1 / Double(n)).squareRoot() : (2 / Double(n)).squareRoot()
            return c * cos(Double.pi * (Double(i) + 0.5) * Double(k) / Double(n))
        }
        let q: [[Double]] = (0..<n).map { k in (0..<n).map { i in basis(k, i) } }
        let lambdas: [Double] = (0..<n).map { k in Double((k * 37) % n) - 20.5 }  // distinct, some negative
        var a = [Double](repeating: 0, count: n * n)
        for k in 0..<n { for i in 0..<n { for j in 0..<n { a[i * n + j] += lambdas[k] * q[k][i] * q[k][j] } } }
        let (values, vectors) = SymmetricEigen.decompose(a, n: n)
        let sorted = lambdas.sorted(by: >)
        #expect(zip(values, sorted).allSatisfy { abs($0 - $1) < 1e-9 })
        for (value, vector) in zip(values, vectors).prefix(3) {
            let k = lambdas.firstIndex { abs($0 - value) < 1e-6 }!
            let dot = zip(vector, q[k]).reduce(0) { $0 + $1.0 * $1.1 }
            #expect(abs(abs(dot) - 1) < 1e-9)
        }
    }

    @Test func principalAxesAndExplainedVarianceOfAnEllipse() throws {
        // theta_i - final = 3 cos(t_i) u + sin(t_i) v over a full turn: centred variances 9/2 and 1/2, so 90% and 10%.
        let final: [Double] = [0.5, -1, 2, 0, 3]
        let n = 40
        var trajectory = (0..<n).map { i -> [Double] in
            let t = 2 * Double.pi * Double(i) / Double(n)
            return (0..<5).map { final[$0] + 3 * cos(t) * Self.u[$0] + sin(t) * Self.v[$0] }
        }
        trajectory.append(final)
        let pca = try TrajectoryPCA.fit(trajectory, final: final)
        #expect(abs(pca.explainedVariance.0 - 0.9) < 1e-12 && abs(pca.explainedVariance.1 - 0.1) < 1e-12)
        // The first state is final + 3u: the first direction is signed to put it on the negative side.
        let first = zip(pca.first, Self.u).reduce(0) { $0 + $1.0 * $1.1 }
        let second = zip(pca.second, Self.v).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(first + 1) < 1e-12)
        #expect(abs(abs(second) - 1) < 1e-12)
    }

    @Test func aStraightTrajectoryHasNoSecondDirection() {
        let path = (0...10).map { k in Self.u.map { Double(k) * $0 } }
        #expect(throws: TrajectoryPCA.Failure.self) { try TrajectoryPCA.fit(path, final: path[10]) }
        #expect(throws: TrajectoryPCA.Failure.self) { try TrajectoryPCA.fit([Self.u, Self.v], final: Self.v) }
    }

    @Test func projectionOntoNonOrthogonalDirectionsRecoversTheCoordinates() {
        // d2 leans on d1; w is orthogonal to both, so theta = c + 2 d1 - 3 d2 + w lies at (2, -3).
        let c: [Double] = [1, 2, 3, 4, 5]
        let d1 = Self.u, d2 = zip(Self.u, Self.v).map { 0.5 * $0 + $1 }
        let w: [Double] = [0, 0, 1, -1, 0]
        let theta = (0..<5).map { (k: Int) -> Double in
            let along = 2 * d1[k] - 3 * d2[k]
            return c[k] + along + 0.7 * w[k]
        }
        let p = SlicePlane(center: c, first: d1, second: d2).coordinates(of: theta)
        #expect(abs(p.x - 2) < 1e-12 && abs(p.y + 3) < 1e-12)
    }

    @Test func evenlySpacedPicksKeepBothEnds() {
        #expect(TrajectorySampling.evenlySpaced(5, at: 10) == [0, 1, 2, 3, 4])
        #expect(TrajectorySampling.evenlySpaced(101, at: 5) == [0, 25, 50, 75, 100])
    }

    @Test func trajectoryKeepsTheStateAfterEachEpoch() {
        // y = w x + b on x = [1, 2], y = [1, 3] from (0, 0), full batch, lr 0.1: the gradient of
        // 1/2 mean (w x + b - y)^2 there is (-mean(x y), -mean(y)) = (-3.5, -2), so epoch 1 ends at (0.35, 0.2).
        let data = Dataset(name: "two", featureNames: ["x"], targetNames: ["y"], inputs: [1, 2], targets: [1, 3])
        let model = MLP(spec: MLPSpec(layers: [1, 1], output: .linear, loss: .mse))
        let run = NetworkTrajectory.train(model: model, initial: [0, 0], data: data, targets: data.targets, optimizer: .sgd(lr: 0.1),
                                          batchSize: nil, epochs: 3, seed: 0)
        #expect(run.states.count == 4)
        #expect(run.states[0] == [0, 0])
        #expect(abs(run.states[1][0] - 0.35) < 1e-12 && abs(run.states[1][1] - 0.2) < 1e-12)
    }
}

import Testing
@testable import Training

/// The networks the course programs need (no biases, summed loss, ReLU output) and the OpenBLAS
/// path for large layers, against centred differences and against the loop path.
struct CourseNetworkGradientTests {
    static func data(rows: Int, inputs: Int, outputs: Int) -> (x: [Double], t: [Double]) {
        var rng = SplitMix64(seed: 7)
        return ((0..<(rows * inputs)).map { _ in rng.normal() }, (0..<(rows * outputs)).map { _ in rng.uniform() })
    }

    @Test(arguments: [(false, Reduction.sum, OutputActivation.sigmoid), (false, .mean, .relu), (true, .sum, .linear)])
    func gradientMatchesCentredDifferences(bias: Bool, reduction: Reduction, output: OutputActivation) {
        let spec = MLPSpec(layers: [3, 5, 2], activation: .sigmoid, output: output, loss: .mse, bias: bias, reduction: reduction)
        var rng = NumPyRandom(seed: 3)!
        let p = WeightInit.uniform.parameters(for: spec, rng: &rng, shape: .inOut)
        #expect(p.count == spec.parameterCount && spec.parameterCount == 25 + (bias ? 7 : 0))
        let (x, t) = Self.data(rows: 6, inputs: 3, outputs: 2)
        let errors = GradientCheck.check(MLP(spec: spec), parameters: p, inputs: x, targets: t, count: 6)
        #expect(errors.map(\.name) == (bias ? ["W1", "b1", "W2", "b2"] : ["W1", "W2"]))
        for e in errors { #expect(e.maxRelativeError < 1e-6, "\(e.name): \(e.maxRelativeError)") }
    }

    @Test("sum reduction is the mean times the batch size")
    func sumIsMeanTimesCount() {
        let mean = MLPSpec(layers: [3, 4, 1], activation: .sigmoid, output: .sigmoid, bias: false)
        var sum = mean
        sum.reduction = .sum
        var rng = NumPyRandom(seed: 1)!
        let p = WeightInit.uniform.parameters(for: mean, rng: &rng, shape: .inOut)
        let (x, t) = Self.data(rows: 4, inputs: 3, outputs: 1)
        let a = MLP(spec: mean).lossAndGradient(p, inputs: x, targets: t), b = MLP(spec: sum).lossAndGradient(p, inputs: x, targets: t)
        #expect(abs(b.loss - 4 * a.loss) < 1e-14)
        for (u, v) in zip(a.gradient, b.gradient) { #expect(abs(v - 4 * u) < 1e-14) }
    }

    @Test("layers above the dgemm threshold go through OpenBLAS and agree with the loops")
    func openBLASAgreesWithTheLoops() {
        let spec = MLPSpec(layers: [96, 64, 10], activation: .relu, output: .linear, loss: .mse)
        let rows = 200
        #expect(BLASKernels.use(rows: rows, nIn: 96, nOut: 64) && !BLASKernels.use(rows: 4, nIn: 3, nOut: 4))
        let p = WeightInit.he.parameters(for: spec, seed: 5)
        let (x, t) = Self.data(rows: rows, inputs: 96, outputs: 10)
        let blas = MLP(spec: spec).lossAndGradient(p, inputs: x, targets: t)
        // The loops, by hand: z = x W1^T + b1, relu, y = h W2^T + b2, 1/2 mean squared error and its gradient.
        let h = 64, k = 10, d = 96
        var loss = 0.0
        var g = [Double](repeating: 0, count: spec.parameterCount)
        for r in 0..<rows {
            var z1 = [Double](repeating: 0, count: h), a1 = z1
            for j in 0..<h {
                var s = p[spec.biasOffset(1) + j]
                for i in 0..<d { s += x[r * d + i] * p[j * d + i] }
                z1[j] = s; a1[j] = max(0, s)
            }
            var delta2 = [Double](repeating: 0, count: k)
            for c in 0..<k {
                var s = p[spec.biasOffset(2) + c]
                for j in 0..<h { s += a1[j] * p[spec.weightOffset(2) + c * h + j] }
                let e = s - t[r * k + c]
                loss += 0.5 * e * e / Double(rows)
                delta2[c] = e / Double(rows)
                g[spec.biasOffset(2) + c] += delta2[c]
                for j in 0..<h { g[spec.weightOffset(2) + c * h + j] += delta2[c] * a1[j] }
            }
            for j in 0..<h where z1[j] > 0 {
                var s = 0.0
                for c in 0..<k { s += delta2[c] * p[spec.weightOffset(2) + c * h + j] }
                g[spec.biasOffset(1) + j] += s
                for i in 0..<d { g[j * d + i] += s * x[r * d + i] }
            }
        }
        #expect(abs(blas.loss - loss) <= 1e-12 * loss)
        let scale = g.map(abs).max()!
        for (a, b) in zip(blas.gradient, g) { #expect(abs(a - b) <= 1e-12 * scale) }
    }
}

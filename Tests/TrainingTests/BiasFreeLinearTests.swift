import Testing
@testable import Training

/// The bias-free linear model against finite differences and against the MLP with its bias held at 0.
struct BiasFreeLinearTests {
    static func batch(rows: Int, inputs d: Int, outputs k: Int) -> (x: [Double], t: [Double], w: [Double]) {
        var rng = SplitMix64(seed: 21)
        return ((0..<(rows * d)).map { _ in rng.normal() }, (0..<(rows * k)).map { _ in rng.normal() },
                (0..<(d * k)).map { _ in rng.normal() })
    }

    @Test(arguments: [(2, 1), (3, 2), (1, 3)])
    func gradientMatchesFiniteDifferences(inputs d: Int, outputs k: Int) {
        let (x, t, w) = Self.batch(rows: 7, inputs: d, outputs: k)
        let errors = GradientCheck.check(BiasFreeLinear(inputs: d, outputs: k), parameters: w, inputs: x, targets: t, count: 7)
        #expect(errors.map(\.name) == ["W1"])
        for e in errors { #expect(e.maxRelativeError < 1e-6) }
    }

    @Test(arguments: [(2, 1), (3, 2)])
    func equalsTheMLPWithAZeroBias(inputs d: Int, outputs k: Int) {
        let (x, t, w) = Self.batch(rows: 9, inputs: d, outputs: k)
        let mlp = MLP(spec: MLPSpec(layers: [d, k], output: .linear, loss: .mse))
        let reference = mlp.lossAndGradient(w + [Double](repeating: 0, count: k), inputs: x, targets: t)
        let model = BiasFreeLinear(inputs: d, outputs: k)
        var gradient = [Double](repeating: .nan, count: d * k)
        let loss = w.withUnsafeBufferPointer { p in
            x.withUnsafeBufferPointer { xb in
                t.withUnsafeBufferPointer { tb in
                    gradient.withUnsafeMutableBufferPointer { g in
                        model.lossAndGradient(p.baseAddress!, inputs: xb.baseAddress!, targets: tb.baseAddress!, count: 9,
                                              gradient: g.baseAddress!)
                    }
                }
            }
        }
        #expect(abs(loss - reference.loss) < 1e-12)
        for (a, b) in zip(gradient, reference.gradient.prefix(d * k)) { #expect(abs(a - b) < 1e-12) }
    }
}

import Testing
@testable import Training

/// The training loop: full batch, mini-batches and SGD against closed forms.
struct TrainerTests {
    /// The least-squares weights of `linear2d` (y = w1 x1 + w2 x2, no bias) from the normal
    /// equations X^T X w = X^T y, solved by Cramer's rule.
    static func leastSquares(_ d: Dataset) -> (w1: Double, w2: Double) {
        var s11 = 0.0, s12 = 0.0, s22 = 0.0, s1y = 0.0, s2y = 0.0
        for i in 0..<d.count {
            let x1 = d.inputs[2 * i], x2 = d.inputs[2 * i + 1], y = d.targets[i]
            s11 += x1 * x1; s12 += x1 * x2; s22 += x2 * x2; s1y += x1 * y; s2y += x2 * y
        }
        let det = s11 * s22 - s12 * s12
        return ((s22 * s1y - s12 * s2y) / det, (s11 * s2y - s12 * s1y) / det)
    }

    func train(batch: Int?, lr: Double, epochs: Int, optimizer: OptimizerConfig? = nil) -> (params: [Double], steps: Int, epochLines: Int) {
        let data = BuiltinData.make("linear2d", seed: 3)!
        let trainer = Trainer(problem: .model(BiasFreeLinear(inputs: 2), initial: [0, 0], train: data, trainTargets: data.targets,
                                              validation: nil, validationTargets: nil, classification: false),
                              optimizer: optimizer ?? .sgd(lr: lr), batchSize: batch, stop: .epochs(epochs), seed: 4)
        var steps = 0, epochLines = 0
        trainer.onStep = { _ in steps += 1 }
        trainer.onEpoch = { _ in epochLines += 1 }
        trainer.run()
        return (trainer.parameters, steps, epochLines)
    }

    @Test func fullBatchGDReachesLeastSquares() {
        let exact = Self.leastSquares(BuiltinData.make("linear2d", seed: 3)!)
        // The curvatures are about 1 (x1) and 9 (x2): lr 0.1 is stable and contracts by about 0.9 per step.
        let (p, steps, epochs) = train(batch: nil, lr: 0.1, epochs: 400)
        #expect(abs(p[0] - exact.w1) < 1e-9 && abs(p[1] - exact.w2) < 1e-9)
        #expect(steps == 401 && epochs == 400)  // step 0 plus one update per epoch
    }

    @Test func miniBatchesCountAndConverge() {
        let exact = Self.leastSquares(BuiltinData.make("linear2d", seed: 3)!)
        // 256 samples in batches of 50: 6 updates per epoch (the last of 6 samples).
        let (p, steps, epochs) = train(batch: 50, lr: 0.05, epochs: 200)
        #expect(steps == 200 * 6 + 1 && epochs == 200)
        #expect(abs(p[0] - exact.w1) < 0.05 && abs(p[1] - exact.w2) < 0.05)
    }

    @Test func sgdIsSingleSamples() {
        let (_, steps, _) = train(batch: 1, lr: 0.001, epochs: 2)
        #expect(steps == 2 * 256 + 1)
    }

    @Test func shufflingDependsOnTheSeedAndTheEpoch() {
        var a = Array(0..<20), b = Array(0..<20)
        var r1 = SplitMix64.stream(seed: 1, purpose: RandomPurpose.shuffle)
        var r2 = SplitMix64.stream(seed: 1, purpose: RandomPurpose.shuffle)
        r1.shuffle(&a); r2.shuffle(&b)
        #expect(a == b)
        var c = a
        r1.shuffle(&c)
        #expect(c != a && c.sorted() == a.sorted())
    }
}

import Testing
@testable import Training

/// The training loop: full batch, mini-batches and SGD against closed forms.
struct TrainerTests {
    /// The least-squares line of `linear2d` from the normal equations.
    static func leastSquares(_ d: Dataset) -> (w: Double, b: Double) {
        let n = Double(d.count)
        let sx = d.inputs.reduce(0, +), sy = d.targets.reduce(0, +)
        let sxx = d.inputs.map { $0 * $0 }.reduce(0, +), sxy = zip(d.inputs, d.targets).map { $0 * $1 }.reduce(0, +)
        let w = (n * sxy - sx * sy) / (n * sxx - sx * sx)
        return (w, (sy - w * sx) / n)
    }

    func train(batch: Int?, lr: Double, epochs: Int, optimizer: OptimizerConfig? = nil) -> (params: [Double], steps: Int, epochLines: Int) {
        let data = BuiltinData.make("linear2d", seed: 3)!
        let spec = MLPSpec(layers: [1, 1], output: .linear, loss: .mse)
        let trainer = Trainer(problem: .model(MLP(spec: spec), initial: [0, 0], train: data, trainTargets: data.targets,
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
        let (p, steps, epochs) = train(batch: nil, lr: 0.5, epochs: 400)
        #expect(abs(p[0] - exact.w) < 1e-9 && abs(p[1] - exact.b) < 1e-9)
        #expect(steps == 401 && epochs == 400)  // step 0 plus one update per epoch
    }

    @Test func miniBatchesCountAndConverge() {
        let exact = Self.leastSquares(BuiltinData.make("linear2d", seed: 3)!)
        // 256 samples in batches of 50: 6 updates per epoch (the last of 6 samples).
        let (p, steps, epochs) = train(batch: 50, lr: 0.05, epochs: 200)
        #expect(steps == 200 * 6 + 1 && epochs == 200)
        #expect(abs(p[0] - exact.w) < 0.05 && abs(p[1] - exact.b) < 0.05)
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

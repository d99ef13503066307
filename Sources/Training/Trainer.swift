/// What is being minimised: a 2D test function from a start point, or a model on data.
public enum TrainingProblem {
    case function(TestFunction, start: Point2)
    /// Any function of two parameters with its gradient, such as an expression in x and y.
    case plane(any PlaneObjective, start: Point2)
    case model(DataModel, initial: [Double], train: Dataset, trainTargets: [Double],
               validation: Dataset?, validationTargets: [Double]?, classification: Bool)
}

/// The training loop: full-batch GD, mini-batch (reshuffled each epoch from the seed) or
/// single-sample SGD, with any `torch.optim` rule.
public final class Trainer {
    public let problem: TrainingProblem
    public let optimizerConfig: OptimizerConfig
    /// Samples per update; nil = the whole training set.
    public let batchSize: Int?
    public let stop: StopRule
    public let seed: UInt64
    public private(set) var parameters: [Double]

    public var onStep: (StepRecord) -> Void = { _ in }
    public var onEpoch: (EpochRecord) -> Void = { _ in }
    /// Asked after each reported state; true ends the run there (an interrupt).
    public var shouldStop: () -> Bool = { false }

    public init(problem: TrainingProblem, optimizer: OptimizerConfig, batchSize: Int? = nil, stop: StopRule, seed: UInt64 = 0) {
        self.problem = problem
        self.optimizerConfig = optimizer
        self.batchSize = batchSize
        self.stop = stop
        self.seed = seed
        switch problem {
        case let .function(_, start), let .plane(_, start): parameters = [start.x, start.y]
        case let .model(_, initial, _, _, _, _, _): parameters = initial
        }
    }

    static func norm(_ g: UnsafeBufferPointer<Double>) -> Double {
        var s = 0.0
        for v in g { s += v * v }
        return s.squareRoot()
    }

    static func finite(_ p: UnsafeBufferPointer<Double>) -> Bool {
        for v in p where !v.isFinite { return false }
        return true
    }

    /// Runs to the stop rule or to divergence.
    @discardableResult
    public func run() -> TrainingOutcome {
        switch problem {
        case let .function(f, _): return runFunction(f)
        case let .plane(f, _): return runFunction(f)
        case let .model(model, _, train, targets, validation, validationTargets, classification):
            return runModel(model, train: train, targets: targets, validation: validation,
                            validationTargets: validationTargets, classification: classification)
        }
    }

    private func runFunction(_ f: any PlaneObjective) -> TrainingOutcome {
        var optimizer = Optimizer(optimizerConfig, parameterCount: 2)
        let total: Int
        switch stop {
        case let .steps(n): total = n
        case let .epochs(n): total = n
        }
        var gradient = [0.0, 0.0]
        for k in 0...total {
            let loss = f.value(parameters[0], parameters[1])
            let g = f.gradient(parameters[0], parameters[1])
            gradient[0] = g.x; gradient[1] = g.y
            let ok = parameters.withUnsafeBufferPointer { p in
                gradient.withUnsafeBufferPointer { gb in
                    onStep(StepRecord(step: k, epoch: nil, loss: loss, gradientNorm: Self.norm(gb), parameters: p))
                    return loss.isFinite && Self.finite(gb) && Self.finite(p)
                }
            }
            if !ok { return .diverged(step: k) }
            if k == total { break }
            if shouldStop() { return .interrupted(steps: k) }
            optimizer.step(&parameters, gradient: gradient)
        }
        return .completed(steps: total)
    }

    private func runModel(_ model: DataModel, train: Dataset, targets: [Double], validation: Dataset?,
                          validationTargets: [Double]?, classification: Bool) -> TrainingOutcome {
        let n = train.count, d = model.inputCount, k = model.outputCount
        let b = min(batchSize ?? n, n)
        let batchesPerEpoch = (n + b - 1) / b
        let maxSteps: Int
        switch stop {
        case let .steps(s): maxSteps = s
        case let .epochs(e): maxSteps = e * batchesPerEpoch
        }
        var optimizer = Optimizer(optimizerConfig, parameterCount: model.parameterCount)
        var gradient = [Double](repeating: 0, count: model.parameterCount)
        var order = Array(0..<n)
        var shuffler = SplitMix64.stream(seed: seed, purpose: RandomPurpose.shuffle)
        var batchX = [Double](repeating: 0, count: b * d), batchT = [Double](repeating: 0, count: b * k)
        let fullBatch = b == n
        var step = 0
        var epoch = 0
        var epochLoss = 0.0
        var epochSamples = 0

        func evaluate(_ rows: Int, full: Bool) -> Double {
            parameters.withUnsafeBufferPointer { p in
                gradient.withUnsafeMutableBufferPointer { g in
                    if full {
                        return train.inputs.withUnsafeBufferPointer { x in
                            targets.withUnsafeBufferPointer { t in
                                model.lossAndGradient(p.baseAddress!, inputs: x.baseAddress!, targets: t.baseAddress!, count: n,
                                                      gradient: g.baseAddress!)
                            }
                        }
                    }
                    return batchX.withUnsafeBufferPointer { x in
                        batchT.withUnsafeBufferPointer { t in
                            model.lossAndGradient(p.baseAddress!, inputs: x.baseAddress!, targets: t.baseAddress!, count: rows,
                                                  gradient: g.baseAddress!)
                        }
                    }
                }
            }
        }

        func report(_ loss: Double, epoch: Int?) -> Bool {
            parameters.withUnsafeBufferPointer { p in
                gradient.withUnsafeBufferPointer { g in
                    onStep(StepRecord(step: step, epoch: epoch, loss: loss, gradientNorm: Self.norm(g), parameters: p))
                    return loss.isFinite && Self.finite(g) && Self.finite(p)
                }
            }
        }

        while step < maxSteps {
            epoch += 1
            if !fullBatch { shuffler.shuffle(&order) }
            epochLoss = 0; epochSamples = 0
            var start = 0
            while start < n && step < maxSteps {
                let rows = min(b, n - start)
                if !fullBatch {
                    for r in 0..<rows {
                        let i = order[start + r]
                        for j in 0..<d { batchX[r * d + j] = train.inputs[i * d + j] }
                        for j in 0..<k { batchT[r * k + j] = targets[i * k + j] }
                    }
                }
                let loss = evaluate(rows, full: fullBatch)
                if !report(loss, epoch: epoch) { return .diverged(step: step) }
                if shouldStop() { return .interrupted(steps: step) }
                epochLoss += loss * Double(rows); epochSamples += rows
                gradient.withUnsafeBufferPointer { g in
                    parameters.withUnsafeMutableBufferPointer { p in optimizer.step(p, gradient: g) }
                }
                step += 1
                start += rows
            }
            if start >= n {
                var record = EpochRecord(epoch: epoch, step: step, loss: epochLoss / Double(epochSamples))
                if let validation, let validationTargets {
                    let (vl, va) = Self.score(model, parameters, validation, validationTargets, classification: classification)
                    record.validationLoss = vl
                    record.validationAccuracy = va
                }
                onEpoch(record)
            }
        }
        // The final state, on the whole training set.
        let loss = evaluate(n, full: true)
        if !report(loss, epoch: max(1, epoch)) { return .diverged(step: step) }
        return .completed(steps: step)
    }

    /// Loss (and accuracy for classification) of `params` on a whole data set.
    public static func score(_ model: DataModel, _ params: [Double], _ data: Dataset, _ targets: [Double],
                             classification: Bool) -> (loss: Double, accuracy: Double?) {
        params.withUnsafeBufferPointer { p in
            data.inputs.withUnsafeBufferPointer { x in
                targets.withUnsafeBufferPointer { t in
                    let loss = model.loss(p.baseAddress!, inputs: x.baseAddress!, targets: t.baseAddress!, count: data.count)
                    guard classification else { return (loss, nil) }
                    let out = model.predict(p.baseAddress!, inputs: x.baseAddress!, count: data.count)
                    return (loss, Accuracy.of(outputs: out, targets: t.baseAddress!, count: data.count, width: model.outputCount))
                }
            }
        }
    }
}

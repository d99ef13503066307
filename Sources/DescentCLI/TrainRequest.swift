import CairoCanvas
import Foundation
import Training

/// A validated `descent train` invocation: the problem, the optimizer, the schedule and the
/// outputs, plus the header that reproduces the run.
struct TrainRequest {
    /// A model on data, resolved.
    typealias ModelSetup = Training.ModelSetup

    enum Target {
        /// A test function or an expression in x and y.
        case function(any PlaneObjective, start: Point2)
        case model(ModelSetup)
    }

    var target: Target
    var optimizer: OptimizerConfig
    var batchSize: Int?
    var stop: StopRule
    var seed: UInt64
    var logPath: String?
    var logParams: Bool
    var plotPath: String?
    var plotFormat: OutputFormat?
    var plotTitle: String?
    var checkGradients: Bool
    var quiet: Bool
    /// --print-epochs: the course programs' `Epoch 01 | Loss: 3.4776` lines on standard output.
    var printEpochs: Bool
    /// --check-gradients without --steps or --epochs: check, then stop.
    var checkOnly: Bool
    var header = TrainingLogHeader()

    init(_ c: TrainCommand) throws {
        seed = c.seed
        logParams = c.logParams
        checkGradients = c.checkGradients
        quiet = c.quiet
        printEpochs = c.printEpochs
        checkOnly = c.checkGradients && c.steps == nil && c.epochs == nil
        optimizer = try Self.optimizer(c)

        // The schedule.
        switch (c.steps, c.epochs) {
        case let (s?, nil):
            guard s >= 0 else { throw UserError("--steps \(s): expected a number of updates >= 0") }
            stop = .steps(s)
        case let (nil, e?):
            guard e >= 0 else { throw UserError("--epochs \(e): expected a number of passes >= 0") }
            stop = .epochs(e)
        case (nil, nil):
            guard c.checkGradients else { throw UserError("give --steps N or --epochs N") }
            stop = .steps(0)
        case (_?, _?): throw UserError("give either --steps or --epochs, not both")
        }

        // What to minimise.
        switch (c.function, c.model) {
        case (_?, _?): throw UserError("give either --function or --model, not both")
        case (nil, nil): throw UserError("give --function NAME --start X,Y or --model NAME --data NAME (functions: \(TestFunctionNames.list))")
        case let (name?, nil):
            let f: any PlaneObjective
            if let named = TestFunction.named(name, condition: c.condition, rotation: c.rotation) {
                if case .quadratic = named, !(c.condition >= 1 && c.condition.isFinite) {
                    throw UserError("--condition \(c.condition): expected a condition number >= 1")
                }
                f = named
            } else {
                f = try LandscapeRequest.expressionSurface(name)
            }
            guard let startText = c.start else { throw UserError("--function needs --start X,Y (e.g. --start -1.5,2)") }
            let xy = try Self.numbers(startText, option: "--start", count: 2)
            for (flag, given) in [("--model", c.model != nil), ("--data", c.data != nil), ("--batch-size", c.batchSize != nil),
                                  ("--validation", c.validation != nil), ("--layers", c.layers != nil), ("--no-bias", c.noBias)] where given {
                throw UserError("\(flag) applies to --model runs, not to --function")
            }
            if case .epochs = stop { throw UserError("--function runs count --steps, not --epochs") }
            target = .function(f, start: Point2(xy[0], xy[1]))
            batchSize = nil
        case let (nil, kind?):
            let setup = try Self.modelSetup(kind: kind, c)
            if let b = c.batchSize {
                guard b >= 1, b <= setup.train.count else {
                    throw UserError("--batch-size \(b): expected 1 to \(setup.train.count) (the training set's size)")
                }
            }
            if c.start != nil { throw UserError("--start applies to --function runs") }
            if c.checkGradients && !setup.model.hasTrueGradient {
                throw UserError("--check-gradients: the perceptron rule is not the gradient of a loss")
            }
            batchSize = c.batchSize
            target = .model(setup)
        }

        // Outputs.
        logPath = c.log
        plotPath = c.plot
        plotTitle = c.title
        if let plot = c.plot {
            guard let f = OutputFormat(pathExtensionOf: plot) else {
                throw UserError("--plot \(plot): cannot tell the format from the extension: expected .png, .svg or .pdf")
            }
            plotFormat = f
        }
        if let log = c.log, let plot = c.plot, log == plot || SamePath.check(log, plot) {
            throw UserError("--log and --plot name the same file '\(log)'")
        }
        if let data = c.data {
            for (flag, path) in [("--log", c.log), ("--plot", c.plot)] {
                if let path, path == data || SamePath.check(path, data) {
                    throw UserError("\(flag) \(path) would overwrite the input data")
                }
            }
        }
        header = makeHeader(c)
    }

    // MARK: Optimizer

    static func optimizer(_ c: TrainCommand) throws -> OptimizerConfig {
        let name = c.optimizer.rawValue
        let defaults: [String: Double] = ["sgd": 1e-3, "adam": 1e-3, "rmsprop": 1e-2, "adagrad": 1e-2]
        let lr = c.lr ?? defaults[name]!
        guard lr > 0, lr.isFinite else { throw UserError("--lr \(c.lr.map { "\($0)" } ?? ""): expected a positive learning rate") }
        // Options that belong to other optimizers.
        let owners: [(String, Bool, Set<String>)] = [
            ("--momentum", c.momentum != nil, ["sgd", "rmsprop"]), ("--dampening", c.dampening != nil, ["sgd"]),
            ("--nesterov", c.nesterov, ["sgd"]), ("--alpha", c.alpha != nil, ["rmsprop"]),
            ("--eps", c.eps != nil, ["rmsprop", "adagrad", "adam"]), ("--centered", c.centered, ["rmsprop"]),
            ("--lr-decay", c.lrDecay != nil, ["adagrad"]),
            ("--initial-accumulator-value", c.initialAccumulatorValue != nil, ["adagrad"]),
            ("--betas", c.betas != nil, ["adam"]), ("--amsgrad", c.amsgrad, ["adam"]),
        ]
        for (flag, given, allowed) in owners where given && !allowed.contains(name) {
            throw UserError("\(flag) does not apply to --optimizer \(name) (it is an option of \(allowed.sorted().joined(separator: ", ")))")
        }
        func nonNegative(_ v: Double?, _ name: String, _ d: Double) throws -> Double {
            let x = v ?? d
            guard x >= 0, x.isFinite else { throw UserError("\(name) \(x): expected a number >= 0") }
            return x
        }
        let wd = try nonNegative(c.weightDecay, "--weight-decay", 0)
        switch c.optimizer {
        case .sgd:
            let momentum = try nonNegative(c.momentum, "--momentum", 0), dampening = try nonNegative(c.dampening, "--dampening", 0)
            if c.nesterov && (momentum <= 0 || dampening != 0) {
                throw UserError("--nesterov needs --momentum > 0 and zero --dampening (as torch.optim.SGD)")
            }
            return .sgd(lr: lr, momentum: momentum, dampening: dampening, nesterov: c.nesterov, weightDecay: wd)
        case .rmsprop:
            let alpha = try nonNegative(c.alpha, "--alpha", 0.99)
            guard alpha < 1 || c.alpha == nil else { throw UserError("--alpha \(alpha): expected 0 <= alpha < 1") }
            return .rmsprop(lr: lr, alpha: alpha, eps: try nonNegative(c.eps, "--eps", 1e-8), weightDecay: wd,
                            momentum: try nonNegative(c.momentum, "--momentum", 0), centered: c.centered)
        case .adagrad:
            return .adagrad(lr: lr, lrDecay: try nonNegative(c.lrDecay, "--lr-decay", 0), weightDecay: wd,
                            initialAccumulatorValue: try nonNegative(c.initialAccumulatorValue, "--initial-accumulator-value", 0),
                            eps: try nonNegative(c.eps, "--eps", 1e-10))
        case .adam:
            var b = [0.9, 0.999]
            if let text = c.betas {
                b = try numbers(text, option: "--betas", count: 2)
                guard b.allSatisfy({ $0 >= 0 && $0 < 1 }) else { throw UserError("--betas \(text): expected B1,B2 with 0 <= B < 1") }
            }
            return .adam(lr: lr, beta1: b[0], beta2: b[1], eps: try nonNegative(c.eps, "--eps", 1e-8), weightDecay: wd,
                         amsgrad: c.amsgrad)
        }
    }

    static func numbers(_ text: String, option: String, count: Int) throws -> [Double] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        let values = parts.compactMap(Double.init)
        guard parts.count == count, values.count == count, values.allSatisfy(\.isFinite) else {
            throw UserError("\(option) '\(text)': expected \(count) comma-separated numbers")
        }
        return values
    }

    // MARK: Model and data

    /// The model `c` names, built by Training as a run log's header rebuilds it.
    static func modelSetup(kind: ModelKind, _ c: TrainCommand) throws -> ModelSetup {
        guard let data = c.data else { throw UserError("--model needs --data (\(BuiltinData.names.joined(separator: ", ")), a CSV file or idx:DIR)") }
        if let s = c.samples, s < 1 { throw UserError("--samples \(s): expected a positive number of samples") }
        try MemoryCheck.samples(c.samples, data: data, seed: c.seed)
        var layers: [Int]?
        if let text = c.layers, kind == .mlp {
            let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int(String($0).trimmingSpaces) }
            guard parts.count >= 2, parts.allSatisfy({ ($0 ?? 0) > 0 }) else {
                throw UserError("--layers '\(text)': expected at least two positive sizes, input first, e.g. 2,3,3")
            }
            layers = parts.map { $0! }
            // Refused before anything is allocated (the batch, when it is known, sizes the activations).
            try MemoryCheck.network(layers!, text: text, option: "--layers", rows: c.batchSize ?? c.samples ?? 1)
        } else if c.layers != nil {
            throw UserError("--layers applies to --model mlp")
        }
        let recipe = ModelRecipe(kind: kind, data: data, samples: c.samples, features: c.features.map(split), targets: c.target.map(split),
                                 validation: c.validation, layers: layers, activation: c.activation, output: c.output, loss: c.loss,
                                 bias: !c.noBias, initialization: c.initialization, seed: c.seed, rng: c.rng,
                                 weightShape: c.weightShape, reduction: c.reduction, weights: c.weights, standardize: c.standardize)
        do {
            return try ModelSetup(recipe)
        } catch let e as ModelSetup.Failure {
            throw UserError(e.description)
        }
    }

    static func split(_ s: String) -> [String] { s.split(separator: ",").map { String($0).trimmingSpaces } }
}

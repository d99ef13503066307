/// The first line of a `descent train --log` run log: everything needed to reproduce the run
/// (and to rebuild its model or surface). Fields a run does not have are left out.
public struct TrainingLogHeader: Codable, Equatable, Sendable {
    /// The version of descent that wrote the log.
    public var descent: String?
    /// The command line, as typed.
    public var command: String?

    // A test function or an expression in x and y.
    public var function: String?
    /// The quadratic bowl's condition number and rotation in degrees.
    public var condition: Double?
    public var rotation: Double?
    public var start: [Double]?

    // A model on data.
    public var model: ModelKind?
    public var layers: [Int]?
    /// False for --model linear or mlp --no-bias (written only then).
    public var bias: Bool?
    public var activation: Activation?
    public var output: OutputActivation?
    public var loss: LossKind?
    public var initialization: WeightInit?
    /// How per-sample losses combine (written only for `sum`).
    public var reduction: Reduction?
    /// The shape each W was drawn in (written only for `in-out`).
    public var weightShape: WeightShape?
    /// The --weights file the run started from.
    public var weights: String?
    /// The perceptron's update rule, in words.
    public var rule: String?
    /// A built-in data set's name or a CSV file's path.
    public var data: String?
    /// True when each feature was standardised by the training set's mean and std (written only then).
    public var standardize: Bool?
    public var samples: Int?
    public var features: [String]?
    public var targets: [String]?
    public var trainSamples: Int?
    /// The fraction held out for validation.
    public var validation: Double?
    public var validationSamples: Int?
    /// The IDX data's t10k- test set size.
    public var testSamples: Int?
    public var batchSize: Int?

    public var parameterCount: Int?
    /// The update rule with every hyperparameter, written flat (`"optimizer":"adam","lr":0.05,"betas":[0.9,0.999],...`).
    public var optimizer: OptimizerConfig?
    public var stop: StopRule?
    public var seed: UInt64?
    /// The random generator (`splitmix` or `numpy`).
    public var rng: RandomGenerator?
    /// How random numbers were drawn.
    public var generator: String?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case descent, command, function, condition, rotation, start, model, layers, bias, activation, output, loss,
             initialization, reduction, weightShape = "weight_shape", weights, rule, data, standardize, samples, features,
             targets, trainSamples = "train_samples", validation, validationSamples = "validation_samples",
             testSamples = "test_samples", batchSize = "batch_size", parameterCount = "parameter_count",
             optimizer, lr, momentum, dampening, nesterov, weightDecay = "weight_decay", alpha, eps, centered,
             lrDecay = "lr_decay", initialAccumulatorValue = "initial_accumulator_value", betas, amsgrad,
             steps, epochs, seed, rng, generator
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        descent = try c.decodeIfPresent(String.self, forKey: .descent)
        command = try c.decodeIfPresent(String.self, forKey: .command)
        function = try c.decodeIfPresent(String.self, forKey: .function)
        condition = try c.decodeIfPresent(Double.self, forKey: .condition)
        rotation = try c.decodeIfPresent(Double.self, forKey: .rotation)
        start = try c.decodeIfPresent([Double].self, forKey: .start)
        model = try c.decodeIfPresent(ModelKind.self, forKey: .model)
        layers = try c.decodeIfPresent([Int].self, forKey: .layers)
        bias = try c.decodeIfPresent(Bool.self, forKey: .bias)
        activation = try c.decodeIfPresent(Activation.self, forKey: .activation)
        output = try c.decodeIfPresent(OutputActivation.self, forKey: .output)
        loss = try c.decodeIfPresent(LossKind.self, forKey: .loss)
        initialization = try c.decodeIfPresent(WeightInit.self, forKey: .initialization)
        reduction = try c.decodeIfPresent(Reduction.self, forKey: .reduction)
        weightShape = try c.decodeIfPresent(WeightShape.self, forKey: .weightShape)
        weights = try c.decodeIfPresent(String.self, forKey: .weights)
        rule = try c.decodeIfPresent(String.self, forKey: .rule)
        data = try c.decodeIfPresent(String.self, forKey: .data)
        standardize = try c.decodeIfPresent(Bool.self, forKey: .standardize)
        samples = try c.decodeIfPresent(Int.self, forKey: .samples)
        features = try c.decodeIfPresent([String].self, forKey: .features)
        targets = try c.decodeIfPresent([String].self, forKey: .targets)
        trainSamples = try c.decodeIfPresent(Int.self, forKey: .trainSamples)
        validation = try c.decodeIfPresent(Double.self, forKey: .validation)
        validationSamples = try c.decodeIfPresent(Int.self, forKey: .validationSamples)
        testSamples = try c.decodeIfPresent(Int.self, forKey: .testSamples)
        batchSize = try c.decodeIfPresent(Int.self, forKey: .batchSize)
        parameterCount = try c.decodeIfPresent(Int.self, forKey: .parameterCount)
        optimizer = try OptimizerConfig.decodeFlat(from: c)
        if let n = try c.decodeIfPresent(Int.self, forKey: .steps) {
            stop = .steps(n)
        } else if let n = try c.decodeIfPresent(Int.self, forKey: .epochs) {
            stop = .epochs(n)
        }
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed)
        rng = try c.decodeIfPresent(RandomGenerator.self, forKey: .rng)
        generator = try c.decodeIfPresent(String.self, forKey: .generator)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(descent, forKey: .descent)
        try c.encodeIfPresent(command, forKey: .command)
        try c.encodeIfPresent(function, forKey: .function)
        try c.encodeIfPresent(condition, forKey: .condition)
        try c.encodeIfPresent(rotation, forKey: .rotation)
        try c.encodeIfPresent(start, forKey: .start)
        try c.encodeIfPresent(model, forKey: .model)
        try c.encodeIfPresent(layers, forKey: .layers)
        try c.encodeIfPresent(bias, forKey: .bias)
        try c.encodeIfPresent(activation, forKey: .activation)
        try c.encodeIfPresent(output, forKey: .output)
        try c.encodeIfPresent(loss, forKey: .loss)
        try c.encodeIfPresent(initialization, forKey: .initialization)
        try c.encodeIfPresent(reduction, forKey: .reduction)
        try c.encodeIfPresent(weightShape, forKey: .weightShape)
        try c.encodeIfPresent(weights, forKey: .weights)
        try c.encodeIfPresent(rule, forKey: .rule)
        try c.encodeIfPresent(data, forKey: .data)
        try c.encodeIfPresent(standardize, forKey: .standardize)
        try c.encodeIfPresent(samples, forKey: .samples)
        try c.encodeIfPresent(features, forKey: .features)
        try c.encodeIfPresent(targets, forKey: .targets)
        try c.encodeIfPresent(trainSamples, forKey: .trainSamples)
        try c.encodeIfPresent(validation, forKey: .validation)
        try c.encodeIfPresent(validationSamples, forKey: .validationSamples)
        try c.encodeIfPresent(testSamples, forKey: .testSamples)
        try c.encodeIfPresent(batchSize, forKey: .batchSize)
        try c.encodeIfPresent(parameterCount, forKey: .parameterCount)
        try optimizer?.encodeFlat(to: &c)
        switch stop {
        case let .steps(n)?: try c.encode(n, forKey: .steps)
        case let .epochs(n)?: try c.encode(n, forKey: .epochs)
        case nil: break
        }
        try c.encodeIfPresent(seed, forKey: .seed)
        try c.encodeIfPresent(rng, forKey: .rng)
        try c.encodeIfPresent(generator, forKey: .generator)
    }
}

/// The models `descent train --model` trains.
public enum ModelKind: String, Codable, Sendable, CaseIterable {
    case linear, logistic, mlp, perceptron
}

extension Activation: Codable {}
extension OutputActivation: Codable {}
extension LossKind: Codable {}
extension WeightInit: Codable {}
extension WeightShape: Codable {}
extension RandomGenerator: Codable {}
extension Reduction: Codable {}

extension OptimizerConfig {
    typealias HeaderKeys = TrainingLogHeader.CodingKeys

    /// `"optimizer"` and each hyperparameter under its torch name.
    func encodeFlat(to c: inout KeyedEncodingContainer<HeaderKeys>) throws {
        try c.encode(name, forKey: .optimizer)
        for (name, value) in hyperparameters {
            guard let key = HeaderKeys(rawValue: name) else { preconditionFailure("no header key for \(name)") }
            switch value {
            case let .number(v): try c.encode(v, forKey: key)
            case let .flag(v): try c.encode(v, forKey: key)
            case let .pair(a, b): try c.encode([a, b], forKey: key)
            }
        }
    }

    /// The optimizer a header names, torch's defaults for the hyperparameters it leaves out; nil without `"optimizer"`.
    static func decodeFlat(from c: KeyedDecodingContainer<HeaderKeys>) throws -> OptimizerConfig? {
        guard let name = try c.decodeIfPresent(String.self, forKey: .optimizer) else { return nil }
        func number(_ key: HeaderKeys, _ d: Double) throws -> Double { try c.decodeIfPresent(Double.self, forKey: key) ?? d }
        func flag(_ key: HeaderKeys) throws -> Bool { try c.decodeIfPresent(Bool.self, forKey: key) ?? false }
        let lr = try number(.lr, name == "rmsprop" || name == "adagrad" ? 1e-2 : 1e-3), wd = try number(.weightDecay, 0)
        switch name {
        case "sgd":
            return .sgd(lr: lr, momentum: try number(.momentum, 0), dampening: try number(.dampening, 0),
                        nesterov: try flag(.nesterov), weightDecay: wd)
        case "rmsprop":
            return .rmsprop(lr: lr, alpha: try number(.alpha, 0.99), eps: try number(.eps, 1e-8), weightDecay: wd,
                            momentum: try number(.momentum, 0), centered: try flag(.centered))
        case "adagrad":
            return .adagrad(lr: lr, lrDecay: try number(.lrDecay, 0), weightDecay: wd,
                            initialAccumulatorValue: try number(.initialAccumulatorValue, 0), eps: try number(.eps, 1e-10))
        case "adam":
            let betas = try c.decodeIfPresent([Double].self, forKey: .betas) ?? [0.9, 0.999]
            guard betas.count == 2 else {
                throw DecodingError.dataCorruptedError(forKey: .betas, in: c, debugDescription: "expected two numbers B1,B2")
            }
            return .adam(lr: lr, beta1: betas[0], beta2: betas[1], eps: try number(.eps, 1e-8), weightDecay: wd,
                         amsgrad: try flag(.amsgrad))
        default:
            throw DecodingError.dataCorruptedError(forKey: .optimizer, in: c,
                                                   debugDescription: "expected one of \(OptimizerConfig.names.joined(separator: ", "))")
        }
    }
}

import Foundation

/// What `descent train --model` trains, in plain values: from the command's options, or from
/// a run log's header to rebuild the same model on the same data.
public struct ModelRecipe: Sendable, Equatable {
    public var kind: ModelKind
    /// A built-in data set's name, a CSV file's path, or `idx:DIR` (MNIST's IDX files).
    public var data: String
    public var samples: Int?
    /// CSV feature and target columns.
    public var features: [String]?
    public var targets: [String]?
    /// The fraction held out for validation.
    public var validation: Double?
    /// MLP layer sizes, input first.
    public var layers: [Int]?
    public var activation: Activation
    /// nil = the model's default.
    public var output: OutputActivation?
    public var loss: LossKind?
    /// False for a linear model without a bias (y = W x), or an MLP without biases.
    public var bias: Bool
    public var initialization: WeightInit
    public var seed: UInt64
    /// The generator of the initial weights (and, with `numpy`, of the generated data after them).
    public var rng: RandomGenerator
    /// The shape each W is drawn (and given in `weights`) in.
    public var weightShape: WeightShape
    public var reduction: Reduction
    /// A JSON file of start weights (`{"W1": [[...]], "b1": [...]}`), in place of the drawn ones.
    public var weights: String?
    /// Standardise each feature by the data's mean and std (the course's normalize_fit).
    public var standardize: Bool

    public init(kind: ModelKind, data: String, samples: Int? = nil, features: [String]? = nil, targets: [String]? = nil,
                validation: Double? = nil, layers: [Int]? = nil, activation: Activation = .relu, output: OutputActivation? = nil,
                loss: LossKind? = nil, bias: Bool = true, initialization: WeightInit = .normal, seed: UInt64 = 0,
                rng: RandomGenerator = .splitmix, weightShape: WeightShape = .outIn, reduction: Reduction = .mean,
                weights: String? = nil, standardize: Bool = false) {
        self.kind = kind
        self.data = data
        self.samples = samples
        self.features = features
        self.targets = targets
        self.validation = validation
        self.layers = layers
        self.activation = activation
        self.output = output
        self.loss = loss
        self.bias = bias
        self.initialization = initialization
        self.seed = seed
        self.rng = rng
        self.weightShape = weightShape
        self.reduction = reduction
        self.weights = weights
        self.standardize = standardize
    }
}

/// A model on data, resolved: the network, its initial weights, the training and validation sets.
public struct ModelSetup {
    public var kind: ModelKind
    public var model: DataModel
    public var spec: MLPSpec?
    /// False for --model linear --no-bias (the layer W of `spec` only).
    public var bias = true
    public var initial: [Double]
    public var train: Dataset
    public var trainTargets: [Double]
    public var validation: Dataset?
    public var validationTargets: [Double]?
    public var classification: Bool
    /// The IDX data's t10k- test set, scored after training.
    public var test: Dataset?
    public var testTargets: [Double]?

    /// Why a recipe names no model that can be trained; the message names the option to change.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// Builds the model of `recipe` the way `descent train` does: the data (generated from the
    /// seed, read from CSV or IDX files), the layer shapes, the seeded (or given) initial weights,
    /// then the validation split.
    public init(_ recipe: ModelRecipe) throws {
        let kind = recipe.kind
        if recipe.rng == .numpy && recipe.seed > UInt64(UInt32.max) {
            throw Failure("--seed \(recipe.seed): --rng numpy takes a seed in 0..4294967295, as np.random.seed")
        }
        var (data, test) = try TrainingData.load(recipe.data, samples: recipe.samples, seed: recipe.seed,
                                                 features: recipe.features, targets: recipe.targets)
        if recipe.layers != nil && kind != .mlp { throw Failure("--layers applies to --model mlp") }
        if !recipe.bias && kind != .linear && kind != .mlp { throw Failure("--no-bias applies to --model linear and mlp") }
        let d = data.featureCount
        let model: DataModel
        var spec: MLPSpec?
        var initial: [Double]
        let outputs: Int
        if kind == .perceptron {
            guard data.targetCount == 1, data.targets.allSatisfy({ $0 == 0 || $0 == 1 }) else {
                throw Failure("--model perceptron needs one target column of 0/1 labels; \(data.name) has \(data.targetCount) target(s) \(data.targetNames.joined(separator: ", "))")
            }
            if recipe.weights != nil { throw Failure("--weights applies to --model linear, logistic and mlp") }
            model = Perceptron(inputs: d)
            initial = StartDraw.perceptron(inputs: d, generator: recipe.rng, seed: recipe.seed)!
            outputs = 1
        } else {
            let linearWithoutBias = !recipe.bias && kind == .linear
            var s = try Self.spec(recipe, data: data)
            s.bias = !(!recipe.bias && kind == .mlp)
            s.reduction = recipe.reduction
            spec = s
            let start = StartDraw(spec: s, initialization: recipe.initialization, shape: recipe.weightShape, generator: recipe.rng,
                                  seed: recipe.seed, dataName: recipe.data, samples: recipe.samples)!
            initial = start.parameters
            // --rng numpy draws the generated data after the weights, from the same stream.
            if recipe.rng == .numpy, let drawn = start.data { data = drawn }
            if let path = recipe.weights {
                var given = s
                given.bias = recipe.bias
                guard let bytes = FileManager.default.contents(atPath: path), let text = String(data: bytes, encoding: .utf8) else {
                    throw Failure("\(path): cannot read the weights file (\(FileManager.default.fileExists(atPath: path) ? "not UTF-8 text?" : "no such file"))")
                }
                do {
                    initial = try StartWeights.parameters(json: text, path: path, spec: given, shape: recipe.weightShape)
                } catch let e as StartWeights.Failure {
                    throw Failure(e.description)
                }
                if linearWithoutBias { initial += [Double](repeating: 0, count: s.outputCount) }
            }
            outputs = s.outputCount
            if linearWithoutBias {
                // y = W x: the same initial W as with a bias, without b.
                guard s.output == .linear, s.loss == .mse else { throw Failure("--no-bias fits y = W x: use --output linear and --loss mse") }
                guard s.reduction == .mean else { throw Failure("--reduction sum applies to --model mlp, logistic and linear with a bias") }
                model = BiasFreeLinear(inputs: d, outputs: outputs)
                initial = Array(initial[0..<(d * outputs)])
            } else {
                model = MLP(spec: s)
            }
        }
        if recipe.standardize {
            // IDX pixels are float32 in the course's MNIST lab: standardise them in its float32 arithmetic.
            let z = Standardization(fit: data, float32: recipe.data.hasPrefix("idx:"))
            data = z.apply(data)
            test = test.map(z.apply)
        }
        var validation: Dataset?
        if let f = recipe.validation {
            guard f > 0, f < 1 else { throw Failure("--validation \(f): expected a fraction between 0 and 1, e.g. 0.2") }
            guard data.count >= 2 else { throw Failure("--validation: \(data.name) has \(data.count) sample(s), too few to split") }
            (data, validation) = data.split(validation: f, seed: recipe.seed)
        }
        guard let trainTargets = data.targets(forOutputs: outputs) else {
            let classes = data.classCount.map { " or its \($0) classes" } ?? ""
            throw Failure("the model has \(outputs) output(s) but \(data.name) has \(data.targetCount) target column(s)\(classes): the last layer size must match")
        }
        self.kind = kind
        self.model = model
        self.spec = spec
        self.bias = recipe.bias
        self.initial = initial
        self.train = data
        self.trainTargets = trainTargets
        self.validation = validation
        self.validationTargets = validation?.targets(forOutputs: outputs)
        self.classification = data.classCount != nil && (kind == .perceptron || spec?.output != .linear)
        self.test = test
        self.testTargets = test?.targets(forOutputs: outputs)
    }

    /// The network shape of a linear, logistic or MLP recipe on `data`.
    static func spec(_ recipe: ModelRecipe, data: Dataset) throws -> MLPSpec {
        let d = data.featureCount
        let spec: MLPSpec
        switch recipe.kind {
        case .linear:
            spec = MLPSpec(layers: [d, data.targetCount], activation: recipe.activation, output: recipe.output ?? .linear,
                           loss: recipe.loss ?? .mse)
        case .logistic:
            spec = MLPSpec(layers: [d, 1], activation: recipe.activation, output: recipe.output ?? .sigmoid, loss: recipe.loss ?? .bce)
        case .mlp, .perceptron:
            guard let layers = recipe.layers else {
                throw Failure("--model mlp needs --layers, e.g. --layers \(d),16,\(data.classCount ?? data.targetCount)")
            }
            guard layers.count >= 2, layers.allSatisfy({ $0 > 0 }) else {
                throw Failure("--layers '\(layers.map(String.init).joined(separator: ","))': expected at least two positive sizes, input first, e.g. 2,3,3")
            }
            guard layers[0] == d else {
                throw Failure("--layers \(layers.map(String.init).joined(separator: ",")): the input size \(layers[0]) does not fit \(data.name), which has \(d) feature(s)")
            }
            let output = recipe.output ?? .linear
            let defaultLoss: LossKind = output == .softmax ? .ce : output == .sigmoid ? .bce : .mse
            spec = MLPSpec(layers: layers, activation: recipe.activation, output: output, loss: recipe.loss ?? defaultLoss)
        }
        if let p = spec.problem { throw Failure(p) }
        return spec
    }
}

/// Training data by name: a built-in generated set, a CSV file with named columns, or MNIST's IDX files.
public enum TrainingData {
    /// The training data and, for IDX files with t10k- files beside them, the test set.
    public static func load(_ name: String, samples: Int?, seed: UInt64, features: [String]?, targets: [String]?) throws -> (Dataset, Dataset?) {
        if let s = samples, s < 1 { throw ModelSetup.Failure("--samples \(s): expected a positive number of samples") }
        if let d = BuiltinData.make(name, seed: seed, samples: samples) {
            if features != nil || targets != nil {
                throw ModelSetup.Failure("--features and --target apply to CSV files, not to the built-in data '\(name)'")
            }
            return (d, nil)
        }
        if name.hasPrefix("idx:") {
            if features != nil || targets != nil { throw ModelSetup.Failure("--features and --target apply to CSV files, not to IDX data") }
            do {
                let set = try IDXData.load(directory: String(name.dropFirst(4)))
                return (set.train, set.test)
            } catch let e as IDXData.Failure {
                throw ModelSetup.Failure(e.description)
            }
        }
        guard name.lowercased().hasSuffix(".csv") || FileManager.default.fileExists(atPath: name) else {
            throw ModelSetup.Failure("unknown data '\(name)': expected one of \(BuiltinData.names.joined(separator: ", ")), a CSV file or idx:DIR")
        }
        guard let features, let targets else { throw ModelSetup.Failure("\(name): a CSV file needs --features a,b and --target y") }
        guard let bytes = FileManager.default.contents(atPath: name) else {
            throw ModelSetup.Failure("\(name): cannot read the file (\(FileManager.default.fileExists(atPath: name) ? "not readable" : "no such file"))")
        }
        do {
            return (try CSVData.parse(bytes: Array(bytes), path: name, features: features, targets: targets), nil)
        } catch let e as CSVData.Failure {
            throw ModelSetup.Failure(e.description)
        }
    }
}

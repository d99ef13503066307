import ArgumentParser

/// `descent train`: gradient descent on a 2D test function or a model on data, with a JSON Lines run log.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Run gradient descent on a test function or train a model; write a JSON Lines run log.",
        discussion: """
        Either --function NAME --start X,Y, or --model NAME --data NAME|FILE.csv. Update rules are torch.optim's.
        Examples:
          descent train --function rosenbrock --start=-1.5,2 --optimizer adam \\
            --lr 0.05 --steps 300 --log run.jsonl
          descent train --model mlp --layers 2,1000,3 --activation relu \\
            --output linear --loss mse --data lab-batch --optimizer sgd \\
            --lr 0.01 --epochs 1000 --log lab.jsonl --plot loss.png
          descent train --model logistic --data plants --batch-size 16 \\
            --epochs 50 --validation 0.2
          descent train --model linear --no-bias --data linear2d \\
            --batch-size 16 --lr 0.05 --steps 60 --log run.jsonl
          descent train --model mlp --layers 2,3,3 --data lab-single --lr 0.1 \\
            --epochs 20 --rng numpy --seed 0 --print-epochs
          descent train --model mlp --layers 784,32,10 --standardize \\
            --data idx:/usr/share/datasets/fashion-mnist --lr 0.0005 \\
            --epochs 1000 --rng numpy --seed 0 --log mnist.jsonl
        """
    )

    // What to minimise.
    @Option(help: "Test function (\(TestFunctionNames.list)) or an expression in x and y, e.g. 'x^2 + 3*y'.")
    var function: String?
    @Option(parsing: .unconditional, help: "Start point X,Y for --function (may start with a minus sign).")
    var start: String?
    @Option(help: "Condition number of the quadratic bowl.")
    var condition: Double = 10
    @Option(help: "Rotation of the quadratic bowl, in degrees.")
    var rotation: Double = 0

    @Option(help: "Model.")
    var model: ModelKind?
    @Option(help: "Data set (lab-single, lab-batch, xor3, plants, blobs, moons, spirals, linear2d), a CSV file, or idx:DIR (MNIST's IDX files).")
    var data: String?
    @Option(help: "CSV feature columns, comma-separated.")
    var features: String?
    @Option(help: "CSV target column(s), comma-separated.")
    var target: String?
    @Option(help: "Hold out this fraction of the data for validation (0 < F < 1).")
    var validation: Double?
    @Option(help: "Number of samples for the generated data sets.")
    var samples: Int?
    @Option(help: "MLP layer sizes, input first, e.g. 2,3,3.")
    var layers: String?
    @Option(help: "Hidden activation.")
    var activation: Activation = .relu
    @Option(help: "Output activation (default from the model: linear, or sigmoid for logistic).")
    var output: OutputActivation?
    @Option(help: "Loss: mse (1/2 ||y_hat - y||^2), bce or ce (default from the model and output).")
    var loss: LossKind?
    @Flag(name: .customLong("no-bias"), help: "--model linear or mlp without biases, y = W x (on linear2d: w1 x1 + w2 x2, the plane descent landscape --data linear2d draws).")
    var noBias = false
    @Option(help: "Initial weights: normal (N(0,1), the course's randn), uniform (U[0,1), np.random.random), xavier or he; biases start at 0.")
    var initialization: WeightInit = .normal
    @Option(name: .customLong("weight-shape"), help: "Shape each W is drawn (and given in --weights) in: out-in (the 001 labs' randn(hidden, in)) or in-out (the 002 ch. 8 program's random((3, 4))).")
    var weightShape: WeightShape = .outIn
    @Option(help: "Random generator for weights and generated data: splitmix (default) or numpy (NumPy's legacy np.random.seed stream, bit for bit).")
    var rng: RandomGenerator = .splitmix
    @Option(help: "Start weights from a JSON file, e.g. {\"W1\": [[3, 2], [4, 1], [5, 2]]} (biases b1.. optional, zeros when absent).")
    var weights: String?
    @Option(help: "Combine per-sample losses by their mean (default) or sum (the 002 ch. 8 program).")
    var reduction: Reduction = .mean
    @Flag(help: "Standardise each feature by the training set's mean and std (std below 1e-6 clamped), as the course's normalize_fit.")
    var standardize = false

    // Optimizer.
    @Option(help: "Optimizer (torch.optim's update rule). sgd is torch.optim.SGD on the whole training set unless --batch-size (--batch-size 1 is the course's single-sample SGD, landscape's 'single').")
    var optimizer: TrainOptimizer = .sgd
    @Option(parsing: .unconditional, help: "Learning rate (default: torch's, 0.001 for sgd and adam, 0.01 for rmsprop and adagrad).")
    var lr: Double?
    @Option(help: "Momentum (sgd, rmsprop).")
    var momentum: Double?
    @Option(help: "Dampening (sgd).")
    var dampening: Double?
    @Flag(help: "Nesterov momentum (sgd).")
    var nesterov = false
    @Option(name: .customLong("weight-decay"), help: "L2 weight decay added to the gradient.")
    var weightDecay: Double?
    @Option(help: "Smoothing constant (rmsprop).")
    var alpha: Double?
    @Option(help: "Term added to the denominator (rmsprop, adagrad, adam).")
    var eps: Double?
    @Flag(help: "Centered RMSprop.")
    var centered = false
    @Option(name: .customLong("lr-decay"), help: "Learning-rate decay (adagrad).")
    var lrDecay: Double?
    @Option(name: .customLong("initial-accumulator-value"), help: "Initial sum of squares (adagrad).")
    var initialAccumulatorValue: Double?
    @Option(help: "Adam's betas B1,B2.")
    var betas: String?
    @Flag(help: "AMSGrad variant of adam.")
    var amsgrad = false

    // Schedule.
    @Option(name: .customLong("batch-size"), help: "Samples per update (default: the whole training set; 1 = SGD).")
    var batchSize: Int?
    @Option(help: "Number of updates.")
    var steps: Int?
    @Option(help: "Number of passes over the training data.")
    var epochs: Int?
    @Option(help: "Seed for weights, generated data, shuffling and the validation split.")
    var seed: UInt64 = 0

    // Output.
    @Option(help: "Write the JSON Lines run log here.")
    var log: String?
    @Flag(name: .customLong("log-params"), help: "Log the parameter vector on every step even for more than 64 parameters.")
    var logParams = false
    @Option(help: "Also draw the loss curve to this file (.png, .svg or .pdf).")
    var plot: String?
    @Option(help: "Title of the --plot figure (default: optimizer, problem and learning rate).")
    var title: String?
    @Flag(name: .customLong("check-gradients"), help: "Compare analytic gradients with centred differences on the first batch; exit 1 above 1e-4.")
    var checkGradients = false
    @Flag(help: "No progress line and no summary.")
    var quiet = false
    @Flag(name: .customLong("print-epochs"), help: "Print each epoch's loss as the course programs do ('Epoch 01 | Loss: 3.4776'), and the test accuracy.")
    var printEpochs = false

    func run() throws {
        do {
            let request = try TrainRequest(self)
            try TrainJob(request: request).run()
        } catch let error as UserError {
            throw reportFailure(error)
        }
    }
}

/// The `--function` names, for help texts.
enum TestFunctionNames {
    static var list: String { TestFunction.names.joined(separator: ", ") }
}

import Training

import Testing
@testable import Training

/// The worked examples of the course texts, reproduced by the training core.
struct CourseExampleTests {
    /// 001 labs 1-3: x = [1, 2], W = [[3,2],[4,1],[5,2]], y = [1,4,4], ReLU, L = 1/2 ||y_hat - y||^2, no bias.
    let labSpec = MLPSpec(layers: [2, 3], activation: .relu, output: .linear, loss: .mse)
    let labParams: [Double] = [3, 2, 4, 1, 5, 2, 0, 0, 0]  // W row-major, then b = 0

    @Test func lab1ForwardPass() {
        // The lab's output layer is ReLU; z > 0 here so a linear output gives the same numbers.
        let mlp = MLP(spec: labSpec)
        #expect(mlp.forward(labParams, inputs: [1, 2]) == [7, 6, 9])
        #expect(mlp.loss(labParams, inputs: [1, 2], targets: [1, 4, 4]) == 32.5)
    }

    @Test func lab2Gradient() {
        let mlp = MLP(spec: labSpec)
        let (loss, g) = mlp.lossAndGradient(labParams, inputs: [1, 2], targets: [1, 4, 4])
        #expect(loss == 32.5)
        #expect(Array(g[0..<6]) == [6, 12, 2, 4, 5, 10])
        #expect(Array(g[6..<9]) == [6, 2, 5])  // dL/db = delta
    }

    @Test func lab3StepWithEta01() {
        let mlp = MLP(spec: labSpec)
        let data = Dataset(name: "lab-single", featureNames: ["x1", "x2"], targetNames: ["y1", "y2", "y3"],
                           inputs: [1, 2], targets: [1, 4, 4])
        // Only W is trained in the lab: pin b by starting at 0 and checking W and the new loss.
        let trainer = Trainer(problem: .model(mlp, initial: labParams, train: data, trainTargets: data.targets,
                                              validation: nil, validationTargets: nil, classification: false),
                              optimizer: .sgd(lr: 0.1), stop: .steps(1))
        var losses: [Double] = []
        trainer.onStep = { losses.append($0.loss) }
        trainer.run()
        let w = Array(trainer.parameters[0..<6])
        let expected: [Double] = [2.4, 0.8, 3.8, 0.6, 4.5, 1.0]
        for (a, b) in zip(w, expected) { #expect(abs(a - b) < 1e-12) }
        #expect(losses.first == 32.5)
        // The lab has no bias; with W_new and b = 0 the loss is 8.125.
        var noBias = trainer.parameters
        noBias[6] = 0; noBias[7] = 0; noBias[8] = 0
        #expect(abs(mlp.loss(noBias, inputs: [1, 2], targets: [1, 4, 4]) - 8.125) < 1e-12)
        #expect(mlp.forward(noBias, inputs: [1, 2]).enumerated().allSatisfy { abs($0.element - [4.0, 5.0, 6.5][$0.offset]) < 1e-12 })
    }

    /// 002 ch. 4.3: L = (x w1 + b1) w2 + b2 with x = 2, b1 = 1, b2 = 0.5, w1 = 0.5, w2 = 1.5.
    let chainSpec = MLPSpec(layers: [1, 1, 1], activation: .identity, output: .linear, loss: .mse)
    let chainParams: [Double] = [0.5, 1.0, 1.5, 0.5]  // w1, b1, w2, b2

    @Test func chainForwardAndError() {
        let mlp = MLP(spec: chainSpec)
        #expect(mlp.forward([0.5, 1.0, 0, 0], inputs: [2]) == [0])  // z = 2 feeds w2 = 0
        let out = mlp.forward(chainParams, inputs: [2])
        #expect(out == [3.5])
        // z = x w1 + b1 = 2 is the hidden pre-activation: a one-layer chain shows it.
        #expect(MLP(spec: MLPSpec(layers: [1, 1], output: .linear)).forward([0.5, 1.0], inputs: [2]) == [2])
        #expect(mlp.loss(chainParams, inputs: [2], targets: [5]) == 1.125)
    }

    @Test func chainRuleGradients() {
        let mlp = MLP(spec: chainSpec)
        let g = mlp.gradient(chainParams, inputs: [2], outputGradient: [1])  // dL/dparams
        #expect(g[0] == 3)  // dL/dw1 = w2 x
        #expect(g[2] == 2)  // dL/dw2 = z
    }

    @Test(arguments: [(0.2, 1.1, 1.9, 6.58), (0.1, 0.8, 1.7, 4.92)])
    func chainAscentStep(alpha: Double, w1: Double, w2: Double, newL: Double) {
        let mlp = MLP(spec: chainSpec)
        let g = mlp.gradient(chainParams, inputs: [2], outputGradient: [1])
        // The course increases L: w <- w + alpha dL/dw (only w1 and w2 move).
        var p = chainParams
        p[0] += alpha * g[0]; p[2] += alpha * g[2]
        #expect(abs(p[0] - w1) < 1e-12 && abs(p[2] - w2) < 1e-12)
        #expect(abs(mlp.forward(p, inputs: [2])[0] - newL) < 1e-12)
    }

    /// 000: the logistic neuron's gradient (a - y) x against finite differences of the BCE loss.
    @Test(arguments: [0.0, 1.0])
    func logisticNeuronGradient(label: Double) {
        let spec = MLPSpec(layers: [3, 1], output: .sigmoid, loss: .bce)
        let mlp = MLP(spec: spec)
        let w: [Double] = [0.4, -1.2, 0.7, 0.1]
        let x: [Double] = [1.5, 0.3, -2.0]
        let (_, g) = mlp.lossAndGradient(w, inputs: x, targets: [label])
        let z = 0.4 * 1.5 - 1.2 * 0.3 + 0.7 * -2.0 + 0.1
        let a = 1 / (1 + exp(-z))
        for k in 0..<3 { #expect(abs(g[k] - (a - label) * x[k]) < 1e-14) }
        #expect(abs(g[3] - (a - label)) < 1e-14)
        let errors = GradientCheck.check(mlp, parameters: w, inputs: x, targets: [label], count: 1)
        for e in errors { #expect(e.maxRelativeError < 1e-7, "\(e.name)") }
    }

    /// 002 ch. 8: the 3 -> 4 -> 1 sigmoid network learns 0, 1, 1, 0. The course sums the loss over the
    /// four samples with learning rate 1; the batch mean with lr 4 is the same update.
    @Test func xorNetworkLearns() {
        let spec = MLPSpec(layers: [3, 4, 1], activation: .sigmoid, output: .sigmoid, loss: .mse)
        let data = BuiltinData.make("xor3", seed: 1)!
        let mlp = MLP(spec: spec)
        let trainer = Trainer(problem: .model(mlp, initial: WeightInit.normal.parameters(for: spec, seed: 1), train: data,
                                              trainTargets: data.targets, validation: nil, validationTargets: nil,
                                              classification: true),
                              optimizer: .sgd(lr: 4), stop: .epochs(3000), seed: 1)
        trainer.run()
        let out = mlp.forward(trainer.parameters, inputs: data.inputs)
        #expect(out.map { $0.rounded() } == [0, 1, 1, 0])
        #expect(out[0] < 0.1 && out[3] < 0.1 && out[1] > 0.9 && out[2] > 0.9)
    }

    /// 002 ch. 3: one perceptron update w <- w + eta (y - y_hat) x.
    @Test func perceptronRule() {
        let p = Perceptron(inputs: 2)
        let data = Dataset(name: "one", featureNames: ["a", "b"], targetNames: ["y"], inputs: [1, 2], targets: [1], classCount: 2)
        let trainer = Trainer(problem: .model(p, initial: [-1, 0, 0], train: data, trainTargets: [1], validation: nil,
                                              validationTargets: nil, classification: true),
                              optimizer: .sgd(lr: 0.5), batchSize: 1, stop: .steps(1))
        trainer.run()
        // w.x + b = -1 -> y_hat = 0, error 1: w = [-1, 0] + 0.5 [1, 2], b = 0 + 0.5.
        #expect(trainer.parameters == [-0.5, 1, 0.5])
    }
}

#if canImport(Glibc)
import Glibc
#endif

import Foundation
import Testing
@testable import Training

/// The course programs, number for number: descent's training core with `--rng numpy` against the
/// programs run with NumPy (fixture from scripts/make-course-fixtures.py) and the course's printed output.
struct CourseProgramTests {
    /// Losses per step of a full-batch run (the loss before each update, as the programs print it).
    static func run(_ spec: MLPSpec, initial: [Double], data: Dataset, lr: Double, epochs: Int,
                    every: Int = 0) -> (losses: [Double], params: [[Double]], final: [Double]) {
        let trainer = Trainer(problem: .model(MLP(spec: spec), initial: initial, train: data, trainTargets: data.targets(forOutputs: spec.outputCount)!,
                                              validation: nil, validationTargets: nil, classification: false),
                              optimizer: .sgd(lr: lr), stop: .epochs(epochs))
        var losses: [Double] = [], params: [[Double]] = []
        trainer.onStep = { r in
            guard r.step < epochs else { return }
            losses.append(r.loss)
            if every > 0 && r.step % every == 0 { params.append(Array(r.parameters)) }
        }
        trainer.run()
        return (losses, params, trainer.parameters)
    }

    static func numpyStart(_ spec: MLPSpec, _ initialization: WeightInit = .normal, shape: WeightShape = .outIn, seed: UInt64,
                           data: String) throws -> StartDraw {
        try #require(StartDraw(spec: spec, initialization: initialization, shape: shape, generator: .numpy, seed: seed,
                               dataName: data, samples: nil))
    }

    @Test("001 two-layer lab: the program's 20 losses and its printed lines")
    func twoLayerLab() throws {
        let f = try CourseFixture.section("two_layer_lab")
        let spec = MLPSpec(layers: [2, 3, 3])
        let start = try Self.numpyStart(spec, seed: 0, data: "lab-single")
        #expect(start.parameters == (try CourseFixture.exact().two_layer_lab.start))
        let run = Self.run(spec, initial: start.parameters, data: try #require(start.data), lr: 0.1, epochs: 20)
        let expected = try #require(f["losses"] as? [Double])
        #expect(run.losses.count == 20)
        for (a, b) in zip(run.losses, expected) { #expect(CourseFixture.close(a, b, relative: 1e-9), "\(a) vs \(b)") }
        // The course text's own printed line, and the program's format.
        #expect(CourseFormat.epochLine(1, loss: run.losses[0]) == "Epoch 01 | Loss: 3.4776")
        #expect(run.losses.enumerated().map { CourseFormat.epochLine($0.offset + 1, loss: $0.element) } == (f["printed"] as? [String]))
    }

    @Test("001 batch lab: the program's losses epoch by epoch over the first 200 epochs")
    func batchLabFirst200() throws {
        let f = try CourseFixture.section("batch_lab")
        let spec = MLPSpec(layers: [2, 1000, 3])
        let start = try Self.numpyStart(spec, seed: 0, data: "lab-batch")
        let run = Self.run(spec, initial: start.parameters, data: try #require(start.data), lr: 0.01, epochs: 200)
        let expected = try #require(f["losses_first_200"] as? [Double])
        #expect(run.losses.count == 200 && expected.count == 200)
        var worst = 0.0
        for (a, b) in zip(run.losses, expected) { worst = max(worst, abs(a - b) / abs(b)) }
        #expect(worst <= 1e-9, "largest relative difference \(worst)")
    }

    @Test("002 ch. 8 XOR program: the printed outputs and the whole trajectory")
    func xorProgram() throws {
        let f = try CourseFixture.section("xor_program")
        let spec = MLPSpec(layers: [3, 4, 1], activation: .sigmoid, output: .sigmoid, loss: .mse, bias: false, reduction: .sum)
        let start = try Self.numpyStart(spec, .uniform, shape: .inOut, seed: 1, data: "xor3")
        let data = try #require(start.data)
        let run = Self.run(spec, initial: start.parameters, data: data, lr: 1, epochs: 1000, every: 50)
        let mlp = MLP(spec: spec)
        func outputs(_ p: [Double]) -> [Double] { mlp.forward(p, inputs: data.inputs) }
        let rounded = { (v: [Double]) in v.map { ($0 * 1000).rounded() / 1000 } }
        // Initial Output [0.758, 0.771, 0.791, 0.801]; "New output" is the last iteration's forward pass (after 999 updates).
        #expect(rounded(outputs(start.parameters)) == (f["course_printed_initial"] as? [Double]))
        let trajectory = try #require(f["trajectory_every_50"] as? [[String: Any]])
        for (ours, entry) in zip(run.params, trajectory) {
            let w1 = try #require(entry["weight1"] as? [[Double]]), w2 = try #require(entry["weight2"] as? [Double])
            // weight1 is (in, hidden) in the program; descent stores W1 as (hidden, in).
            let theirs = (0..<4).flatMap { j in (0..<3).map { i in w1[i][j] } } + w2
            for (a, b) in zip(ours, theirs) { #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "iteration \(entry["iteration"] ?? "?")") }
        }
        #expect(run.params.count == trajectory.count)
        let losses = try #require(f["losses"] as? [Double])
        for (a, b) in zip(run.losses, losses) { #expect(CourseFixture.close(a, b, relative: 1e-9)) }
        let w1 = try #require(f["final_weight1"] as? [[Double]]), w2 = try #require(f["final_weight2"] as? [Double])
        let final = (0..<4).flatMap { j in (0..<3).map { i in w1[i][j] } } + w2
        for (a, b) in zip(run.final, final) { #expect(abs(a - b) <= 1e-9 * max(1, abs(b))) }
        // The forward pass of iteration 999 (the weights after 999 updates) is what the course prints last.
        let trainer999 = Self.run(spec, initial: start.parameters, data: data, lr: 1, epochs: 999)
        #expect(rounded(outputs(trainer999.final)) == (f["course_printed_new"] as? [Double]))
        let newOutput = try #require(f["new_output"] as? [Double])
        for (a, b) in zip(outputs(trainer999.final), newOutput) { #expect(CourseFixture.close(a, b, relative: 1e-9)) }
    }

    @Test("001 worked example: --weights W = [[3,2],[4,1],[5,2]], ReLU output, no bias: L 32.5, then W_new and 8.125")
    func workedExampleFromWeightsFile() throws {
        let spec = MLPSpec(layers: [2, 3], activation: .relu, output: .relu, loss: .mse, bias: false)
        let w = try StartWeights.parameters(json: #"{"W1": [[3, 2], [4, 1], [5, 2]]}"#, path: "w.json", spec: spec, shape: .outIn)
        #expect(w == [3, 2, 4, 1, 5, 2])
        let data = Dataset(name: "lab-single", featureNames: ["x1", "x2"], targetNames: ["y1", "y2", "y3"], inputs: [1, 2], targets: [1, 4, 4])
        let run = Self.run(spec, initial: w, data: data, lr: 0.1, epochs: 1)
        #expect(run.losses == [32.5])
        for (a, b) in zip(run.final, [2.4, 0.8, 3.8, 0.6, 4.5, 1.0]) { #expect(abs(a - b) < 1e-12) }
        #expect(abs(MLP(spec: spec).loss(run.final, inputs: [1, 2], targets: [1, 4, 4]) - 8.125) < 1e-12)
    }
}

extension CourseProgramTests {
    @Test("001 batch lab: the course's 10,000 epochs and its prediction at (3, -1)/20, expected [9, 1, -6]")
    func batchLabTenThousandEpochs() throws {
        let f = try CourseFixture.section("batch_lab")
        let epochs = try #require(f["epochs"] as? Int)
        let spec = MLPSpec(layers: [2, 1000, 3])
        let start = try Self.numpyStart(spec, seed: 0, data: "lab-batch")
        let run = Self.run(spec, initial: start.parameters, data: try #require(start.data), lr: 0.01, epochs: epochs)
        let every500 = try #require(f["losses_every_500"] as? [Double])
        for (k, b) in every500.enumerated() {
            let a = run.losses[500 * k + 499]
            #expect(CourseFixture.close(a, b, relative: 1e-6), "epoch \(500 * k + 500): \(a) vs NumPy \(b)")
        }
        let prediction = MLP(spec: spec).forward(run.final, inputs: [3.0 / 20, -1.0 / 20])
        let numpy = try #require(f["prediction_3_m1"] as? [Double])
        for (a, b) in zip(prediction, numpy) { #expect(abs(a - b) < 1e-6, "\(prediction) vs NumPy \(numpy)") }
        // The course's comment: "Expected [9, 1, -6]" (x1^2, x2^2, 2 x1 x2 at (3, -1)).
        for (a, b) in zip(prediction, [9.0, 1, -6]) { #expect(abs(a - b) < 0.5, "\(prediction) vs the course's [9, 1, -6]") }
    }
}

import Foundation
import Testing

/// `descent train` runs of the course programs with `--rng numpy`: the programs' printed output,
/// the chapter's hand-computed updates, and the messages for bad input.
@Suite("descent train, course-exact")
struct CourseExactTrainTests {
    static let fashionMNIST = "/usr/share/datasets/fashion-mnist"

    @Test("001 two-layer lab: --print-epochs prints the course program's own output")
    func twoLayerLabPrintsTheCourseOutput() throws {
        let r = try DescentProcess.run(["train", "--model", "mlp", "--layers", "2,3,3", "--data", "lab-single", "--lr", "0.1",
                                        "--epochs", "20", "--rng", "numpy", "--seed", "0", "--print-epochs", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        // Examples/two-layer-lab.txt is the output of the course's NumPy program (001, slide 50).
        let course = try String(contentsOfFile: Repository.example("two-layer-lab.txt"), encoding: .utf8)
        #expect(r.stdout == course)
    }

    @Test("002 ch. 4.3: one ascent step on L = (x w1 + b1) w2 + b2 from (0.5, 1.5), alpha 0.2 and 0.1")
    func chainRuleUpdates() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        // x = 2, b1 = 1, b2 = 0.5; the chapter steps w + alpha dL/dw, which is descent on -L.
        for (alpha, w, z, l) in [(0.2, [1.1, 1.9], 3.2, 6.58), (0.1, [0.8, 1.7], 2.6, 4.92)] {
            let log = dir.path("chain-\(alpha).jsonl")
            let r = try DescentProcess.run(["train", "--function=-((2*x + 1)*y + 0.5)", "--start", "0.5,1.5", "--lr", "\(alpha)",
                                            "--steps", "1", "--log", log, "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            let steps = try TrainCommandTests.lines(log).filter { $0["type"] as? String == "step" }
            let p = try #require(steps.last?["params"] as? [Double])
            #expect(abs(p[0] - w[0]) < 1e-12 && abs(p[1] - w[1]) < 1e-12)
            #expect(abs((2 * p[0] + 1) - z) < 1e-12)
            #expect(abs(-(steps.last?["loss"] as? Double ?? 0) - l) < 1e-12)
            #expect(steps.first?["loss"] as? Double == -3.5)
        }
    }

    @Test("the run log's header records the generator")
    func headerRecordsTheGenerator() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        for (rng, name) in [("numpy", "NumPy legacy MT19937 (np.random.seed) + polar Gaussian"), ("splitmix", "SplitMix64 + Box-Muller")] {
            let r = try DescentProcess.run(["train", "--model", "mlp", "--layers", "3,4,1", "--activation", "sigmoid", "--output", "sigmoid",
                                            "--loss", "mse", "--no-bias", "--initialization", "uniform", "--weight-shape", "in-out",
                                            "--reduction", "sum", "--data", "xor3", "--lr", "1", "--epochs", "2", "--rng", rng,
                                            "--seed", "1", "--log", dir.path("\(rng).jsonl"), "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            let header = try TrainCommandTests.lines(dir.path("\(rng).jsonl"))[0]
            #expect(header["rng"] as? String == rng && header["generator"] as? String == name)
            #expect(header["bias"] as? Bool == false && header["reduction"] as? String == "sum" && header["weight_shape"] as? String == "in-out")
            #expect(header["parameter_count"] as? Int == 16)
        }
    }

    /// Runs `arguments` + `--log`, expecting exit 1, one stderr line containing `message`, and no log.
    func refuses(_ arguments: [String], _ message: String, in dir: TemporaryDirectory) throws {
        let log = dir.path("refused.jsonl")
        let r = try DescentProcess.run(arguments + ["--log", log])
        #expect(r.status == 1, "\(arguments)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: log))
    }

    @Test("bad input: seed outside 0..2^32-1, --weights missing or misshapen, broken IDX files")
    func badInput() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let lab = ["train", "--model", "mlp", "--layers", "2,3,3", "--data", "lab-single", "--epochs", "1"]
        try refuses(lab + ["--rng", "numpy", "--seed", "4294967296"], "--seed 4294967296: --rng numpy takes a seed in 0..4294967295", in: dir)
        try refuses(lab + ["--weights", dir.path("none.json")], "\(dir.path("none.json")): cannot read the weights file (no such file)", in: dir)
        let w = try dir.write("w.json", #"{"W1": [[3, 2], [4, 1], [5, 2]]}"#)
        try refuses(lab + ["--weights", w], "\(w): no \"W2\": expected a 3 x 3 matrix (n_out x n_in for layers 2,3,3)", in: dir)
        try refuses(lab + ["--weights", w, "--weight-shape", "in-out"], "\(w): \"W1\" at 1:8: expected a 2 x 3 matrix (n_in x n_out for layers 2,3,3)", in: dir)
        // IDX: wrong magic, truncated data, counts that differ.
        let idx = dir.path("idx")
        try FileManager.default.createDirectory(atPath: idx, withIntermediateDirectories: true)
        func put(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: "\(idx)/\(name)")) }
        let mnist = ["train", "--model", "mlp", "--layers", "4,3", "--data", "idx:\(idx)", "--epochs", "1"]
        try put("train-images-idx3-ubyte", [0, 0, 8, 1, 0, 0, 0, 2, 1, 2])
        try put("train-labels-idx1-ubyte", [0, 0, 8, 1, 0, 0, 0, 2, 0, 1])
        try refuses(mnist, "\(idx)/train-images-idx3-ubyte: magic number 00 00 08 01, expected 00 00 08 03", in: dir)
        try put("train-images-idx3-ubyte", [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3, 4, 5, 6, 7])
        try refuses(mnist, "\(idx)/train-images-idx3-ubyte: truncated data: 7 bytes after the header, expected 8 (2 x 2 x 2)", in: dir)
        try put("train-images-idx3-ubyte", [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3, 4, 5, 6, 7, 8])
        try put("train-labels-idx1-ubyte", [0, 0, 8, 1, 0, 0, 0, 3, 0, 1, 2])
        try refuses(mnist, "\(idx)/train-labels-idx1-ubyte: 3 labels, expected 2, one for each image in \(idx)/train-images-idx3-ubyte", in: dir)
    }

    @Test("001 MNIST lab on Fashion-MNIST: NumPy's first losses to 1e-4, test accuracy in the run log",
          .enabled(if: FileManager.default.fileExists(atPath: "\(fashionMNIST)/train-images-idx3-ubyte.gz"),
                   "Debian's dataset-fashion-mnist is not installed (scripts/setup installs it)"))
    func mnistLabOnFashionMNIST() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = dir.path("mnist.jsonl")
        let r = try DescentProcess.run(["train", "--model", "mlp", "--layers", "784,32,10", "--activation", "relu", "--output", "linear",
                                        "--loss", "mse", "--data", "idx:\(Self.fashionMNIST)", "--standardize", "--lr", "0.0005",
                                        "--epochs", "3", "--rng", "numpy", "--seed", "0", "--log", log, "--print-epochs", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        // From scripts/make-course-fixtures.py: the course's MNIST-lab loop (float32 inputs) on the same files.
        let url = Repository.root.appendingPathComponent("Tests/TrainingTests/Fixtures/course-programs.json")
        let fixture = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let expected = try #require((fixture["mnist_lab_fashion"] as? [String: Any])?["losses_first_3"] as? [Double])
        let lines = try TrainCommandTests.lines(log)
        let epochs = lines.filter { $0["type"] as? String == "epoch" }.compactMap { $0["loss"] as? Double }
        #expect(epochs.count == 3)
        for (a, b) in zip(epochs, expected) { #expect(abs(a - b) <= 1e-4 * b, "\(a) vs NumPy \(b)") }
        let header = lines[0]
        #expect(header["train_samples"] as? Int == 60000 && header["test_samples"] as? Int == 10000 && header["standardize"] as? Bool == true)
        let end = try #require(lines.last)
        let accuracy = try #require(end["test_accuracy"] as? Double)
        #expect(accuracy > 0.1 && accuracy <= 1)
        #expect(r.stdout.hasPrefix("Epoch 01 | Loss: ") && r.stdout.contains("\nAccuracy: 0."))
    }
}

import Foundation
import Testing

/// `descent train` end to end through the built executable.
@Suite("descent train")
struct TrainCommandTests {
    /// The JSON objects of a run log, in order.
    static func lines(_ path: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // NaN / Infinity are not JSON for JSONSerialization: quote them to read the structure.
        return try text.split(separator: "\n").map { line in
            let safe = line.replacingOccurrences(of: ":NaN", with: ":\"NaN\"").replacingOccurrences(of: ":Infinity", with: ":\"Infinity\"")
            return try #require(try JSONSerialization.jsonObject(with: Data(safe.utf8)) as? [String: Any])
        }
    }

    @Test("a test function run logs header, step 0 at the start, every update")
    func functionRun() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let r = try DescentProcess.run(["train", "--function", "rosenbrock", "--start", "-1.5,2", "--optimizer", "adam",
                                        "--lr", "0.05", "--steps", "300", "--log", dir.path("run.jsonl")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "no progress line when stderr is not a terminal: \(r.stderr)")
        let log = try Self.lines(dir.path("run.jsonl"))
        let header = log[0]
        #expect(header["type"] as? String == "header")
        #expect(header["function"] as? String == "rosenbrock" && header["optimizer"] as? String == "adam")
        #expect(header["lr"] as? Double == 0.05 && header["steps"] as? Int == 300 && header["seed"] as? Int == 0)
        #expect(header["betas"] as? [Double] == [0.9, 0.999] && header["eps"] as? Double == 1e-8)
        let steps = log.filter { $0["type"] as? String == "step" }
        #expect(steps.count == 301)
        #expect(steps.map { $0["step"] as? Int } == (0...300).map { $0 })
        // Step 0: f(-1.5, 2) = 2.5^2 + 100 (2 - 2.25)^2 = 12.5, gradient (-155, -50).
        #expect(steps[0]["params"] as? [Double] == [-1.5, 2])
        #expect(steps[0]["loss"] as? Double == 12.5)
        #expect(abs((steps[0]["grad_norm"] as? Double ?? 0) - (155.0 * 155 + 50 * 50).squareRoot()) < 1e-9)
        // Adam's first step moves each coordinate by lr against the gradient's sign.
        let p1 = try #require(steps[1]["params"] as? [Double])
        #expect(abs(p1[0] - -1.45) < 1e-9 && abs(p1[1] - 2.05) < 1e-9)
        #expect(log.last?["type"] as? String == "end" && log.last?["status"] as? String == "completed")
        #expect(r.stdout.hasPrefix("final loss "))
    }

    @Test("descent plot reads the run log with no options")
    func plotTheLog() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let t = try DescentProcess.run(["train", "--model", "logistic", "--data", "plants", "--batch-size", "10", "--epochs", "5",
                                        "--lr", "0.1", "--validation", "0.2", "--log", dir.path("run.jsonl"), "--plot", dir.path("loss.png")])
        #expect(t.status == 0, "\(t.stderr)")
        let p = try DescentProcess.run(["plot", dir.path("run.jsonl"), "-o", dir.path("replot.png")])
        #expect(p.status == 0, "\(p.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.path("replot.png")))
        #expect(FileManager.default.fileExists(atPath: dir.path("loss.png")))
        let log = try Self.lines(dir.path("run.jsonl"))
        let epochs = log.filter { $0["type"] as? String == "epoch" }
        #expect(epochs.count == 5)
        #expect(epochs.allSatisfy { $0["val_loss"] is Double && $0["val_accuracy"] is Double && $0["loss"] is Double })
        // 80 training samples in batches of 10: 8 updates an epoch.
        #expect(log.filter { $0["type"] as? String == "step" }.count == 41)
        #expect(log[0]["train_samples"] as? Int == 80 && log[0]["validation_samples"] as? Int == 20)
    }

    @Test("the same seed gives the same log; another seed another")
    func reproducible() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        func run(_ seed: String, _ name: String) throws -> String {
            let r = try DescentProcess.run(["train", "--model", "mlp", "--layers", "2,8,2", "--activation", "tanh", "--output", "softmax",
                                            "--data", "moons", "--batch-size", "32", "--epochs", "3", "--optimizer", "adam",
                                            "--lr", "0.01", "--seed", seed, "--log", dir.path(name), "--quiet"])
            #expect(r.status == 0 && r.stdout.isEmpty, "\(r.stderr)")
            return try String(contentsOfFile: dir.path(name), encoding: .utf8)
                .split(separator: "\n").dropFirst().joined(separator: "\n")  // the header names the log path
        }
        let a = try run("7", "a.jsonl"), b = try run("7", "b.jsonl"), c = try run("8", "c.jsonl")
        #expect(a == b)
        #expect(a != c)
    }

    @Test("params are logged up to 64 parameters, or with --log-params")
    func paramsPolicy() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let base = ["train", "--model", "mlp", "--layers", "2,30,3", "--data", "lab-batch", "--samples", "50", "--lr", "0.001",
                    "--steps", "2"]
        #expect(try DescentProcess.run(base + ["--log", dir.path("a.jsonl")]).status == 0)
        #expect(try DescentProcess.run(base + ["--log", dir.path("b.jsonl"), "--log-params"]).status == 0)
        let a = try Self.lines(dir.path("a.jsonl")).filter { $0["type"] as? String == "step" }
        let b = try Self.lines(dir.path("b.jsonl")).filter { $0["type"] as? String == "step" }
        #expect(a.count == 3 && a.allSatisfy { $0["params"] == nil })
        #expect(b.count == 3 && b.allSatisfy { ($0["params"] as? [Double])?.count == 2 * 30 + 30 + 30 * 3 + 3 })
    }

    @Test("a diverging run stops, logs the step, says so, exits 0")
    func divergence() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        // Booth's Hessian has eigenvalue 18: SGD with lr 1 multiplies that component by -17 every step.
        let r = try DescentProcess.run(["train", "--function", "booth", "--start", "0,0", "--lr", "1", "--steps", "2000",
                                        "--log", dir.path("run.jsonl"), "--plot", dir.path("loss.png")])
        #expect(r.status == 0)
        #expect(r.stderr.contains("diverged") && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        let log = try Self.lines(dir.path("run.jsonl"))
        let end = try #require(log.last)
        #expect(end["status"] as? String == "diverged")
        let at = try #require(end["diverged_at_step"] as? Int)
        #expect(at > 100 && at < 2000)
        let last = log[log.count - 2]
        #expect(last["step"] as? Int == at && (last["loss"] is String))  // NaN or Infinity
        #expect(FileManager.default.fileExists(atPath: dir.path("loss.png")))
    }

    @Test("--check-gradients prints one line per parameter group")
    func gradientCheck() throws {
        let r = try DescentProcess.run(["train", "--model", "mlp", "--layers", "2,5,5,3", "--activation", "tanh", "--output", "softmax",
                                        "--data", "spirals", "--batch-size", "8", "--check-gradients"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.map { $0.split(separator: ":")[0] } == ["W1", "b1", "W2", "b2", "W3", "b3"])
    }

    @Test("CSV data with features, target and validation")
    func csvData() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        var csv = "a,b,label\n"
        for i in 0..<40 { csv += "\(Double(i % 7) / 7),\(Double(i % 5) / 5),\(i % 7 > 3 ? 1 : 0)\n" }
        let path = try dir.write("d.csv", csv)
        let r = try DescentProcess.run(["train", "--model", "mlp", "--layers", "2,4,2", "--output", "softmax", "--data", path,
                                        "--features", "a,b", "--target", "label", "--validation", "0.25", "--epochs", "2",
                                        "--lr", "0.1", "--log", dir.path("run.jsonl")])
        #expect(r.status == 0, "\(r.stderr)")
        let header = try Self.lines(dir.path("run.jsonl"))[0]
        #expect(header["features"] as? [String] == ["a", "b"] && header["train_samples"] as? Int == 30)
    }
}

/// `descent train` bad input: one stderr line, exit 1, no log written.
@Suite("descent train bad input")
struct TrainBadInputTests {
    static let cases: [([String], [String])] = [
        (["--function", "rosenbrok", "--start", "0,0", "--steps", "5"], ["unknown function 'rosenbrok'", "himmelblau", "goldstein-price"]),
        (["--model", "cnn", "--data", "xor3", "--epochs", "1"], ["The value 'cnn' is invalid for '--model <model>'", "'linear', 'logistic', 'mlp' or 'perceptron'"]),
        (["--model", "linear", "--data", "mnist", "--epochs", "1"], ["unknown data 'mnist'", "lab-batch", "spirals"]),
        (["--function", "booth", "--start", "0,0", "--optimizer", "lbfgs", "--steps", "5"], ["The value 'lbfgs' is invalid for '--optimizer <optimizer>'", "'sgd', 'rmsprop', 'adagrad' or 'adam'"]),
        (["--function", "booth", "--start", "0,0", "--lr", "0", "--steps", "5"], ["--lr", "positive"]),
        (["--function", "booth", "--start", "0,0", "--lr", "-0.1", "--steps", "5"], ["--lr", "positive"]),
        (["--model", "linear", "--data", "xor3", "--batch-size", "0", "--epochs", "1"], ["--batch-size 0", "1 to 4"]),
        (["--model", "linear", "--data", "xor3", "--batch-size", "5", "--epochs", "1"], ["--batch-size 5", "1 to 4"]),
        (["--model", "mlp", "--layers", "3,4,1", "--data", "lab-batch", "--epochs", "1"], ["input size 3", "2 feature"]),
        (["--model", "mlp", "--layers", "2,4,2", "--data", "lab-batch", "--epochs", "1"], ["2 output(s)", "3 target column"]),
        (["--model", "mlp", "--layers", "2,x,1", "--data", "lab-batch", "--epochs", "1"], ["--layers '2,x,1'"]),
        (["--function", "booth", "--start", "0", "--steps", "5"], ["--start '0'", "2 comma-separated numbers"]),
        (["--function", "booth", "--start", "0,0", "--betas", "0.9,0.99", "--steps", "5"], ["--betas", "adam"]),
        (["--function", "booth", "--start", "0,0"], ["--steps", "--epochs"]),
        (["--model", "logistic", "--data", "plants", "--loss", "ce", "--epochs", "1"], ["--loss ce needs --output softmax"]),
        (["--model", "linear", "--data", "plants", "--validation", "1.5", "--epochs", "1"], ["--validation 1.5"]),
        (["--model", "logistic", "--no-bias", "--data", "plants", "--epochs", "1"], ["--no-bias applies to --model linear"]),
        (["--model", "linear", "--no-bias", "--output", "sigmoid", "--data", "plants", "--epochs", "1"], ["--no-bias", "--output linear"]),
        (["--function", "booth", "--start", "0,0", "--no-bias", "--steps", "1"], ["--no-bias applies to --model runs"]),
    ]

    @Test(arguments: cases)
    func rejected(_ arguments: [String], _ mentions: [String]) throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let r = try DescentProcess.run(["train"] + arguments + ["--log", dir.path("run.jsonl")], in: dir.url)
        #expect(r.status == 1, "status \(r.status): \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        for m in mentions { #expect(r.stderr.contains(m), "'\(m)' in: \(r.stderr)") }
        #expect(dir.files().isEmpty)
    }

    @Test func csvWithBadCell() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = try dir.write("d.csv", "a,b,y\n1,2,3\n4,five,6\n")
        let r = try DescentProcess.run(["train", "--model", "linear", "--data", path, "--features", "a,b", "--target", "y",
                                        "--epochs", "1", "--log", dir.path("run.jsonl")])
        #expect(r.status == 1)
        #expect(r.stderr.contains("d.csv:3:3: expected a number in column 'b', found 'five'"), "\(r.stderr)")
        #expect(dir.files() == ["d.csv"])
    }

    @Test func csvWithMissingCell() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = try dir.write("d.csv", "a,b,y\n1,2,3\n4,5\n")
        let r = try DescentProcess.run(["train", "--model", "linear", "--data", path, "--features", "a,b", "--target", "y",
                                        "--epochs", "1", "--log", dir.path("run.jsonl")])
        #expect(r.status == 1)
        #expect(r.stderr.contains("d.csv:3:") && r.stderr.contains("missing cell for column 'y'"), "\(r.stderr)")
        #expect(dir.files() == ["d.csv"])
    }

    @Test func gradientCheckFailureExitsOne() throws {
        // The perceptron's rule is not a gradient: refused.
        let r = try DescentProcess.run(["train", "--model", "perceptron", "--data", "plants", "--check-gradients"])
        #expect(r.status == 1 && r.stderr.contains("perceptron"))
    }
}

@Suite("descent train gradient check on test functions")
struct TrainFunctionGradientCheckTests {
    @Test(arguments: ["rosenbrock", "beale", "goldstein-price", "ackley"])
    func analyticGradientAtTheStart(_ name: String) throws {
        let r = try DescentProcess.run(["train", "--function", name, "--start", "0.7,-0.4", "--check-gradients"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").map { $0.split(separator: ":")[0] } == ["x", "y"])
    }
}

import Foundation
import Testing

/// Network slices with paths: the PCA plane of the training path (`--directions pca`), run logs of
/// networks (`--run` alone), and their bad input.
@Suite("descent landscape: slices with paths")
struct LandscapeSliceCommandTests {
    /// The rows of the export's path section: (optimizer, step, x, y, loss).
    static func pathRows(_ csv: String) throws -> [(String, Int, Double, Double, Double)] {
        pathRows(text: try String(contentsOfFile: csv, encoding: .utf8))
    }

    /// The same rows from the export's text.
    static func pathRows(text: String) -> [(String, Int, Double, Double, Double)] {
        let section = text.components(separatedBy: "\n\n")[1]
        return section.split(separator: "\n").dropFirst().map { row in
            let f = row.split(separator: ",").map(String.init)
            return (f[0], Int(f[1])!, Double(f[2])!, Double(f[3])!, Double(f[4])!)
        }
    }

    /// The `loss` of the last step record of a run log.
    static func finalLoss(_ log: String) throws -> Double {
        let last = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").last { $0.contains("\"type\":\"step\"") }!
        return Double(last.split(separator: ",").first { $0.hasPrefix("\"loss\":") }!.dropFirst(7))!
    }

    /// `descent train` of the network the slice tests build on the spot: 2 -> 8 -> 3 on lab-batch, sgd, lr 0.01, 20 epochs.
    static func trainSmallLabNetwork(log: String) throws {
        let t = try DescentProcess.run(["train", "--model", "mlp", "--layers", "2,8,3", "--data", "lab-batch", "--optimizer", "sgd",
                                        "--lr", "0.01", "--epochs", "20", "--log", log, "--quiet"])
        #expect(t.status == 0, "stderr: \(t.stderr)")
    }

    /// The small lab network trained by `descent train` and sliced on the spot by `descent landscape`
    /// with `options`: the export's text and the run's final loss.
    static func sliceOfSmallLabNetwork(_ options: [String]) throws -> (csv: String, finalLoss: Double) {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let csv = dir.path("s.csv"), log = dir.path("t.jsonl")
        try trainSmallLabNetwork(log: log)
        let r = try DescentProcess.run(["landscape", "--data", "lab-batch", "--network", "2,8,3", "--lr", "0.01", "--epochs", "20"]
                                       + options + ["-o", dir.path("s.png"), "--export-data", csv])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        return (try String(contentsOfFile: csv, encoding: .utf8), try finalLoss(log))
    }

    @Test func pcaPathEndsAtTheTrainedWeightsAndStartsOnTheNegativeSide() throws {
        let (csv, loss) = try Self.sliceOfSmallLabNetwork(["--directions", "pca", "--resolution", "5"])
        let rows = Self.pathRows(text: csv)
        #expect(rows.count == 21)
        let end = try #require(rows.last), start = try #require(rows.first)
        #expect(abs(end.2) < 1e-9 && abs(end.3) < 1e-9)
        #expect(start.2 < 0)
        // At the origin the plane's loss is the trained network's loss, as descent train reports it.
        #expect(abs(end.4 - loss) <= 1e-9 * loss)
    }

    @Test func aNetworkRunLogAloneGivesItsSliceAndPath() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = dir.path("net.jsonl"), csv = dir.path("n.csv")
        let t = try DescentProcess.run(["train", "--model", "mlp", "--layers", "2,5,3", "--data", "blobs", "--output", "softmax",
                                        "--optimizer", "adam", "--lr", "0.05", "--epochs", "6", "--batch-size", "50", "--seed", "3",
                                        "--validation", "0.2", "--log", log, "--quiet"])
        #expect(t.status == 0, "stderr: \(t.stderr)")
        for directions in ["pca", "random"] {
            let r = try DescentProcess.run(["landscape", "--run", log, "--directions", directions, "--resolution", "5",
                                            "-o", dir.path("n-\(directions).png"), "--export-data", csv])
            #expect(r.status == 0, "stderr: \(r.stderr)")
            let rows = try Self.pathRows(csv)
            let steps = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").filter { $0.contains("\"type\":\"step\"") }
            #expect(rows.count == steps.count)
            #expect(rows.allSatisfy { $0.0 == "net" })
            // The model, data and validation split rebuilt from the header: the centre's loss is the logged final loss.
            let end = try #require(rows.last)
            #expect(abs(end.2) < 1e-9 && abs(end.3) < 1e-9)
            let loss = try Self.finalLoss(log)
            #expect(abs(end.4 - loss) <= 1e-9 * loss)
        }
    }

    @Test func aRunLogWhoseParametersStopBeingFiniteIsDrawnUpToThere() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = dir.path("d.jsonl"), csv = dir.path("d.csv")
        try Self.trainSmallLabNetwork(log: log)
        // A diverged last state: one parameter infinite (2 -> 8 -> 3 has 51).
        let text = try String(contentsOfFile: log, encoding: .utf8)
        let bad = "{\"type\":\"step\",\"step\":21,\"epoch\":20,\"loss\":Infinity,\"params\":[Infinity"
            + String(repeating: ",1", count: 50) + "]}\n"
        try (text + bad).write(toFile: log, atomically: true, encoding: .utf8)
        let r = try DescentProcess.run(["landscape", "--run", log, "--directions", "pca", "--resolution", "5",
                                        "-o", dir.path("d.png"), "--export-data", csv])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("the path stops there"))
        let steps = text.split(separator: "\n").filter { $0.contains("\"type\":\"step\"") }
        #expect(try Self.pathRows(csv).count == steps.count)
    }

    /// The path rows of `descent landscape --run LOG` alone, LOG from `descent train --function F` (GD).
    static func pathOfFunctionRunLog(_ function: String, start: String, lr: String, steps: Int) throws -> [(String, Int, Double, Double, Double)] {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = dir.path("r.jsonl"), csv = dir.path("r.csv")
        let t = try DescentProcess.run(["train", "--function", function, "--start", start, "--lr", lr, "--steps", String(steps),
                                        "--log", log, "--quiet"])
        #expect(t.status == 0, "stderr: \(t.stderr)")
        let r = try DescentProcess.run(["landscape", "--run", log, "--resolution", "5", "-o", dir.path("r.png"), "--export-data", csv])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        return try pathRows(csv)
    }

    @Test func anExpressionRunLogAloneNamesItsSurface() throws {
        // One GD step on x^2 + 3y from (1, 1): (0.8, 0.7), where the surface is 0.64 + 2.1.
        let rows = try Self.pathOfFunctionRunLog("x^2 + 3*y", start: "1,1", lr: "0.1", steps: 2)
        #expect(rows.count == 3)
        #expect(abs(rows[1].2 - 0.8) < 1e-12 && abs(rows[1].3 - 0.7) < 1e-12 && abs(rows[1].4 - 2.74) < 1e-12)
    }

    @Test func aFunctionRunLogAloneNamesItsSurface() throws {
        let rows = try Self.pathOfFunctionRunLog("booth", start: "-5,5", lr: "0.05", steps: 3)
        #expect(rows.count == 4)
        // First GD step on Booth from (-5, 5): the gradient there is (-44, -28); the loss is Booth's value.
        let p = rows[1], (x, y) = (-5 + 0.05 * 44, 5 + 0.05 * 28)
        #expect(abs(p.2 - x) < 1e-12 && abs(p.3 - y) < 1e-12)
        #expect(abs(p.4 - ((x + 2 * y - 7) * (x + 2 * y - 7) + (2 * x + y - 5) * (2 * x + y - 5))) < 1e-9)
    }

    @Test(arguments: [
        (["--data", "lab-batch", "--network", "2,4,3", "--directions", "sideways"], "The value 'sideways' is invalid for '--directions <directions>'. Please provide one of 'random' and 'pca'"),
        (["--function", "booth", "--directions", "pca"], "--directions applies to network slices"),
        (["--data", "lab-batch", "--network", "2,4,3", "--epochs", "1", "--directions", "pca"], "at least 3 states"),
    ])
    func badSliceRequests(arguments: [String], message: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let r = try DescentProcess.run(["landscape"] + arguments + ["--resolution", "3", "-o", dir.path("x.png")])
        #expect(r.status == 1)
        #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
        #expect(dir.files().isEmpty)
    }

    @Test func runLogsThatCannotBeSlicedAreRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let perceptron = dir.path("p.jsonl"), net = dir.path("n.jsonl"), other = dir.path("o.jsonl")
        for (log, extra) in [(perceptron, ["--model", "perceptron", "--data", "plants", "--epochs", "2"]),
                             (net, ["--model", "mlp", "--layers", "2,4,3", "--data", "lab-batch", "--epochs", "2"]),
                             (other, ["--model", "mlp", "--layers", "2,5,3", "--data", "lab-batch", "--epochs", "2"])] {
            let t = try DescentProcess.run(["train"] + extra + ["--log", log, "--quiet"])
            #expect(t.status == 0, "stderr: \(t.stderr)")
        }
        let cases: [([String], String)] = [
            (["--run", perceptron], "the perceptron rule minimises no loss"),
            (["--run", net, "--run", other], "o.jsonl:2: 'params' has 33 values; the network of"),
            (["--data", "lab-batch", "--network", "2,4,3", "--run", net], "--run with --network"),
        ]
        for (arguments, message) in cases {
            let r = try DescentProcess.run(["landscape"] + arguments + ["--resolution", "3", "-o", dir.path("x.png")])
            #expect(r.status == 1)
            #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path("x.png")))
    }
}

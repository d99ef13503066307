import Foundation
import Testing
import CairoCanvas

/// `descent landscape` end to end: files written, the CSV export against closed forms, run
/// logs, and bad input (one stderr line, exit 1, no file).
@Suite("descent landscape")
struct LandscapeCommandTests {
    @Test func writesThePNGAndTheExportWithClosedFormValues() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let out = dir.path("bowl.png"), csv = dir.path("bowl.csv")
        let r = try DescentProcess.run(["landscape", "--function", "booth", "--resolution", "11", "--optimizers", "gd",
                                        "--lr", "0.05", "--steps", "5", "--start", "-5,5", "-o", out, "--export-data", csv])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let png = try PNGFile.decodeRGB([UInt8](Data(contentsOf: URL(fileURLWithPath: out))))
        #expect(png.width == 960 && png.height == 600)
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        let sections = text.components(separatedBy: "\n\n")
        #expect(sections.count == 2)
        let grid = sections[0].split(separator: "\n").dropFirst()
        #expect(grid.count == 121)
        // Booth: (x + 2y - 7)^2 + (2x + y - 5)^2 over [-10, 10]^2, step 2.
        for row in grid {
            let v = row.split(separator: ",").map { Double($0)! }
            let (x, y) = (v[0], v[1])
            #expect(abs(v[2] - ((x + 2 * y - 7) * (x + 2 * y - 7) + (2 * x + y - 5) * (2 * x + y - 5))) < 1e-9)
        }
        let path = sections[1].split(separator: "\n")
        #expect(path.first == "optimizer,step,x,y,loss")
        #expect(path.count == 7)
        // First GD step from (-5, 5): gradient (2a + 4b, 4a + 2b) with a = -2, b = -10 is (-44, -28).
        let first = path[2].split(separator: ",").suffix(3).map { Double($0)! }
        #expect(abs(first[0] - (-5 + 0.05 * 44)) < 1e-12 && abs(first[1] - (5 + 0.05 * 28)) < 1e-12)
    }

    @Test func anExpressionIsASurfaceWithItsClosedFormValues() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let csv = dir.path("f.csv")
        let r = try DescentProcess.run(["landscape", "--function", "x^2 + 3*y", "--resolution", "5", "--optimizers", "gd",
                                        "--lr", "0.1", "--steps", "1", "--start", "1,1", "-o", dir.path("f.png"), "--export-data", csv])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let sections = try String(contentsOfFile: csv, encoding: .utf8).components(separatedBy: "\n\n")
        let grid = sections[0].split(separator: "\n").dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
        #expect(grid.count == 25)
        for v in grid { #expect(abs(v[2] - (v[0] * v[0] + 3 * v[1])) < 1e-12) }
        // One GD step from (1, 1) against the gradient (2x, 3).
        let step = sections[1].split(separator: "\n")[2].split(separator: ",").suffix(3).map { Double($0)! }
        #expect(abs(step[0] - 0.8) < 1e-12 && abs(step[1] - 0.7) < 1e-12)
    }

    @Test(arguments: [
        ("x^2 + 3*z", "--function:1:9: a surface is a function of x and y; 'z' is neither"),
        ("x^2 + (3*y", "--function:1:11: expected ')'"),
        ("rosenbrok", "unknown function 'rosenbrok': expected one of rosenbrock"),
    ])
    func badExpressionsPointAtTheProblem(text: String, message: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let r = try DescentProcess.run(["landscape", "--function", text, "-o", dir.path("f.png")])
        #expect(r.status == 1)
        #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
        #expect(dir.files().isEmpty)
    }

    @Test(arguments: ["svg", "pdf"])
    func writesVectorFormats(ext: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let out = dir.path("s.\(ext)")
        let r = try DescentProcess.run(["landscape", "--function", "saddle", "--resolution", "40", "-o", out])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let head = try String(decoding: Data(contentsOf: URL(fileURLWithPath: out)).prefix(5), as: UTF8.self)
        #expect(head.hasPrefix(ext == "svg" ? "<?xml" : "%PDF"))
    }

    @Test func drawsThePathOfATrainRunLog() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = dir.path("run.jsonl"), csv = dir.path("h.csv")
        let t = try DescentProcess.run(["train", "--function", "himmelblau", "--start", "-1,-1", "--optimizer", "sgd", "--lr", "0.01",
                                        "--steps", "20", "--log", log, "--quiet"])
        #expect(t.status == 0, "stderr: \(t.stderr)")
        let r = try DescentProcess.run(["landscape", "--function", "himmelblau", "--run", log, "--resolution", "50",
                                        "-o", dir.path("h.png"), "--export-data", csv])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let rows = try String(contentsOfFile: csv, encoding: .utf8).components(separatedBy: "\n\n")[1].split(separator: "\n")
        #expect(rows.count == 22)
        #expect(rows[1].hasPrefix("run,0,-1,-1,"))
    }

    @Test func linear2dDrawsTheWeightsPlaneOfABiasFreeTrainRun() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = dir.path("run.jsonl"), csv = dir.path("w.csv")
        let t = try DescentProcess.run(["train", "--model", "linear", "--no-bias", "--data", "linear2d", "--batch-size", "16",
                                        "--lr", "0.05", "--steps", "30", "--log", log, "--quiet"])
        #expect(t.status == 0, "stderr: \(t.stderr)")
        let r = try DescentProcess.run(["landscape", "--data", "linear2d", "--run", log, "--resolution", "5",
                                        "-o", dir.path("w.png"), "--export-data", csv])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let sections = try String(contentsOfFile: csv, encoding: .utf8).components(separatedBy: "\n\n")
        // The grid spans the anchor's plane (w1, w2) in [-2, 4] x [-3, 2].
        let grid = sections[0].split(separator: "\n").dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
        #expect(grid.first?.prefix(2) == [-2, -3] && grid.last?.prefix(2) == [4, 2])
        // The run's last record holds its loss on the whole data set: the landscape's loss at those weights.
        let rows = sections[1].split(separator: "\n").dropFirst()
        #expect(rows.count == 31)
        let logged = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .last { $0["type"] as? String == "step" }
        let loggedLoss = try #require(logged?["loss"] as? Double)
        let drawnLoss = try #require(rows.last.flatMap { Double($0.split(separator: ",").last!) })
        #expect(abs(loggedLoss - drawnLoss) < 1e-9 * max(1, loggedLoss))
        // --run alone rebuilds the bias-free model from the log's header: the same plane and path.
        let alone = dir.path("alone.csv")
        let a = try DescentProcess.run(["landscape", "--run", log, "--resolution", "5", "-o", dir.path("a.png"), "--export-data", alone])
        #expect(a.status == 0, "stderr: \(a.stderr)")
        #expect(try String(contentsOfFile: alone, encoding: .utf8) == String(contentsOfFile: csv, encoding: .utf8))
    }

    @Test func aRunWithABiasOnLinear2dIsRefusedWithAHint() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = dir.path("run.jsonl")
        let t = try DescentProcess.run(["train", "--model", "linear", "--data", "linear2d", "--steps", "2", "--log", log, "--quiet"])
        #expect(t.status == 0, "stderr: \(t.stderr)")
        let r = try DescentProcess.run(["landscape", "--data", "linear2d", "--run", log, "-o", dir.path("w.png")])
        #expect(r.status == 1)
        #expect(r.stderr.contains("'params' has 3 values") && r.stderr.contains("--no-bias"), "stderr: \(r.stderr)")
        #expect(dir.files() == ["run.jsonl"])
    }

    @Test func noteForNonFiniteCells() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        // Goldstein-Price overflows nowhere, but a huge range of the bowl does: 0.5 * 1e300^2 = inf.
        let r = try DescentProcess.run(["landscape", "--function", "quadratic", "--xlim", "-1e300,1e300", "--ylim", "-1,1",
                                        "--resolution", "21", "-o", dir.path("inf.png")])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("NaN or infinite"))
        #expect(FileManager.default.fileExists(atPath: dir.path("inf.png")))
    }

    static let badInput: [(arguments: [String], message: String)] = [
        (["--function", "rosenbrok"], "unknown function 'rosenbrok': expected one of rosenbrock, himmelblau"),
        (["--function", "booth", "--optimizers", "gd,lbfgs"], "unknown optimizer 'lbfgs' in 'lbfgs': expected one of gd, minibatch"),
        (["--function", "booth", "--optimizers", "sgd"], "'sgd' draws real batches of data"),
        (["--function", "booth", "--xlim", "2,1"], "--xlim '2,1': expected LOW,HIGH with LOW < HIGH"),
        (["--function", "booth", "--ylim", "1,1"], "--ylim '1,1': expected LOW,HIGH"),
        (["--function", "booth", "--resolution", "0"], "--resolution 0: expected at least 2"),
        (["--function", "booth", "--resolution", "100000"], "grid would need 186.3 GiB (20 bytes per point); the limit is 2.0 GiB"),
        (["--data", "nosuch"], "unknown data 'nosuch': expected one of"),
        (["--data", "linear2d", "--model", "logistic"], "--model logistic needs two-class data"),
        ([], "give a surface: --function NAME"),
        (["--function", "booth", "--colormap", "jet"], "The value 'jet' is invalid for '--colormap <colormap>'. Please provide one of 'viridis', 'magma', 'inferno', 'cividis' or 'rdbu'"),
    ]

    @Test(arguments: badInput.indices)
    func badInputFailsWithOneLineAndNoFile(index: Int) throws {
        let c = Self.badInput[index]
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let r = try DescentProcess.run(["landscape"] + c.arguments + ["-o", dir.path("x.png"), "--export-data", dir.path("x.csv")])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("descent: error: "))
        #expect(r.stderr.contains(c.message), "stderr: \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(dir.files().isEmpty)
    }

    @Test func runLogWithoutParamsFails() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = try dir.write("noparams.jsonl", "{\"type\":\"step\",\"step\":0,\"loss\":1}\n")
        let r = try DescentProcess.run(["landscape", "--function", "booth", "--run", log, "-o", dir.path("x.png")])
        #expect(r.status == 1)
        #expect(r.stderr.contains("noparams.jsonl: the step records have no 'params'"))
        #expect(dir.files() == ["noparams.jsonl"])
    }
}

/// `--3d` writes a figure and refuses `--quiver`.
@Suite("descent landscape --3d")
struct Landscape3DCommandTests {
    @Test func writesA3DFigure() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let out = dir.path("s.png")
        let r = try DescentProcess.run(["landscape", "--function", "booth", "--3d", "--mesh", "20", "--resolution", "50",
                                        "--optimizers", "gd", "--lr", "0.05", "--steps", "10", "-o", out])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: out))
    }

    @Test func refusesQuiverIn3D() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let r = try DescentProcess.run(["landscape", "--function", "booth", "--3d", "--quiver", "10", "-o", dir.path("s.png")])
        #expect(r.status == 1)
        #expect(r.stderr.contains("does not combine with --3d"))
        #expect(dir.files().isEmpty)
    }
}

/// `--network`: a slice through a small network trained on the spot; its centre is the trained loss.
@Suite("descent landscape --network")
struct LandscapeNetworkCommandTests {
    @Test func sliceCentreIsTheTrainedLoss() throws {
        // The same network, data, seed and epochs through descent train: its final loss is the slice's centre.
        let (csv, loss) = try LandscapeSliceCommandTests.sliceOfSmallLabNetwork(["--resolution", "3"])
        let centre = csv.split(separator: "\n").first { $0.hasPrefix("0,0,") }.map { Double($0.split(separator: ",")[2])! }
        #expect(centre != nil && abs(centre! - loss) <= 1e-9 * loss)
    }
}

import Testing
import Foundation

/// `descent plot` end to end: formats, stdin, sparse logs, divergence, export.
@Suite("descent plot")
struct PlotCommandTests {
    /// Plots with `--export-data` and returns the exported rows (without the header).
    func export(_ arguments: [String], files: [String: String], stdin: String? = nil) throws -> (header: String, rows: [[String]], stderr: String) {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        for (name, text) in files { try dir.write(name, text) }
        let args = arguments.map { $0.replacingOccurrences(of: "@", with: dir.url.path + "/") }
        let r = try DescentProcess.run(args + ["-o", dir.path("out.png"), "--export-data", dir.path("data.csv")],
                                       stdin: stdin.map { Data($0.utf8) })
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.path("out.png")))
        let text = try String(contentsOfFile: dir.path("data.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        return (lines[0], lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }, r.stderr)
    }

    @Test("the course lab's printed output, read from standard input")
    func courseLabFromStdin() throws {
        let lab = "Epoch 01 | Loss: 32.5000\nEpoch 02 | Loss: 8.1250\nEpoch 03 | Loss: 2.0312\n"
        let e = try export(["plot", "-"], files: [:], stdin: lab)
        #expect(e.header == "run,series,x,y")
        #expect(e.rows == [["stdin", "loss", "1", "32.5"], ["stdin", "loss", "2", "8.125"], ["stdin", "loss", "3", "2.0312"]])
    }

    @Test("key=value and step lines")
    func textForms() throws {
        let e = try export(["plot", "@train.log"], files: ["train.log": "epoch=1 loss=0.5 val_loss=0.7\nepoch=2 loss=0.25 val_loss=0.6\n"])
        #expect(e.rows.filter { $0[1] == "val_loss" }.map { $0[3] } == ["0.7", "0.6"])
        let s = try export(["plot", "@out.log"], files: ["out.log": "step 100: loss 0.5\nstep 200: loss 0.25\n"])
        #expect(s.rows.map { $0[2] } == ["100", "200"])
    }

    @Test("a sparse log skips points per series only")
    func sparse() throws {
        let csv = "step,loss,val_loss\n0,1.0,1.2\n1,0.8,\n2,0.6,\n3,0.5,0.9\n"
        let e = try export(["plot", "@run.csv"], files: ["run.csv": csv])
        #expect(e.rows.filter { $0[1] == "loss" }.count == 4)
        #expect(e.rows.filter { $0[1] == "val_loss" }.map { $0[2] } == ["0", "3"])
    }

    @Test("x defaults to step, else epoch, else the row number; y to the loss columns")
    func defaults() throws {
        let e = try export(["plot", "@run.csv"], files: ["run.csv": "epoch,step,loss,accuracy\n1,10,0.5,0.8\n1,20,0.4,0.9\n"])
        #expect(e.rows.map { $0[2] } == ["10", "20"])
        #expect(Set(e.rows.map { $0[1] }) == ["loss"])
        let rows = try export(["plot", "@run.csv"], files: ["run.csv": "train,validation\n0.5,0.6\n0.4,0.5\n"])
        #expect(rows.rows.map { $0[2] } == ["1", "2", "1", "2"])
        #expect(rows.rows.map { $0[1] } == ["train", "train", "validation", "validation"])
    }

    @Test("a diverged run still plots, exit 0, with a note naming where")
    func divergence() throws {
        let csv = "step,loss\n0,1\n1,10\n2,1e200\n3,inf\n4,nan\n"
        let e = try export(["plot", "@run.csv", "--log-y"], files: ["run.csv": csv])
        #expect(e.rows.map { $0[3] } == ["1", "10", "1e+200", "inf", "nan"])
        #expect(e.stderr.contains("+∞ at step 3"), "\(e.stderr)")
    }

    @Test("several runs overlay, labelled by file name or --label")
    func runs() throws {
        let files = ["a.csv": "step,loss\n0,1\n1,0.5\n", "b.csv": "step,loss\n0,2\n1,1\n"]
        let e = try export(["plot", "@a.csv", "@b.csv"], files: files)
        #expect(Set(e.rows.map { $0[0] }) == ["a", "b"])
        let l = try export(["plot", "@a.csv", "@b.csv", "--label", "adam", "--label", "sgd"], files: files)
        #expect(Set(l.rows.map { $0[0] }) == ["adam", "sgd"])
    }

    @Test("--smooth exports the smoothed column (TensorBoard's EMA, worked by hand)")
    func smoothExport() throws {
        let e = try export(["plot", "@run.csv", "--smooth", "0.5"], files: ["run.csv": "step,loss\n0,1\n1,2\n2,3\n"])
        #expect(e.header == "run,series,x,y,smoothed")
        let smoothed = e.rows.map { Double($0[4])! }
        #expect(abs(smoothed[0] - 1) < 1e-12 && abs(smoothed[1] - 1.25 / 0.75) < 1e-12 && abs(smoothed[2] - 2.125 / 0.875) < 1e-12)
    }

    @Test("--terminal prints a braille chart instead of writing a file")
    func terminal() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = try dir.write("run.csv", "step,loss\n0,1\n1,0.5\n2,0.25\n3,0.125\n")
        let r = try DescentProcess.run(["plot", log, "--terminal"], in: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }, "braille dots")
        #expect(r.stdout.contains("loss"))
        #expect(!r.stdout.contains("\u{1B}["), "no colour codes when stdout is not a terminal")
        #expect(dir.files() == ["run.csv"])
    }
}

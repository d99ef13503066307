import Testing
import Foundation

/// `descent plot` on framework logs: wall-clock axes, forced formats, damaged files, --follow.
@Suite("descent plot on framework logs")
struct FrameworkPlotTests {
    static let fixtures = Repository.root.appendingPathComponent("Tests/RunLogsTests/Fixtures").path

    func exported(_ arguments: [String]) throws -> (rows: [[String]], stderr: String) {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let r = try DescentProcess.run(arguments + ["-o", dir.path("out.png"), "--export-data", dir.path("data.csv")])
        #expect(r.status == 0, "\(r.stderr)")
        let text = (try? String(contentsOfFile: dir.path("data.csv"), encoding: .utf8)) ?? ""
        return (text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }, r.stderr)
    }

    @Test("--x relative: time since the run's first point (wall time 1700000000 + 10k s; 190 s span reads in minutes)")
    func relative() throws {
        let e = try exported(["plot", Self.fixtures + "/tensorboard-writer", "--x", "relative"])
        let xs = e.rows.map { Double($0[2])! }
        #expect(xs.count == 20)
        for (k, x) in xs.enumerated() { #expect(abs(x - 10.0 * Double(k) / 60) < 1e-12) }
    }

    @Test("--x wall: the wall-clock seconds")
    func wall() throws {
        let e = try exported(["plot", Self.fixtures + "/run-train-tag-loss.csv", "--x", "wall"])
        #expect(e.rows.first?[2] == "1700000000")
        #expect(e.rows.last?[2] == "1700000190")
    }

    @Test("--x wall on a log without wall time says what is missing")
    func wallMissing() throws {
        let r = try DescentProcess.run(["plot", Self.fixtures + "/keras-csvlogger.csv", "--x", "wall", "-o", "/tmp/descent-never.png"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("needs wall-clock times"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/descent-never.png"))
    }

    @Test("an unknown --input-format lists the formats")
    func unknownInputFormat() throws {
        let r = try DescentProcess.run(["plot", Self.fixtures + "/keras-csvlogger.csv", "--input-format", "parquet", "-o", "/tmp/descent-never.png"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("tensorboard") && r.stderr.contains("wandb"))
    }

    @Test("a cut-off event file still plots, with a warning naming the byte offset (exit 0)")
    func truncatedEvents() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let source = Self.fixtures + "/tf2-double"
        let name = try FileManager.default.contentsOfDirectory(atPath: source).first { $0.contains("tfevents") }!
        let bytes = try Data(contentsOf: URL(fileURLWithPath: source + "/" + name))
        try bytes.prefix(bytes.count - 7).write(to: URL(fileURLWithPath: dir.path("events.out.tfevents.cut")))
        let r = try DescentProcess.run(["plot", dir.path("events.out.tfevents.cut"), "-o", dir.path("out.png"),
                                        "--export-data", dir.path("data.csv")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning:") && r.stderr.contains("cut off") && r.stderr.contains("byte "))
        let rows = try String(contentsOfFile: dir.path("data.csv"), encoding: .utf8).split(separator: "\n").count - 1
        #expect(rows == 19, "every record but the cut-off last one")
    }

    @Test("--follow redraws as the log grows and stops cleanly on Ctrl-C")
    func follow() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = try dir.write("run.csv", "step,loss\n0,1.0\n1,0.5\n2,0.25\n")
        let process = Process()
        process.executableURL = DescentProcess.executable
        process.arguments = ["plot", log, "-o", dir.path("out.png"), "--export-data", dir.path("data.csv"), "--follow"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        func exportedRows() -> Int {
            ((try? String(contentsOfFile: dir.path("data.csv"), encoding: .utf8)) ?? "").split(separator: "\n").count - 1
        }
        func wait(for rows: Int) -> Bool {
            for _ in 0..<100 where exportedRows() != rows { usleep(100_000) }
            return exportedRows() == rows
        }
        #expect(wait(for: 3))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        handle.seekToEndOfFile()
        handle.write(Data("3,0.125\n4,0.0625\n".utf8))
        try handle.close()
        #expect(wait(for: 5))
        process.interrupt()
        var waited = 0
        while process.isRunning && waited < 100 { usleep(100_000); waited += 1 }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(waited < 100, "Ctrl-C did not stop --follow within 10 s")
        #expect(process.terminationStatus == 0)
        #expect(dir.files() == ["data.csv", "out.png", "run.csv"], "no temporary files left: \(dir.files())")
    }
}

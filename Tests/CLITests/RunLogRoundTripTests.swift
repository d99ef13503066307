import Foundation
import Testing

/// `descent train --log` read back by `descent landscape --run`: names holding NaN or Infinity,
/// non-finite numbers, CRLF line ends and a byte order mark.
@Suite("run logs read back")
struct RunLogRoundTripTests {
    /// The `params` of each step line, cut out of the text and read with `Double(_:)` (the
    /// shortest round-trip spelling the log writes; Foundation's JSON parser rounds some decimals).
    static func loggedParams(_ path: String) throws -> [[Double]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            .filter { $0.hasPrefix("{\"type\":\"step\"") }
            .map { line in
                let list = try #require(line.range(of: "\"params\":[")).upperBound
                return line[list...].prefix { $0 != "]" }.split(separator: ",").map { Double(String($0))! }
            }
    }

    /// The exported path rows (optimizer,step,x,y,loss) as numbers after the label.
    static func exportedPath(_ csv: String) throws -> [[Double]] {
        try String(contentsOfFile: csv, encoding: .utf8).components(separatedBy: "\n\n")[1].split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",").dropFirst().map { Double($0)! } }
    }

    @Test func aLogNamedNaNIsReadBackByLandscapeRun() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = dir.path("NaN-run.jsonl"), csv = dir.path("NaN-Infinity.csv")
        let t = try DescentProcess.run(["train", "--function", "himmelblau", "--start=-1,-1", "--lr", "0.01", "--steps", "12",
                                        "--log", log, "--quiet"])
        #expect(t.status == 0, "stderr: \(t.stderr)")
        #expect(try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")[0].contains("NaN-run.jsonl"))
        let r = try DescentProcess.run(["landscape", "--run", log, "--resolution", "20", "-o", dir.path("NaN.png"), "--export-data", csv])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let logged = try Self.loggedParams(log)
        let rows = try Self.exportedPath(csv)
        #expect(rows.count == 13 && logged.count == 13)
        for (row, p) in zip(rows, logged) {
            #expect(row[1] == p[0] && row[2] == p[1])
            // Himmelblau's value at the logged point: (x^2 + y - 11)^2 + (x + y^2 - 7)^2.
            let (x, y) = (p[0], p[1])
            let f = (x * x + y - 11) * (x * x + y - 11) + (x + y * y - 7) * (x + y * y - 7)
            #expect(abs(row[3] - f) <= 1e-12 * max(1, f))
        }
    }

    @Test func crlfAndAByteOrderMarkReadAsTheSameLog() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = dir.path("run.jsonl")
        let t = try DescentProcess.run(["train", "--function", "booth", "--start", "1,1", "--lr", "0.05", "--steps", "8",
                                        "--log", log, "--quiet"])
        #expect(t.status == 0, "stderr: \(t.stderr)")
        let text = try String(contentsOfFile: log, encoding: .utf8)
        let crlf = try dir.write("crlf.jsonl", "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n"))
        var exports: [String] = []
        for (name, file) in [("lf", log), ("crlf", crlf)] {
            let csv = dir.path("\(name).csv")
            let r = try DescentProcess.run(["landscape", "--run", file, "--resolution", "10", "-o", dir.path("\(name).png"),
                                            "--export-data", csv])
            #expect(r.status == 0, "stderr: \(r.stderr)")
            exports.append(try String(contentsOfFile: csv, encoding: .utf8).replacingOccurrences(of: name == "lf" ? "run," : "crlf,", with: "X,"))
        }
        #expect(exports.count == 2 && exports[0] == exports[1])
        #expect(try Self.exportedPath(dir.path("crlf.csv")).count == 9)
    }

    @Test func aDivergedRunWithNonFiniteParamsIsDrawnUpToWhereItStops() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = dir.path("d.jsonl"), csv = dir.path("d.csv")
        let t = try DescentProcess.run(["train", "--function", "rosenbrock", "--start", "2,2", "--lr", "1", "--steps", "40",
                                        "--log", log, "--quiet"])
        #expect(t.status == 0, "stderr: \(t.stderr)")
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.contains("Infinity") || text.contains("NaN"))
        let r = try DescentProcess.run(["landscape", "--run", log, "--resolution", "10", "-o", dir.path("d.png"), "--export-data", csv])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        // Every logged step is drawn, up to the one whose loss overflowed (Rosenbrock at ~1e120 is infinite).
        let rows = try Self.exportedPath(csv)
        #expect(rows.count == (try Self.loggedParams(log)).count)
        #expect(rows.dropLast().allSatisfy { $0[3].isFinite } && rows.last?[3] == .infinity)
    }

    @Test func aBrokenLineIsNamedWithItsNumber() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = try dir.write("b.jsonl", "{\"type\":\"header\",\"function\":\"booth\"}\r\n{\"type\":\"step\",\"step\":0,\"loss\":1,\"params\":[1,\"x\"]}\r\n")
        let r = try DescentProcess.run(["landscape", "--run", log, "-o", dir.path("b.png")])
        #expect(r.status == 1)
        #expect(r.stderr.contains("b.jsonl:2: 'params[1]': expected a number"), "stderr: \(r.stderr)")
        #expect(dir.files() == ["b.jsonl"])
    }
}

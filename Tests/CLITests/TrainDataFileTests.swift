import Foundation
import Testing

/// `descent train --data FILE.csv` through the delimited reader: a CRLF file with a byte order
/// mark and quoted header cells trains exactly as its LF twin (issue 14, bug 4).
@Suite("train --data CSV files")
struct TrainDataFileTests {
    @Test func crlfQuotesAndABOMTrainAsTheLFFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        var rows = ""
        for i in 0..<20 { rows += "\(Double(i) / 10),\(Double(i % 3)),\(2 * Double(i) / 10 + 1)\n" }
        let lf = try dir.write("lf.csv", "a,b,y\n" + rows)
        let crlf = try dir.write("crlf.csv", "\u{FEFF}\"a\",\"b\",y\r\n" + rows.replacingOccurrences(of: "\n", with: "\r\n"))
        var logs: [[Substring]] = []
        for file in [lf, crlf] {
            let log = file + ".jsonl"
            let r = try DescentProcess.run(["train", "--model", "linear", "--data", file, "--features", "a,b", "--target", "y",
                                            "--lr", "0.1", "--steps", "5", "--log", log, "--quiet"])
            #expect(r.status == 0, "stderr: \(r.stderr)")
            logs.append(try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").dropFirst().map { $0 })
        }
        #expect(logs[0].filter { $0.hasPrefix("{\"type\":\"step\"") }.count == 6 && logs[0] == logs[1])
    }
}

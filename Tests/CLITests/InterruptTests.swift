import Testing
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C and SIGTERM during `train --log`: the step finishes, the log so far is written with
/// an end line saying it was interrupted, no temporary file is left, and the exit status is 130.
@Suite("Interrupts")
struct InterruptTests {
    func interruptedTraining(signal: Int32) throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let err = Pipe()
        let p = try EndlessTraining.start(outputs: ["--log", "run.jsonl"], in: dir.url, stderr: err)
        // Wait until the run log's temporary file has received its first lines.
        let deadline = Date().addingTimeInterval(60)
        var seen = false
        while Date() < deadline && !seen {
            for name in dir.files() where name.hasPrefix(".run.jsonl.tmp-") {
                var info = stat()
                if stat(dir.path(name), &info) == 0 && info.st_size > 0 { seen = true }
            }
            usleep(20_000)
        }
        #expect(seen, "the log streams to its temporary file while training")
        kill(p.processIdentifier, signal)
        let stopBy = Date().addingTimeInterval(30)
        while p.isRunning && Date() < stopBy { usleep(20_000) }
        if p.isRunning {
            kill(p.processIdentifier, SIGKILL)
            Issue.record("the run did not stop within 30 s of the signal")
        }
        p.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(p.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("interrupted"), "\(stderr)")
        #expect(dir.files() == ["run.jsonl"], "no temporary file: \(dir.files())")
        let lines = try String(contentsOfFile: dir.path("run.jsonl"), encoding: .utf8).split(separator: "\n")
        let last = try #require(lines.last)
        let end = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        #expect(end["type"] as? String == "end")
        #expect(end["status"] as? String == "interrupted")
        let steps = try #require(end["steps"] as? Int)
        // Header, one line per state 0...steps, end line: every line whole.
        #expect(lines.count == steps + 3)
        let lastStep = try #require(try JSONSerialization.jsonObject(with: Data(lines[lines.count - 2].utf8)) as? [String: Any])
        #expect(lastStep["step"] as? Int == steps)
    }

    @Test("SIGINT (Ctrl-C) during train --log")
    func sigint() throws { try interruptedTraining(signal: SIGINT) }

    @Test("SIGTERM during train --log")
    func sigterm() throws { try interruptedTraining(signal: SIGTERM) }
}

import Testing
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Requests too large for memory are refused before anything is allocated, with one line that
/// says how much they would need; a very long run keeps its memory bounded.
@Suite("Memory limits")
struct MemoryLimitTests {
    func expectRefusal(_ arguments: [String], mentions: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let r = try DescentProcess.run(arguments, in: dir.url)
        #expect(r.status == 1, "status \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)", sourceLocation: sourceLocation)
        for m in mentions + ["would need", "the limit is 4.0 GiB"] {
            #expect(r.stderr.contains(m), "stderr should mention '\(m)': \(r.stderr)", sourceLocation: sourceLocation)
        }
        #expect(dir.files().isEmpty, sourceLocation: sourceLocation)
    }

    @Test("train --samples 100000000000 is refused")
    func hugeSampleCount() throws {
        // blobs: 2 features + 1 label column + 3 one-hot classes = 6 numbers a sample, held 3 times:
        // 1e11 * 6 * 8 * 3 bytes = 13.1 TiB.
        try expectRefusal(["train", "--model", "mlp", "--data", "blobs", "--samples", "100000000000", "--layers", "2,3,3",
                           "--epochs", "1", "--log", "r.jsonl"], mentions: ["--samples 100000000000", "13.1 TiB"])
    }

    @Test("train --layers 2,100000000,3 is refused")
    func hugeHiddenLayer() throws {
        try expectRefusal(["train", "--model", "mlp", "--data", "blobs", "--layers", "2,100000000,3", "--epochs", "1",
                           "--log", "r.jsonl"], mentions: ["--layers 2,100000000,3", "600000003 parameters"])
    }

    @Test("landscape --network 2,100000000,3 is refused")
    func hugeNetworkSlice() throws {
        try expectRefusal(["landscape", "--network", "2,100000000,3", "--data", "blobs", "-o", "slice.png"],
                          mentions: ["--network 2,100000000,3", "600000003 parameters"])
    }

    @Test("a run far longer than memory could hold stays under 100 MB and stops cleanly on SIGINT")
    func longRunIsBounded() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let p = Process()
        p.executableURL = DescentProcess.executable
        p.arguments = ["train", "--function", "rosenbrock", "--start=-1,1", "--steps", "10000000000", "--lr", "1e-4",
                       "--plot", "curve.png", "--quiet"]
        p.currentDirectoryURL = dir.url
        p.standardError = FileHandle.nullDevice
        try p.run()
        var peakKiB = 0
        for _ in 0..<40 {
            usleep(100_000)
            let status = (try? String(contentsOfFile: "/proc/\(p.processIdentifier)/status", encoding: .utf8)) ?? ""
            if let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kib = Int(line.split(separator: " ").dropFirst().first ?? "") {
                peakKiB = max(peakKiB, kib)
            }
        }
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        #expect(p.terminationStatus == 130)
        #expect(peakKiB > 0 && peakKiB < 100_000, "peak RSS \(peakKiB) KiB after 4 s of steps")
        #expect(dir.files() == ["curve.png"], "the curve so far is drawn: \(dir.files())")
    }
}

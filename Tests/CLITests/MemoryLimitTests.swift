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
        let p = try EndlessTraining.start(outputs: ["--plot", "curve.png"], in: dir.url)
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

/// `train --data` reads CRLF and BOM files and names a foreign encoding.
@Suite("Training data files")
struct TrainingDataFileTests {
    @Test("a CRLF CSV with a byte order mark trains as its LF copy does")
    func crlfData() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let text = "a,b\n1,2\n2,4\n3,6\n"
        let lf = try dir.write("lf.csv", text)
        let crlf = dir.path("crlf.csv")
        try Data([0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)).write(to: URL(fileURLWithPath: crlf))
        let args = ["train", "--model", "linear", "--features", "a", "--target", "b", "--steps", "5", "--lr", "0.01"]
        let a = try DescentProcess.run(args + ["--data", lf])
        let b = try DescentProcess.run(args + ["--data", crlf])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(b.status == 0, "\(b.stderr)")
        #expect(a.stdout == b.stdout)
    }

    @Test("a UTF-16 training file is named as UTF-16")
    func utf16Data() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = dir.path("u16.csv")
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "a,b\r\n1,2\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let r = try DescentProcess.run(["train", "--model", "linear", "--data", path, "--features", "a", "--target", "b", "--steps", "1"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("UTF-16 little-endian"), "\(r.stderr)")
    }
}

/// gnuplot-style column numbers.
@Suite("Column numbers")
struct ColumnNumberTests {
    @Test("headerless '1 0.5' lines plot 1:2 by default and with --x 1 --y 2; --y 3 on a CSV picks its third column")
    func columnNumbers() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let dat = try dir.write("run.dat", "1 0.5\n2 0.4\n3 0.3\n")
        for extra in [[], ["--x", "1", "--y", "2"]] {
            let export = dir.path("e.csv")
            let r = try DescentProcess.run(["plot", dat, "-o", dir.path("run.png"), "--export-data", export] + extra)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try String(contentsOfFile: export, encoding: .utf8) == "run,series,x,y\nrun,2,1,0.5\nrun,2,2,0.4\nrun,2,3,0.3\n")
        }
        let csv = try dir.write("log.csv", "step,loss,val_loss\n1,0.9,1.0\n2,0.5,0.7\n")
        let export = dir.path("v.csv")
        let r = try DescentProcess.run(["plot", csv, "-o", dir.path("v.png"), "--x", "1", "--y", "3", "--export-data", export])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: export, encoding: .utf8) == "run,series,x,y\nlog,val_loss,1,1\nlog,val_loss,2,0.7\n")
    }
}

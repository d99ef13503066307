import Testing
import Foundation

/// Bad input: one clear line on stderr naming the place, exit status 1, no output file.
@Suite("Bad input")
struct BadInputTests {
    /// Runs `descent plot` in a fresh directory holding `files`, expecting failure.
    func expectFailure(_ arguments: [String], files: [String: String] = [:], stdin: String? = nil,
                       mentions: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        for (name, text) in files { try dir.write(name, text) }
        let before = dir.files()
        let r = try DescentProcess.run(arguments.map { $0.replacingOccurrences(of: "@", with: dir.url.path + "/") },
                                       stdin: stdin.map { Data($0.utf8) }, in: dir.url)
        #expect(r.status == 1, "status \(r.status), stderr: \(r.stderr)", sourceLocation: sourceLocation)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line on stderr, got: \(r.stderr)", sourceLocation: sourceLocation)
        for m in mentions {
            #expect(r.stderr.contains(m), "stderr should mention '\(m)': \(r.stderr)", sourceLocation: sourceLocation)
        }
        #expect(dir.files() == before, "no file written: \(dir.files())", sourceLocation: sourceLocation)
    }

    @Test("a missing file")
    func missing() throws {
        try expectFailure(["plot", "@nope.csv", "-o", "@out.png"], mentions: ["nope.csv", "no such file"])
    }

    @Test("an empty file")
    func empty() throws {
        try expectFailure(["plot", "@empty.csv", "-o", "@out.png"], files: ["empty.csv": ""], mentions: ["empty.csv", "empty"])
    }

    @Test("no numeric data")
    func noNumbers() throws {
        try expectFailure(["plot", "@notes.txt", "-o", "@out.png"],
                          files: ["notes.txt": "training started\nall good\n"], mentions: ["notes.txt", "no numeric data"])
    }

    @Test("an unknown column lists the columns that exist")
    func unknownColumn() throws {
        try expectFailure(["plot", "@run.csv", "--y", "accuracy", "-o", "@out.png"],
                          files: ["run.csv": "epoch,loss,val_loss\n1,0.5,0.6\n2,0.4,0.5\n"],
                          mentions: ["run.csv", "'accuracy'", "epoch, loss, val_loss"])
    }

    @Test("an unknown x column")
    func unknownX() throws {
        try expectFailure(["plot", "@run.csv", "--x", "time", "-o", "@out.png"],
                          files: ["run.csv": "epoch,loss\n1,0.5\n"], mentions: ["'time'", "epoch, loss"])
    }

    @Test("a CSV line with too many fields names file and line")
    func csvFields() throws {
        try expectFailure(["plot", "@run.csv", "-o", "@out.png"],
                          files: ["run.csv": "epoch,loss\n1,0.5\n2,0.4,9,9\n3,0.3\n"], mentions: ["run.csv:3:"])
    }

    @Test("a non-number in a loss column names file, line and column")
    func csvBadCell() throws {
        try expectFailure(["plot", "@run.csv", "-o", "@out.png"],
                          files: ["run.csv": "epoch,loss\n1,0.5\n2,oops\n"], mentions: ["run.csv:3:3", "'oops'"])
    }

    @Test("a malformed JSON line names file, line and column")
    func jsonl() throws {
        try expectFailure(["plot", "@run.jsonl", "-o", "@out.png"],
                          files: ["run.jsonl": "{\"step\": 1, \"loss\": 0.5}\n{\"step\": 2 \"loss\": 0.4}\n"],
                          mentions: ["run.jsonl:2:"])
    }

    @Test("an unwritable output directory")
    func unwritable() throws {
        try expectFailure(["plot", "@run.csv", "-o", "@missing/dir/out.png"],
                          files: ["run.csv": "epoch,loss\n1,0.5\n2,0.4\n"], mentions: ["out.png", "does not exist"])
    }

    @Test("an unknown format")
    func unknownFormat() throws {
        try expectFailure(["plot", "@run.csv", "-o", "@out.gif"],
                          files: ["run.csv": "epoch,loss\n1,0.5\n2,0.4\n"], mentions: ["out.gif", ".png, .svg or .pdf"])
        try expectFailure(["plot", "@run.csv", "-o", "@out.png", "--format", "bmp"],
                          files: ["run.csv": "epoch,loss\n1,0.5\n2,0.4\n"], mentions: ["'bmp'"])
    }

    @Test("an input is never overwritten")
    func neverOverwrite() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = try dir.write("run.png", "epoch,loss\n1,0.5\n2,0.4\n")
        let r = try DescentProcess.run(["plot", log, "--format", "png", "-o", log])
        #expect(r.status == 1)
        #expect(r.stderr.contains("refusing to overwrite"))
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "epoch,loss\n1,0.5\n2,0.4\n")
    }

    @Test("a bad smoothing weight")
    func badSmoothing() throws {
        try expectFailure(["plot", "@run.csv", "--smooth", "1", "-o", "@out.png"],
                          files: ["run.csv": "epoch,loss\n1,0.5\n"], mentions: ["--smooth", "0 <= W < 1"])
    }
}

import Testing
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where `-o` writes: through symlinks, straight into devices, FIFOs and standard output,
/// keeping an overwritten file's mode, and nothing written when any output is unusable.
@Suite("Output targets")
struct OutputTargetTests {
    static let log = Repository.example("two-layer-lab.txt")

    func fileType(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    func isPNG(_ path: String) throws -> Bool {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)).prefix(8))
        return bytes == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    }

    @Test("-o naming a symlink writes its target and leaves the link; a dangling link creates its target")
    func symlinkIsWrittenThrough() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let target = try dir.write("target.png", "old")
        let link = dir.path("link.png")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.png")
        let r = try DescentProcess.run(["plot", Self.log, "-o", link])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(fileType(link) == S_IFLNK)
        #expect(try isPNG(target))

        let dangling = dir.path("dangling.svg")
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: dir.path("made.svg"))
        let r2 = try DescentProcess.run(["plot", Self.log, "-o", dangling])
        #expect(r2.status == 0, "\(r2.stderr)")
        #expect(fileType(dangling) == S_IFLNK)
        #expect(fileType(dir.path("made.svg")) == S_IFREG)
        #expect(dir.files() == ["dangling.svg", "link.png", "made.svg", "target.png"], "no temporary files left")
    }

    @Test("-o - writes PNG (default) or --format svg to standard output; -o /dev/stdout stays a symlink")
    func standardOutput() throws {
        let r = try DescentProcess.run(["plot", Self.log, "-o", "-"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.unicodeScalars.dropFirst().starts(with: "PNG\r\n".unicodeScalars))
        let svg = try DescentProcess.run(["plot", Self.log, "-o", "-", "--format", "svg"])
        #expect(svg.status == 0, "\(svg.stderr)")
        #expect(svg.stdout.hasPrefix("<?xml"))
        #expect(svg.stdout.contains("</svg>"))
        let dev = try DescentProcess.run(["plot", Self.log, "-o", "/dev/stdout", "--format", "png"])
        #expect(dev.status == 0, "\(dev.stderr)")
        #expect(dev.stdout.unicodeScalars.dropFirst().starts(with: "PNG\r\n".unicodeScalars))
        #expect(fileType("/dev/stdout") == S_IFLNK)
    }

    @Test("-o /dev/stdout with standard output redirected to a file writes that file, twice in a row")
    func devStdoutIntoAFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = try dir.write("out.bin", "")
        for _ in 0..<2 {
            let p = Process()
            p.executableURL = DescentProcess.executable
            p.arguments = ["plot", Self.log, "-o", "/dev/stdout", "--format", "svg"]
            let handle = try #require(FileHandle(forWritingAtPath: path))
            handle.seekToEndOfFile()
            p.standardOutput = handle
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            try handle.close()
            #expect(p.terminationStatus == 0)
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("<?xml"))
        #expect(text.components(separatedBy: "</svg>").count == 3, "both figures, one after the other")
        #expect(fileType("/dev/stdout") == S_IFLNK)
        #expect(dir.files() == ["out.bin"])
    }

    @Test("-o naming a FIFO writes into it without replacing it")
    func fifoIsWrittenInPlace() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let fifo = dir.path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let out = Pipe()
        reader.standardOutput = out
        try reader.run()
        let r = try DescentProcess.run(["plot", Self.log, "-o", fifo, "--format", "svg"])
        let data = out.fileHandleForReading.readDataToEndOfFile()
        reader.waitUntilExit()
        #expect(r.status == 0, "\(r.stderr)")
        #expect(String(decoding: data, as: UTF8.self).hasPrefix("<?xml"))
        #expect(fileType(fifo) == S_IFIFO)
        #expect(dir.files() == ["pipe"])
    }

    @Test("-o naming a character device writes to the device and leaves the node")
    func characterDeviceIsWrittenInPlace() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let node = dir.path("null")
        // The same device as /dev/null (major 1, minor 3); needs root, as in the report.
        guard mknod(node, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0 else { return }
        let r = try DescentProcess.run(["plot", Self.log, "-o", node, "--format", "png"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(fileType(node) == S_IFCHR)
        #expect(dir.files() == ["null"])
    }

    @Test("an overwritten output keeps its mode; a new one gets 0666 less the umask")
    func overwriteKeepsMode() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let out = try dir.write("loss.png", "old")
        #expect(chmod(out, 0o640) == 0)
        let r = try DescentProcess.run(["plot", Self.log, "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        var info = stat()
        #expect(stat(out, &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o640)
        #expect(try isPNG(out))

        let fresh = dir.path("fresh.png")
        let r2 = try DescentProcess.run(["plot", Self.log, "-o", fresh])
        #expect(r2.status == 0, "\(r2.stderr)")
        let mask = umask(0)
        umask(mask)
        #expect(stat(fresh, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o666 & ~mask)
    }

    @Test("train --log with an unwritable --plot fails before training and leaves no log")
    func everyOutputCheckedFirst() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let r = try DescentProcess.run(["train", "--function", "rosenbrock", "--start=-1,1", "--steps", "10",
                                        "--log", "r.jsonl", "--plot", "nodir/x.png"], in: dir.url)
        #expect(r.status == 1)
        #expect(r.stderr.contains("nodir/x.png"), "\(r.stderr)")
        #expect(dir.files().isEmpty, "left behind: \(dir.files())")
    }
}

/// Run labels in legends.
@Suite("Run labels")
struct RunLabelTests {
    @Test("the same file given twice gets distinct labels")
    func repeatedFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = try dir.write("run.csv", "step,loss\n1,0.5\n2,0.25\n")
        let export = dir.path("plotted.csv")
        let r = try DescentProcess.run(["plot", log, log, "-o", dir.path("twice.png"), "--export-data", export])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try String(contentsOfFile: export, encoding: .utf8).split(separator: "\n").dropFirst()
        let runs = Set(rows.map { $0.split(separator: ",")[0] })
        #expect(runs.count == 2, "\(runs)")
        #expect(runs.contains { $0.hasSuffix("(2)") }, "\(runs)")
    }
}

/// Without -o, `plot` says on stderr which file it wrote; --quiet keeps it silent.
@Suite("Written-file note")
struct WrittenFileNoteTests {
    @Test("plot run.csv names run.png on stderr; with --quiet it says nothing; with -o nothing either")
    func note() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        try dir.write("run.csv", "step,loss\n1,0.5\n2,0.25\n")
        let r = try DescentProcess.run(["plot", "run.csv"], in: dir.url)
        #expect(r.status == 0)
        #expect(r.stderr == "descent: note: wrote run.png\n")
        #expect(dir.files().contains("run.png"))
        let quiet = try DescentProcess.run(["plot", "run.csv", "--quiet"], in: dir.url)
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        let named = try DescentProcess.run(["plot", "run.csv", "-o", "x.svg"], in: dir.url)
        #expect(named.status == 0 && named.stderr.isEmpty, "\(named.stderr)")
    }
}

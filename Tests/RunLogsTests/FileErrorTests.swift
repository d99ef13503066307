import Testing
import RunLogs

@Suite("Files and their errors")
struct FileErrorTests {
    @Test func missingFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.path("nope.csv")
        let error = runLogError { _ = try RunLogReader.read(path: path) }
        #expect(error == RunLogError(file: path, message: "no such file"))
        #expect(error?.description == "\(path): no such file")
    }

    @Test func missingParentDirectory() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.path("none/run.csv")
        #expect(runLogError { _ = try RunLogReader.read(path: path) }?.message == "no such file")
    }

    @Test func directory() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let error = runLogError { _ = try RunLogReader.read(path: dir.url.path) }
        #expect(error == RunLogError(file: dir.url.path, message: "is a directory, expected a log file"))
    }

    @Test("empty files", arguments: [
        [UInt8](), Array("\n\n".utf8), Array("  \r\n\t\n".utf8), [0xEF, 0xBB, 0xBF],
    ])
    func emptyFile(bytes: [UInt8]) throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = try dir.write("empty.csv", bytes)
        #expect(runLogError { _ = try RunLogReader.read(path: path) }
            == RunLogError(file: path, message: "the file is empty"))
        #expect(runLogError { _ = try RunLogReader.parse(bytes: bytes, source: "stdin") }
            == RunLogError(file: "stdin", message: "the file is empty"))
    }

    @Test func readsAFileWithItsPathAsSource() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = try dir.write("loss", Array("epoch,train,validation\n1,2.5,2.6\n2,1.5,1.75\n".utf8))
        let log = try RunLogReader.read(path: path)
        #expect(log.source == path)
        #expect(log.format == .delimited(separator: UInt8(ascii: ",")))
        #expect(log.rowCount == 2)
        #expect(log.numericColumnNames == ["epoch", "train", "validation"])
        #expect(cells(log, "validation") == [2.6, 1.75])
    }

    @Test func errorsInsideAFileNameThePath() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = try dir.write("bad.jsonl", Array("{\"a\":1}\n{\"a\" 2}\n".utf8))
        #expect(runLogError { _ = try RunLogReader.read(path: path) }
            == RunLogError(file: path, line: 2, column: 6, message: "expected ':' after a key, found '2'"))
    }
}

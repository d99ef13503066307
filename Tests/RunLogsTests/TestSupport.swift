import Foundation
import Testing
import RunLogs

/// Parses `text` as a log named `source` (no extension: the format is sniffed).
func parseLog(_ text: String, source: String = "log", format: LogFormat? = nil) throws -> RunLog {
    try RunLogReader.parse(bytes: Array(text.utf8), source: source, format: format)
}

/// The values of column `name`, nil where the row has none; empty when there is no such column.
func cells(_ log: RunLog, _ name: String) -> [Double?] {
    guard let column = log.column(named: name) else { return [] }
    return (0..<log.rowCount).map { column.value(at: $0) }
}

/// The error `body` throws as a `RunLogError`, or nil.
func runLogError(_ body: () throws -> Void) -> RunLogError? {
    do {
        try body()
        return nil
    } catch let error as RunLogError {
        return error
    } catch {
        return nil
    }
}

/// A fresh directory under the temporary directory, removed by `cleanUp`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("RunLogsTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `name` in the directory and returns its path.
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: url)
    }
}

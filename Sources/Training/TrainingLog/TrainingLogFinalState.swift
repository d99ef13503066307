import Foundation

/// The header and the last logged parameter vector of a `descent train --log` run log, read
/// without decoding the lines between them: a network drawn with its trained weights needs
/// only these, and an MNIST-sized log holds millions of logged numbers before them.
public struct TrainingLogFinalState: Sendable {
    public var header: TrainingLogHeader
    /// The `params` of the last step record that has them.
    public var parameters: [Double]
    /// The step they are the state after.
    public var step: Int
    /// 1-based line numbers of the header and of that step record, for messages.
    public var headerLine: Int
    public var line: Int

    /// Reads the run log at `path`; a failure names the file and, where it is about one, the line.
    public static func read(path: String) throws -> TrainingLogFinalState {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw TrainingLog.Failure("\(path): cannot read the run log (\(!exists ? "no such file" : isDirectory.boolValue ? "is a directory" : "permission denied"))")
        }
        return try parse(data, path: path)
    }

    /// Parses the bytes of a run log; `path` names it in messages.
    public static func parse(_ data: Data, path: String) throws -> TrainingLogFinalState {
        let bytes = [UInt8](data)
        // Line boundaries, found once (a linear scan of bytes, no decoding).
        var starts = [0]
        for (k, b) in bytes.enumerated() where b == 0x0A { starts.append(k + 1) }
        func line(_ n: Int) -> ArraySlice<UInt8> {
            var end = n + 1 < starts.count ? starts[n + 1] - 1 : bytes.count
            if end > starts[n], bytes[end - 1] == 0x0D { end -= 1 }
            var begin = starts[n]
            if n == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { begin += 3 }
            return bytes[begin..<max(begin, end)]
        }
        func blank(_ s: ArraySlice<UInt8>) -> Bool { !s.contains { $0 != 0x20 && $0 != 0x09 } }
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        func decode(_ n: Int) throws -> TrainingLogLine {
            do { return try decoder.decode(TrainingLogLine.self, from: Data(line(n))) } catch {
                throw TrainingLog.Failure("\(path):\(n + 1): \(TrainingLog.describe(error))")
            }
        }
        guard let first = starts.indices.first(where: { !blank(line($0)) }) else {
            throw TrainingLog.Failure("\(path): the run log is empty: expected the JSON Lines of descent train --log")
        }
        guard case let .header(header) = try decode(first) else {
            throw TrainingLog.Failure("\(path):\(first + 1): expected the header line of a descent train --log run log first")
        }
        let marker = Array("\"params\"".utf8)
        var n = starts.count - 1
        while n > first {
            let text = line(n)
            if !blank(text), contains(text, marker), case let .step(s) = try decode(n), let params = s.params {
                return TrainingLogFinalState(header: header, parameters: params, step: s.step, headerLine: first + 1, line: n + 1)
            }
            n -= 1
        }
        throw TrainingLog.Failure("\(path): no step record has 'params' (descent train logs them for up to 64 parameters, or for any number with --log-params)")
    }

    static func contains(_ text: ArraySlice<UInt8>, _ marker: [UInt8]) -> Bool {
        guard text.count >= marker.count else { return false }
        var k = text.startIndex
        while k + marker.count <= text.endIndex {
            if text[k] == marker[0], text[k..<(k + marker.count)].elementsEqual(marker) { return true }
            k += 1
        }
        return false
    }
}

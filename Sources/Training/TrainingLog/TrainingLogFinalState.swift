import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
        // Mapped, not copied: only the header and the last lines are read through.
        guard let data = (try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)) ?? FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw TrainingLog.Failure("\(path): cannot read the run log (\(!exists ? "no such file" : isDirectory.boolValue ? "is a directory" : "permission denied"))")
        }
        return try parse(data, path: path)
    }

    /// Parses the bytes of a run log; `path` names it in messages.
    public static func parse(_ data: Data, path: String) throws -> TrainingLogFinalState {
        try data.withUnsafeBytes { raw in try parse(raw.bindMemory(to: UInt8.self), path: path) }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws -> TrainingLogFinalState {
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        // The header: the first line that is not blank.
        var number = 1
        var begin = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { begin = 3 }
        var headerRange: Range<Int>?
        while begin < bytes.count {
            let end = (begin..<bytes.count).first { bytes[$0] == 0x0A } ?? bytes.count
            let line = trimmed(bytes, begin..<end)
            if !isBlank(bytes, line) { headerRange = line; break }
            begin = end + 1
            number += 1
        }
        guard let headerRange else {
            throw TrainingLog.Failure("\(path): the run log is empty: expected the JSON Lines of descent train --log")
        }
        let headerLine = number
        guard case let .header(header) = try decode(bytes, headerRange, line: headerLine, decoder: decoder, path: path) else {
            throw TrainingLog.Failure("\(path):\(headerLine): expected the header line of a descent train --log run log first")
        }
        // The last step with params, searched from the end; only its line is parsed.
        var end = bytes.count
        var candidate: (Range<Int>, Int)?
        while end > headerRange.upperBound {
            var start = end
            while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
            let line = trimmed(bytes, start..<end)
            if line.lowerBound >= headerRange.upperBound, paramsStart(bytes, line) != nil {
                candidate = (line, start)
                break
            }
            end = max(0, start - 1)
        }
        guard let (line, lineStart) = candidate else {
            throw TrainingLog.Failure("\(path): no step record has 'params' (descent train logs them for up to 64 parameters, or for any number with --log-params)")
        }
        // Its line number: the newlines before it.
        var lineNumber = 1
        if let base = bytes.baseAddress {
            var p = UnsafeRawPointer(base)
            let stop = UnsafeRawPointer(base + lineStart)
            while p < stop, let hit = memchr(p, 0x0A, stop - p) {
                lineNumber += 1
                p = UnsafeRawPointer(hit) + 1
            }
        }
        let open = paramsStart(bytes, line)!
        guard let (params, close) = parseNumbers(bytes, from: open, to: line.upperBound) else {
            throw TrainingLog.Failure("\(path):\(lineNumber): 'params': expected an array of numbers")
        }
        // The rest of the record, with an empty params array, through the typed decoder.
        var rest = Array(bytes[line.lowerBound..<open])
        rest += Array(bytes[close..<line.upperBound])
        let record: TrainingLogLine
        do { record = try decoder.decode(TrainingLogLine.self, from: Data(rest)) } catch {
            throw TrainingLog.Failure("\(path):\(lineNumber): \(TrainingLog.describe(error))")
        }
        guard case let .step(step) = record else {
            throw TrainingLog.Failure("\(path):\(lineNumber): expected a step record with 'params'")
        }
        return TrainingLogFinalState(header: header, parameters: params, step: step.step, headerLine: headerLine, line: lineNumber)
    }

    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int> {
        var upper = r.upperBound
        if upper > r.lowerBound, bytes[upper - 1] == 0x0D { upper -= 1 }
        return r.lowerBound..<upper
    }

    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        !r.contains { bytes[$0] != 0x20 && bytes[$0] != 0x09 }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, line: Int, decoder: JSONDecoder, path: String) throws -> TrainingLogLine {
        do { return try decoder.decode(TrainingLogLine.self, from: Data(bytes[r])) } catch {
            throw TrainingLog.Failure("\(path):\(line): \(TrainingLog.describe(error))")
        }
    }

    static let marker = Array("\"params\":[".utf8)

    /// The index just after `"params":[` in the line, or nil.
    static func paramsStart(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        guard r.count >= marker.count else { return nil }
        var k = r.lowerBound
        while k + marker.count <= r.upperBound {
            if bytes[k] == 0x22, (0..<marker.count).allSatisfy({ bytes[k + $0] == marker[$0] }) { return k + marker.count }
            k += 1
        }
        return nil
    }

    /// The comma-separated numbers from `start` to the closing `]` (as the log writes them: decimal,
    /// exponent, NaN, Infinity, -Infinity), and the index of that `]`; nil when anything else is there.
    static func parseNumbers(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> ([Double], Int)? {
        var values: [Double] = []
        var k = start
        var token = [CChar](repeating: 0, count: 64)
        func skipSpaces() { while k < end && (bytes[k] == 0x20 || bytes[k] == 0x09) { k += 1 } }
        skipSpaces()
        if k < end && bytes[k] == 0x5D { return ([], k) }
        while k < end {
            skipSpaces()
            var n = 0
            while k < end, bytes[k] != 0x2C, bytes[k] != 0x5D, bytes[k] != 0x20, n < 63 {
                token[n] = CChar(bitPattern: bytes[k]); n += 1; k += 1
            }
            guard n > 0, n < 63 else { return nil }
            token[n] = 0
            let text = String(cString: token)
            let value: Double
            switch text {
            case "NaN": value = .nan
            case "Infinity": value = .infinity
            case "-Infinity": value = -.infinity
            default:
                guard let v = Double(text) else { return nil }
                value = v
            }
            values.append(value)
            skipSpaces()
            guard k < end else { return nil }
            if bytes[k] == 0x5D { return (values, k) }
            guard bytes[k] == 0x2C else { return nil }
            k += 1
        }
        return nil
    }
}

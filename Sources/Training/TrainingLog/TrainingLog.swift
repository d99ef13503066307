import Foundation

/// A `descent train --log` run log read back: the typed header and records, with the 1-based
/// line number of each step for messages. Lines are decoded as JSON5, the superset of JSON
/// whose numbers include the bare `NaN`, `Infinity` and `-Infinity` the log writes; LF or
/// CRLF line ends and a UTF-8 byte order mark are accepted.
public struct TrainingLog: Sendable, Equatable {
    public var header: TrainingLogHeader?
    public var steps: [TrainingLogStep] = []
    public var stepLines: [Int] = []
    public var epochs: [TrainingLogEpoch] = []
    public var end: TrainingLogEnd?

    public init(header: TrainingLogHeader? = nil) {
        self.header = header
    }

    /// Why a file is not a readable run log, with its position.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// Reads the run log at `path`.
    public static func read(path: String) throws -> TrainingLog {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw Failure("\(path): cannot read the run log (\(!exists ? "no such file" : isDirectory.boolValue ? "is a directory" : "permission denied"))")
        }
        return try parse(data, path: path)
    }

    /// Parses the bytes of a run log; `path` names it in messages.
    public static func parse(_ data: Data, path: String) throws -> TrainingLog {
        var log = TrainingLog()
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw Failure("\(path): the run log is UTF-16 text; expected UTF-8 (as descent train --log writes it)")
        }
        var number = 0
        for var line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            if line.last == 0x0D { line = line.dropLast() }
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            // Foundation's JSON5 scanner traps on some invalid UTF-8 (a run of 0xFF bytes after a
            // comma): bytes that are not UTF-8 are refused before it sees them.
            if let column = invalidUTF8Column(line) {
                let byte = String(line[line.index(line.startIndex, offsetBy: column - 1)], radix: 16, uppercase: true)
                throw Failure("\(path):\(number):\(column): byte 0x\(byte) is not UTF-8 text; a descent train --log file is UTF-8")
            }
            // It also traps on an exponent sign with no digit after it (`1e+`, `5e-`).
            if let column = danglingExponentColumn(line) {
                throw Failure("\(path):\(number):\(column): a number's exponent has no digits; expected a number such as 1.5e+3")
            }
            let record: TrainingLogLine
            do {
                record = try decoder.decode(TrainingLogLine.self, from: Data(line))
            } catch {
                throw Failure("\(path):\(number): \(describe(error))")
            }
            switch record {
            case let .header(h): log.header = h
            case let .step(s): log.steps.append(s); log.stepLines.append(number)
            case let .epoch(e): log.epochs.append(e)
            case let .end(e): log.end = e
            case .other: continue
            }
        }
        return log
    }

    /// The 1-based byte column of the first byte of `line` that does not start a valid UTF-8
    /// sequence, or nil when the whole line is UTF-8.
    static func invalidUTF8Column(_ line: Data.SubSequence) -> Int? {
        var bytes = line.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var column = 1
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let scalar): column += scalar.count
            case .emptyInput: return nil
            case .error: return column
            }
        }
    }

    /// The 1-based column of the `e` of a number like `1e+` or `2.5E-` (an exponent sign with no
    /// digit after it) outside strings, or nil.
    static func danglingExponentColumn(_ line: Data.SubSequence) -> Int? {
        let b = Array(line)
        func digit(_ i: Int) -> Bool { i >= 0 && i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
        var quote: UInt8?
        var escaped = false
        for i in b.indices {
            let c = b[i]
            if let q = quote {
                if escaped { escaped = false } else if c == 0x5C { escaped = true } else if c == q { quote = nil }
                continue
            }
            if c == 0x22 || c == 0x27 { quote = c; continue }
            if c == 0x65 || c == 0x45, digit(i - 1) || (i > 0 && b[i - 1] == 0x2E),
               i + 1 < b.count, b[i + 1] == 0x2B || b[i + 1] == 0x2D, !digit(i + 2) {
                return i + 1
            }
        }
        return nil
    }

    /// A decoding error in words, naming the member it is about.
    static func describe(_ error: Error) -> String {
        func name(_ path: [CodingKey]) -> String {
            var out = ""
            for key in path {
                if let i = key.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
            }
            return out
        }
        func kind(_ type: Any.Type) -> String {
            switch type {
            case is Double.Type, is Int.Type, is UInt64.Type: return "a number"
            case is String.Type: return "a string"
            case is Bool.Type: return "true or false"
            case is [Double].Type, is [Int].Type, is [String].Type: return "an array"
            default: return "a JSON object"
            }
        }
        switch error as? DecodingError {
        case let .typeMismatch(type, context)?:
            if context.codingPath.isEmpty { return "expected a JSON object per line (a descent train --log file)" }
            return "'\(name(context.codingPath))': expected \(kind(type))"
        case let .valueNotFound(type, context)?:
            return "'\(name(context.codingPath))': expected \(kind(type)), found null"
        case let .keyNotFound(key, _)?:
            return "missing '\(key.stringValue)'"
        case let .dataCorrupted(context)?:
            if context.codingPath.isEmpty { return "expected a JSON object per line (a descent train --log file)" }
            return "'\(name(context.codingPath))': \(context.debugDescription)"
        default:
            return "expected a JSON object per line (a descent train --log file)"
        }
    }
}

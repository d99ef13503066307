/// Reads JSON Lines logs: one object per line, numeric keys become columns. In a log with a
/// header line (`descent train --log`), `"type":"epoch"` lines put their mean `loss` in the
/// column `epoch_loss` and their `steps` count in `step`, so they sit on the same x as the step
/// lines without mixing with the per-step loss; the `"type":"end"` line is skipped.
struct JSONLinesParser {
    let buf: UnsafeBufferPointer<UInt8>
    let source: String
    let start: Int

    /// A numeric member of the line being read, kept until the line is known not to be a header.
    private struct Field {
        var keyStart: Int
        var keyEnd: Int
        /// Index in `decodedKeys` when the key holds escapes, else -1.
        var decoded: Int
        var value: Double
    }

    private var builders: [ColumnBuilder] = []
    private var keys: [[UInt8]] = []
    private var index: [[UInt8]: Int] = [:]
    /// Column of the k-th numeric member on the previous row: keys usually repeat in order.
    private var previousOrder: [Int] = []
    private var order: [Int] = []
    private var fields: [Field] = []
    private var decodedKeys: [[UInt8]] = []
    private var rows = 0
    private var sawHeader = false

    init(buf: UnsafeBufferPointer<UInt8>, start: Int, source: String) {
        self.buf = buf
        self.start = start
        self.source = source
    }

    mutating func parse() throws -> RunLog {
        var lineStart = start
        var line = 1
        while lineStart < buf.count {
            let lineEnd = ByteText.lineEnd(buf, from: lineStart)
            try readLine(line: line, lineStart: lineStart, lineEnd: lineEnd)
            lineStart = lineEnd + 1
            line += 1
        }
        return RunLog(source: source, format: .jsonLines, rowCount: rows,
                      columns: builders.finish(rowCount: rows))
    }

    private mutating func readLine(line: Int, lineStart: Int, lineEnd: Int) throws {
        var scanner = JSONLineScanner(buf: buf, source: source, pos: lineStart,
                                      lineStart: lineStart, lineEnd: lineEnd, line: line)
        scanner.skipWhitespace()
        guard let first = scanner.current else { return }  // blank line
        guard first == 0x7B else {
            let valueStart = scanner.pos
            var probe = scanner
            if (try? probe.scanValue(depth: 0)) != nil {
                probe.skipWhitespace()
                if probe.current == nil {
                    throw RunLogError(file: source, line: line,
                                      column: ByteText.column(buf, lineStart: lineStart, position: valueStart),
                                      message: "expected a JSON object")
                }
            }
            throw scanner.error(expected: "a JSON object")
        }
        fields.removeAll(keepingCapacity: true)
        decodedKeys.removeAll(keepingCapacity: true)
        var isHeader = false, isEpoch = false, isEnd = false
        scanner.pos += 1
        scanner.skipWhitespace()
        if scanner.current == 0x7D {
            scanner.pos += 1
        } else {
            while true {
                guard scanner.current == 0x22 else { throw scanner.error(expected: "'\"' to start a key") }
                guard case let .string(keyStart, keyEnd, keyEscaped) = try scanner.scanString() else { break }
                scanner.skipWhitespace()
                try scanner.expect(0x3A, "':' after a key")
                scanner.skipWhitespace()
                var decoded = -1
                if keyEscaped {
                    decoded = decodedKeys.count
                    decodedKeys.append(JSONLineScanner.decode(buf, keyStart, keyEnd))
                }
                switch try scanner.scanValue(depth: 1) {
                case .number(let value):
                    fields.append(Field(keyStart: keyStart, keyEnd: keyEnd, decoded: decoded, value: value))
                case .string(let s, let e, let escaped):
                    if !escaped, let value = NumberParser.nonFiniteWord(buf, s, e) {
                        fields.append(Field(keyStart: keyStart, keyEnd: keyEnd, decoded: decoded, value: value))
                    } else if isKey(keyStart, keyEnd, decoded >= 0 ? decodedKeys[decoded] : nil, "type"), !escaped {
                        isHeader = matches(s, e, "header")
                        isEpoch = matches(s, e, "epoch")
                        isEnd = matches(s, e, "end")
                    }
                case .null, .other:
                    break
                }
                scanner.skipWhitespace()
                if scanner.current == 0x2C {
                    scanner.pos += 1
                    scanner.skipWhitespace()
                    continue
                }
                try scanner.expect(0x7D, "',' or '}' after a value")
                break
            }
        }
        scanner.skipWhitespace()
        if scanner.current != nil { throw scanner.error(expected: "the end of the line after the object") }
        if isHeader {
            sawHeader = true
        } else if !(sawHeader && isEnd) {
            if sawHeader && isEpoch { renameEpochFields() }
            commitRow()
        }
    }

    /// An epoch line of a descent run log: `loss` is the epoch's mean (`epoch_loss`), `steps` its x (`step`).
    private mutating func renameEpochFields() {
        for k in fields.indices {
            let f = fields[k]
            let name = f.decoded >= 0 ? decodedKeys[f.decoded] : Array(buf[f.keyStart..<f.keyEnd])
            let renamed: String
            switch name {
            case Array("loss".utf8): renamed = "epoch_loss"
            case Array("steps".utf8): renamed = "step"
            default: continue
            }
            fields[k].decoded = decodedKeys.count
            decodedKeys.append(Array(renamed.utf8))
        }
    }

    private mutating func commitRow() {
        order.removeAll(keepingCapacity: true)
        for (k, field) in fields.enumerated() {
            let column: Int
            if k < previousOrder.count, keyMatches(field, keys[previousOrder[k]]) {
                column = previousOrder[k]
            } else {
                let key = field.decoded >= 0 ? decodedKeys[field.decoded] : Array(buf[field.keyStart..<field.keyEnd])
                if let existing = index[key] {
                    column = existing
                } else {
                    column = builders.count
                    index[key] = column
                    keys.append(key)
                    builders.append(ColumnBuilder(name: String(decoding: key, as: UTF8.self)))
                }
            }
            order.append(column)
            builders[column].set(row: rows, field.value)
        }
        swap(&order, &previousOrder)
        rows += 1
    }

    private func keyMatches(_ field: Field, _ key: [UInt8]) -> Bool {
        if field.decoded >= 0 { return decodedKeys[field.decoded] == key }
        let length = field.keyEnd - field.keyStart
        guard length == key.count else { return false }
        return key.withUnsafeBufferPointer { k in
            var i = 0
            while i < length {
                if k[i] != buf[field.keyStart + i] { return false }
                i += 1
            }
            return true
        }
    }

    private func isKey(_ start: Int, _ end: Int, _ decoded: [UInt8]?, _ name: String) -> Bool {
        if let decoded { return decoded == Array(name.utf8) }
        return matches(start, end, name)
    }

    private func matches(_ start: Int, _ end: Int, _ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        guard end - start == utf8.count else { return false }
        for (k, b) in utf8.enumerated() where buf[start + k] != b { return false }
        return true
    }
}

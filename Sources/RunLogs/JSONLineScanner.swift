/// A scalar JSON value as the JSON Lines reader needs it.
enum JSONScalar {
    case number(Double)
    case null
    /// A string's content range (between the quotes) and whether it holds escapes.
    case string(start: Int, end: Int, escaped: Bool)
    /// true, false, an array or an object.
    case other
}

/// A validating JSON scanner over one line of bytes; errors carry the line and column.
struct JSONLineScanner {
    let buf: UnsafeBufferPointer<UInt8>
    let source: String
    var pos: Int
    let lineStart: Int
    let lineEnd: Int
    let line: Int

    static let maxDepth = 512

    @inline(__always)
    var current: UInt8? { pos < lineEnd ? buf[pos] : nil }

    @inline(__always)
    mutating func skipWhitespace() {
        while pos < lineEnd {
            let b = buf[pos]
            guard b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A else { return }
            pos += 1
        }
    }

    /// "expected \(what), found 'x'" at `position` (default: the current byte).
    func error(expected what: String, at position: Int? = nil) -> RunLogError {
        let at = position ?? pos
        return RunLogError(file: source, line: line,
                           column: ByteText.column(buf, lineStart: lineStart, position: at),
                           message: "expected \(what), found \(ByteText.describe(buf, at: at, lineEnd: lineEnd))")
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws {
        guard current == byte else { throw error(expected: what) }
        pos += 1
    }

    /// Scans a value at `pos` (no leading whitespace). Arrays and objects are validated and
    /// skipped; strings are reported by range.
    mutating func scanValue(depth: Int) throws -> JSONScalar {
        guard let b = current else { throw error(expected: "a value") }
        switch b {
        case 0x22:
            return try scanString()
        case 0x7B:
            try skipObject(depth: depth + 1)
            return .other
        case 0x5B:
            try skipArray(depth: depth + 1)
            return .other
        case 0x2D, 0x30...0x39:
            if b == 0x2D, pos + 1 < lineEnd, ByteText.isLetter(buf[pos + 1]) { return try scanWord() }
            return try scanNumber()
        default:
            if ByteText.isLetter(b) { return try scanWord() }
            throw error(expected: "a value")
        }
    }

    /// A string at `pos` (the opening quote); leaves `pos` after the closing quote.
    mutating func scanString() throws -> JSONScalar {
        pos += 1
        let start = pos
        var escaped = false
        while true {
            guard pos < lineEnd else { throw error(expected: "'\"' to end the string") }
            let b = buf[pos]
            if b == 0x22 { break }
            if b == 0x5C {
                escaped = true
                pos += 1
                guard let e = current else { throw error(expected: "an escape after '\\'") }
                switch e {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
                    pos += 1
                case 0x75:
                    pos += 1
                    for _ in 0..<4 {
                        guard let h = current, JSONLineScanner.hexValue(h) != nil else {
                            throw error(expected: "four hex digits after '\\u'")
                        }
                        pos += 1
                    }
                default:
                    throw error(expected: "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u after '\\'")
                }
                continue
            }
            pos += 1
        }
        let end = pos
        pos += 1
        return .string(start: start, end: end, escaped: escaped)
    }

    private mutating func scanNumber() throws -> JSONScalar {
        let start = pos
        while pos < lineEnd {
            let b = buf[pos]
            guard ByteText.isDigit(b) || b == 0x2D || b == 0x2B || b == 0x2E || b == 0x65 || b == 0x45 else { break }
            pos += 1
        }
        guard let value = NumberParser.parse(buf, start, pos) else {
            throw error(expected: "a number", at: start)
        }
        return .number(value)
    }

    /// true, false, null, and the non-finite spellings NaN, Infinity, -Infinity (also nan, inf).
    private mutating func scanWord() throws -> JSONScalar {
        let start = pos
        if buf[pos] == 0x2D { pos += 1 }
        while pos < lineEnd && ByteText.isLetter(buf[pos]) { pos += 1 }
        let word = ByteText.string(buf, start, pos)
        switch word {
        case "true", "false": return .other
        case "null": return .null
        default:
            if let value = NumberParser.nonFiniteWord(buf, start, pos) { return .number(value) }
            throw error(expected: "a value", at: start)
        }
    }

    private mutating func skipObject(depth: Int) throws {
        guard depth <= JSONLineScanner.maxDepth else { throw error(expected: "less deeply nested values") }
        pos += 1
        skipWhitespace()
        if current == 0x7D { pos += 1; return }
        while true {
            guard current == 0x22 else { throw error(expected: "'\"' to start a key") }
            _ = try scanString()
            skipWhitespace()
            try expect(0x3A, "':' after a key")
            skipWhitespace()
            _ = try scanValue(depth: depth)
            skipWhitespace()
            if current == 0x2C { pos += 1; skipWhitespace(); continue }
            try expect(0x7D, "',' or '}' after a value")
            return
        }
    }

    private mutating func skipArray(depth: Int) throws {
        guard depth <= JSONLineScanner.maxDepth else { throw error(expected: "less deeply nested values") }
        pos += 1
        skipWhitespace()
        if current == 0x5D { pos += 1; return }
        while true {
            _ = try scanValue(depth: depth)
            skipWhitespace()
            if current == 0x2C { pos += 1; skipWhitespace(); continue }
            try expect(0x5D, "',' or ']' after a value")
            return
        }
    }

    static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }

    /// The UTF-8 bytes of a string's content with its escapes decoded.
    static func decode(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        var pendingHigh: UInt32? = nil
        func hex4(_ at: Int) -> UInt32 {
            var v: UInt32 = 0
            for k in at..<(at + 4) { v = v << 4 | (hexValue(buf[k]) ?? 0) }
            return v
        }
        func emit(_ scalar: UInt32) {
            let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            out.append(contentsOf: Array(String(Character(s)).utf8))
        }
        while i < end {
            let b = buf[i]
            guard b == 0x5C, i + 1 < end else {
                if let high = pendingHigh { emit(high); pendingHigh = nil }
                out.append(b)
                i += 1
                continue
            }
            let e = buf[i + 1]
            if e == 0x75, i + 6 <= end {
                let v = hex4(i + 2)
                i += 6
                if (0xD800...0xDBFF).contains(v) {
                    if let high = pendingHigh { emit(high) }
                    pendingHigh = v
                } else if (0xDC00...0xDFFF).contains(v), let high = pendingHigh {
                    emit(0x10000 + ((high - 0xD800) << 10) + (v - 0xDC00))
                    pendingHigh = nil
                } else {
                    if let high = pendingHigh { emit(high); pendingHigh = nil }
                    emit(v)
                }
                continue
            }
            if let high = pendingHigh { emit(high); pendingHigh = nil }
            switch e {
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            default: out.append(e)
            }
            i += 2
        }
        if let high = pendingHigh { emit(high) }
        return out
    }
}

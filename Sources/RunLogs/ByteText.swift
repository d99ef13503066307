/// Byte-level helpers shared by the parsers: ASCII classes, BOM, blank lines, columns.
enum ByteText {
    static var newline: UInt8 { 0x0A }
    static var carriageReturn: UInt8 { 0x0D }
    static var space: UInt8 { 0x20 }
    static var tab: UInt8 { 0x09 }
    static var quote: UInt8 { 0x22 }
    static var hash: UInt8 { 0x23 }

    /// True for space, tab and carriage return (the bytes trimmed around cells and lines).
    @inline(__always)
    static func isBlank(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0D
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool {
        b &- 0x30 < 10
    }

    @inline(__always)
    static func isLetter(_ b: UInt8) -> Bool {
        (b | 0x20) &- 0x61 < 26
    }

    @inline(__always)
    static func isAlphanumeric(_ b: UInt8) -> Bool {
        isDigit(b) || isLetter(b)
    }

    @inline(__always)
    static func lowercased(_ b: UInt8) -> UInt8 {
        isLetter(b) ? b | 0x20 : b
    }

    /// Offset of the first byte after a UTF-8 byte order mark, if any.
    static func bodyStart(_ buf: UnsafeBufferPointer<UInt8>) -> Int {
        if buf.count >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF { return 3 }
        return 0
    }

    /// True when `buf[start...]` holds nothing but spaces, tabs and line breaks.
    static func isAllBlank(_ buf: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var i = start
        while i < buf.count {
            let b = buf[i]
            if !(isBlank(b) || b == newline) { return false }
            i += 1
        }
        return true
    }

    /// End of the line starting at `start` (the index of its `\n`, or the buffer's end).
    @inline(__always)
    static func lineEnd(_ buf: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < buf.count && buf[i] != newline { i += 1 }
        return i
    }

    /// Number of `\n` bytes from `start` on.
    static func countNewlines(_ buf: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var n = 0
        var i = start
        while i < buf.count {
            n &+= buf[i] == newline ? 1 : 0
            i += 1
        }
        return n
    }

    /// 1-based character column of `position` in the line that starts at `lineStart`
    /// (counts UTF-8 scalars, so multi-byte characters count once).
    static func column(_ buf: UnsafeBufferPointer<UInt8>, lineStart: Int, position: Int) -> Int {
        var n = 1
        var i = lineStart
        while i < position && i < buf.count {
            if buf[i] & 0xC0 != 0x80 { n += 1 }
            i += 1
        }
        return n
    }

    /// The bytes in `start..<end` as a string (invalid UTF-8 repaired).
    static func string(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: buf[start..<end]), as: UTF8.self)
    }

    /// Trimmed text cut to `limit` characters, as shown in a `CellLocation`.
    static func shown(_ text: String, limit: Int = 40) -> String {
        let trimmed = text.trimmingBlanks()
        return trimmed.count <= limit ? trimmed : String(trimmed.prefix(limit))
    }

    /// The character at `position` quoted for a message (`'x'`), or "end of line".
    static func describe(_ buf: UnsafeBufferPointer<UInt8>, at position: Int, lineEnd: Int) -> String {
        guard position < lineEnd else { return "end of line" }
        var end = position + 1
        while end < lineEnd && buf[end] & 0xC0 == 0x80 { end += 1 }
        return "'\(string(buf, position, end))'"
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingBlanks() -> String {
        let blanks: Set<Character> = [" ", "\t", "\r", "\n", "\r\n"]
        guard let first = firstIndex(where: { !blanks.contains($0) }),
              let last = lastIndex(where: { !blanks.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}

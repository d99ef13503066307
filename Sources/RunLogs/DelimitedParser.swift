/// Reads CSV/TSV-style logs (header line, RFC 4180 quotes) straight from the bytes.
struct DelimitedParser {
    let buf: UnsafeBufferPointer<UInt8>
    let source: String
    let separator: UInt8
    private var pos: Int
    private var line = 1
    private var lineStart: Int

    init(buf: UnsafeBufferPointer<UInt8>, start: Int, source: String, separator: UInt8) {
        self.buf = buf
        self.source = source
        self.separator = separator
        self.pos = start
        self.lineStart = start
    }

    mutating func parse() throws -> RunLog {
        let format = LogFormat.delimited(separator: separator)
        guard skipToRecord() else {
            return RunLog(source: source, format: format, rowCount: 0, columns: [])
        }
        var rawNames: [String] = []
        while true {
            let cell = try readCell()
            rawNames.append(cell.text(in: buf))
            if cell.endsRecord { break }
        }
        let estimate = ByteText.countNewlines(buf, from: pos) + 1
        var builders = HeaderNames.unique(rawNames).map {
            ColumnBuilder(name: $0, reservingCapacity: estimate)
        }
        var rows = 0
        while skipToRecord() {
            try readRecord(into: &builders)
            rows += 1
        }
        return RunLog(source: source, format: format, rowCount: rows,
                      columns: builders.finish(rowCount: rows))
    }

    /// Moves past blank and `#` comment lines; false at the end of the input.
    mutating func skipToRecord() -> Bool {
        while pos < buf.count {
            var i = pos
            while i < buf.count && ByteText.isBlank(buf[i]) { i += 1 }
            if i < buf.count && buf[i] != ByteText.newline && buf[i] != ByteText.hash { return true }
            i = ByteText.lineEnd(buf, from: i)
            if i == buf.count { pos = i; return false }
            pos = i + 1
            line += 1
            lineStart = pos
        }
        return false
    }

    private mutating func readRecord(into builders: inout [ColumnBuilder]) throws {
        let fieldCount = builders.count
        var column = 0
        while true {
            let cell = try readCell()
            if column >= fieldCount {
                let found = fieldCount + 1 + (cell.endsRecord ? 0 : countFields(from: pos))
                throw RunLogError(file: source, line: cell.line,
                                  column: ByteText.column(buf, lineStart: cell.lineStart, position: cell.start),
                                  message: "expected \(fieldCount) fields (as in the header), found \(found)")
            }
            if cell.isEmpty {
                builders[column].appendMissing()
            } else if let value = cell.number(in: buf) {
                builders[column].append(value)
            } else if MissingMarker.matches(cell.text(in: buf)) {
                builders[column].appendMissing()
            } else {
                if builders[column].firstBadCell == nil {
                    builders[column].firstBadCell = cell.location(in: buf)
                }
                builders[column].appendMissing()
            }
            column += 1
            if cell.endsRecord { break }
        }
        while column < fieldCount {
            builders[column].appendMissing()
            column += 1
        }
    }

    /// Reads one cell at `pos` and moves past its separator or line break.
    @inline(__always)
    mutating func readCell() throws -> DelimitedCell {
        let sep = separator
        var p = pos
        while p < buf.count {
            let b = buf[p]
            guard b == ByteText.space || (b == ByteText.tab && sep != ByteText.tab) else { break }
            p += 1
        }
        var cell = DelimitedCell(start: p, end: p, quoted: nil, line: line, lineStart: lineStart,
                                 endsRecord: false)
        if p < buf.count && buf[p] == ByteText.quote {
            var text: [UInt8] = []
            p = try readQuoted(from: p, into: &text)
            cell.quoted = text
        } else {
            while p < buf.count {
                let b = buf[p]
                if b == sep || b == ByteText.newline { break }
                p += 1
            }
            var end = p
            while end > cell.start && ByteText.isBlank(buf[end - 1]) { end -= 1 }
            cell.end = end
        }
        if p < buf.count && buf[p] == sep {
            pos = p + 1
        } else {
            cell.endsRecord = true
            if p < buf.count {
                p += 1
                line += 1
                lineStart = p
            }
            pos = p
        }
        return cell
    }

    /// Reads a quoted cell whose opening quote is at `open`; returns the index of the byte
    /// after the cell (its separator, line break or the end). Bytes after the closing quote,
    /// up to the separator, are kept as part of the text.
    private mutating func readQuoted(from open: Int, into text: inout [UInt8]) throws -> Int {
        let openLine = line
        let openLineStart = lineStart
        var p = open + 1
        while true {
            guard p < buf.count else {
                throw RunLogError(file: source, line: openLine,
                                  column: ByteText.column(buf, lineStart: openLineStart, position: open),
                                  message: "expected '\"' to close the quoted field, found end of file")
            }
            let b = buf[p]
            if b == ByteText.quote {
                if p + 1 < buf.count && buf[p + 1] == ByteText.quote {
                    text.append(ByteText.quote)
                    p += 2
                    continue
                }
                p += 1
                break
            }
            if b == ByteText.newline {
                line += 1
                lineStart = p + 1
            }
            text.append(b)
            p += 1
        }
        while p < buf.count && buf[p] != separator && buf[p] != ByteText.newline {
            text.append(buf[p])
            p += 1
        }
        // Trim the text as an unquoted cell would be.
        var start = 0
        var end = text.count
        while start < end && (ByteText.isBlank(text[start]) || text[start] == ByteText.newline) { start += 1 }
        while end > start && (ByteText.isBlank(text[end - 1]) || text[end - 1] == ByteText.newline) { end -= 1 }
        if start > 0 || end < text.count { text = Array(text[start..<end]) }
        return p
    }

    /// Number of cells from `from` to the end of its line (quotes respected).
    private func countFields(from start: Int) -> Int {
        var n = 1
        var inQuotes = false
        var p = start
        while p < buf.count {
            let b = buf[p]
            if b == ByteText.quote { inQuotes.toggle() }
            else if !inQuotes && b == separator { n += 1 }
            else if !inQuotes && b == ByteText.newline { break }
            p += 1
        }
        return n
    }
}

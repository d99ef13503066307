/// Chooses a log's format: by the source's extension first, else by looking at the first lines.
enum FormatSniffer {
    /// Delimiter candidates, in order of preference on a tie.
    static let separators: [UInt8] = [0x2C, 0x09, 0x3B, 0x7C]  // , \t ; |
    /// How many non-blank, non-comment lines the sniffer looks at.
    static let sampleSize = 20

    /// What an extension says.
    enum Hint: Equatable {
        case delimited, tab, jsonLines, text
    }

    static func hint(forSource source: String) -> Hint? {
        let name = source.split(separator: "/").last.map(String.init) ?? source
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "csv": return .delimited
        case "tsv": return .tab
        case "jsonl", "ndjson", "json": return .jsonLines
        case "txt", "log", "out": return .text
        default: return nil
        }
    }

    static func format(source: String, buf: UnsafeBufferPointer<UInt8>, start: Int) -> LogFormat {
        switch hint(forSource: source) {
        case .delimited: return .delimited(separator: delimitedSeparator(buf, start))
        case .tab: return .delimited(separator: ByteText.tab)
        case .jsonLines: return .jsonLines
        // .txt, .log and .out say "not JSON" but not "not CSV": CSV content in run.log reads as CSV.
        case .text:
            if sampleLines(buf, start).count >= 2, case let .delimited(separator) = sniff(buf, start) {
                return .delimited(separator: separator)
            }
            return .text
        case nil: return sniff(buf, start)
        }
    }

    /// The format from content alone.
    static func sniff(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int) -> LogFormat {
        var i = start
        while i < buf.count && (ByteText.isBlank(buf[i]) || buf[i] == ByteText.newline) { i += 1 }
        if i < buf.count && buf[i] == 0x7B { return .jsonLines }
        if hasRedraws(buf, start) { return .text }
        let lines = sampleLines(buf, start)
        guard let header = lines.first, let sep = consistentSeparator(buf, lines) else { return .text }
        let data = lines.dropFirst()
        if data.isEmpty {
            return TextLineScanner.lineIsRow(buf, header.lowerBound, header.upperBound) ? .text : .delimited(separator: sep)
        }
        return mostlyNumeric(buf, data, sep) ? .delimited(separator: sep) : .text
    }

    /// True when a carriage return not followed by a line feed appears early on: a progress bar
    /// (tqdm, Keras) redrawing its line, which is training output, not a table.
    static func hasRedraws(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        let end = min(buf.count, start + (1 << 16))
        var i = start
        while i < end {
            if buf[i] == ByteText.carriageReturn && i + 1 < buf.count && buf[i + 1] != ByteText.newline { return true }
            i += 1
        }
        return false
    }

    /// The separator of a file known to be delimited: the consistent one, else the one that
    /// splits the header most, else a comma.
    static func delimitedSeparator(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int) -> UInt8 {
        let lines = sampleLines(buf, start)
        if let sep = consistentSeparator(buf, lines) { return sep }
        guard let header = lines.first else { return 0x2C }
        var best: (sep: UInt8, count: Int) = (0x2C, 1)
        for sep in separators {
            let n = fields(buf, header, sep).count
            if n > best.count { best = (sep, n) }
        }
        return best.sep
    }

    /// The first non-blank, non-`#` lines, without their line breaks.
    static func sampleLines(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var lineStart = start
        while lineStart < buf.count && lines.count < sampleSize {
            let lineEnd = ByteText.lineEnd(buf, from: lineStart)
            var s = lineStart
            while s < lineEnd && ByteText.isBlank(buf[s]) { s += 1 }
            if s < lineEnd && buf[s] != ByteText.hash {
                var e = lineEnd
                while e > s && ByteText.isBlank(buf[e - 1]) { e -= 1 }
                lines.append(s..<e)
            }
            lineStart = lineEnd + 1
        }
        return lines
    }

    /// A separator that splits the header into at least two cells and the next lines into no
    /// more cells than that (at least half of them into exactly as many); the one giving the
    /// most cells wins.
    static func consistentSeparator(_ buf: UnsafeBufferPointer<UInt8>, _ lines: [Range<Int>]) -> UInt8? {
        guard let header = lines.first else { return nil }
        var best: (sep: UInt8, count: Int)? = nil
        for sep in separators {
            let n = fields(buf, header, sep).count
            guard n >= 2 else { continue }
            let counts = lines.dropFirst().prefix(8).map { fields(buf, $0, sep).count }
            guard counts.allSatisfy({ $0 <= n }),
                  counts.filter({ $0 == n }).count * 2 >= counts.count else { continue }
            if best == nil || n > best!.count { best = (sep, n) }
        }
        return best?.sep
    }

    /// True when at least half of the non-empty cells of `lines` are numbers.
    static func mostlyNumeric(_ buf: UnsafeBufferPointer<UInt8>, _ lines: ArraySlice<Range<Int>>, _ sep: UInt8) -> Bool {
        var numeric = 0
        var nonEmpty = 0
        for line in lines {
            for cell in fields(buf, line, sep) where !cell.isEmpty {
                nonEmpty += 1
                if NumberParser.parse(buf, cell.lowerBound, cell.upperBound) != nil { numeric += 1 }
            }
        }
        return numeric > 0 && numeric * 2 >= nonEmpty
    }

    /// The cells of one line, trimmed, outer quotes removed (quotes respected when splitting).
    static func fields(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, _ sep: UInt8) -> [Range<Int>] {
        var cells: [Range<Int>] = []
        var cellStart = line.lowerBound
        var inQuotes = false
        var i = line.lowerBound
        func close(_ end: Int) {
            var s = cellStart
            var e = end
            while s < e && (ByteText.isBlank(buf[s]) && buf[s] != sep) { s += 1 }
            while e > s && (ByteText.isBlank(buf[e - 1]) && buf[e - 1] != sep) { e -= 1 }
            if e - s >= 2 && buf[s] == ByteText.quote && buf[e - 1] == ByteText.quote { s += 1; e -= 1 }
            cells.append(s..<e)
        }
        while i < line.upperBound {
            let b = buf[i]
            if b == ByteText.quote {
                inQuotes.toggle()
            } else if b == sep && !inQuotes {
                close(i)
                cellStart = i + 1
            }
            i += 1
        }
        close(line.upperBound)
        return cells
    }
}

/// Reads free-form training output: each line with a counter (epoch/step) and named numbers is a row.
struct TextLogParser {
    let buf: UnsafeBufferPointer<UInt8>
    let source: String
    let start: Int

    /// A normalized name seen in the log, and its column once a row used it.
    private struct Name {
        var text: String
        var isCounter: Bool
        var column: Int?
    }

    private var names: [Name] = []
    private var nameIDs: [String: Int] = [:]
    private var builders: [ColumnBuilder] = []
    private var rows = 0
    /// This line's raw pairs, their name ids (`resolved`; -1 for no name) and the ids used
    /// (`ids`; repeats dropped), and the previous line's pairs and ids (names usually repeat in order).
    private var raw: [TextLineScanner.RawPair] = []
    private var resolved: [Int] = []
    private var ids: [Int] = []
    private var previousRaw: [TextLineScanner.RawPair] = []
    private var previousIDs: [Int] = []

    init(buf: UnsafeBufferPointer<UInt8>, start: Int, source: String) {
        self.buf = buf
        self.start = start
        self.source = source
    }

    mutating func parse() -> RunLog {
        var lineStart = start
        while lineStart < buf.count {
            let lineEnd = ByteText.lineEnd(buf, from: lineStart)
            raw.removeAll(keepingCapacity: true)
            TextLineScanner.scan(buf, lineStart, lineEnd, into: &raw)
            if !raw.isEmpty { readPairs() }
            lineStart = lineEnd + 1
        }
        return RunLog(source: source, format: .text, rowCount: rows,
                      columns: builders.finish(rowCount: rows))
    }

    /// Names the raw pairs of the line and commits them when they make a row.
    private mutating func readPairs() {
        resolved.removeAll(keepingCapacity: true)
        ids.removeAll(keepingCapacity: true)
        var counters = 0
        var others = 0
        for (k, pair) in raw.enumerated() {
            var id = -1
            if k < previousRaw.count, sameBytes(previousRaw[k], pair) {
                id = previousIDs[k]
            } else {
                let text = TextLineScanner.makeName(buf, pair.nameStart, pair.nameEnd)
                if !text.isEmpty {
                    if let existing = nameIDs[text] {
                        id = existing
                    } else {
                        id = names.count
                        nameIDs[text] = id
                        names.append(Name(text: text, isCounter: TextLineScanner.isCounter(text), column: nil))
                    }
                }
            }
            resolved.append(id)
            // First occurrence of a name in the line wins.
            if id >= 0 && ids.contains(id) { id = -1 }
            ids.append(id)
            if id >= 0 {
                if names[id].isCounter { counters += 1 } else { others += 1 }
            }
        }
        if counters > 0 && others > 0 {
            for (k, id) in ids.enumerated() where id >= 0 {
                let column: Int
                if let existing = names[id].column {
                    column = existing
                } else {
                    column = builders.count
                    names[id].column = column
                    builders.append(ColumnBuilder(name: names[id].text))
                }
                builders[column].set(row: rows, raw[k].value)
            }
            rows += 1
        }
        swap(&raw, &previousRaw)
        swap(&resolved, &previousIDs)
    }

    /// True when two raw names are spelled with the same bytes.
    private func sameBytes(_ a: TextLineScanner.RawPair, _ b: TextLineScanner.RawPair) -> Bool {
        let length = a.nameEnd - a.nameStart
        guard length == b.nameEnd - b.nameStart else { return false }
        return memoryEqual(a.nameStart, b.nameStart, length)
    }

    private func memoryEqual(_ a: Int, _ b: Int, _ length: Int) -> Bool {
        var i = 0
        while i < length {
            if buf[a + i] != buf[b + i] { return false }
            i += 1
        }
        return true
    }
}

/// One cell of a delimited record: its trimmed byte range, or its unquoted text when quoted.
struct DelimitedCell {
    /// Trimmed range in the buffer (for a quoted cell: where the opening quote sits).
    var start: Int
    var end: Int
    /// For a quoted cell, its trimmed text with `""` turned into `"`.
    var quoted: [UInt8]?
    /// Line and line start where the cell begins (a quoted cell may span lines).
    var line: Int
    var lineStart: Int
    /// True when the cell was the last of its record.
    var endsRecord: Bool

    @inline(__always)
    var isEmpty: Bool {
        if let quoted { return quoted.isEmpty }
        return start == end
    }

    /// The cell as a number, or nil.
    @inline(__always)
    func number(in buf: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let quoted else { return NumberParser.parse(buf, start, end) }
        return quoted.withUnsafeBufferPointer { NumberParser.parse($0, 0, $0.count) }
    }

    /// The cell's text.
    func text(in buf: UnsafeBufferPointer<UInt8>) -> String {
        guard let quoted else { return ByteText.string(buf, start, end) }
        return String(decoding: quoted, as: UTF8.self)
    }

    /// Where the cell sits, for `firstBadCell`.
    func location(in buf: UnsafeBufferPointer<UInt8>) -> CellLocation {
        CellLocation(line: line,
                     column: ByteText.column(buf, lineStart: lineStart, position: start),
                     found: ByteText.shown(text(in: buf)))
    }
}

/// Column names from header cells: empty names become "columnN" (1-based), repeats get "_2", "_3".
enum HeaderNames {
    static func unique(_ raw: [String]) -> [String] {
        var used = Set<String>()
        var names: [String] = []
        names.reserveCapacity(raw.count)
        for (i, cell) in raw.enumerated() {
            let base = cell.isEmpty ? "column\(i + 1)" : cell
            var name = base
            var suffix = 2
            while used.contains(name) {
                name = "\(base)_\(suffix)"
                suffix += 1
            }
            used.insert(name)
            names.append(name)
        }
        return names
    }
}

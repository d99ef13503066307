/// The cells of a delimited file (header line, RFC 4180 quotes, LF or CRLF line ends, a UTF-8
/// byte order mark, blank and `#` lines skipped) with their text and position, for readers
/// that check each cell themselves, such as the training-data reader.
public struct DelimitedRecords: Sendable {
    /// One cell: its trimmed text (unquoted), the number it spells, and where it starts.
    public struct Cell: Sendable, Equatable {
        public var text: String
        public var number: Double?
        public var line: Int
        public var column: Int
    }

    /// A record with the column just past its last cell (for "missing cell" messages).
    public struct Record: Sendable, Equatable {
        public var cells: [Cell]
        public var line: Int
        public var endColumn: Int
    }

    public var header: Record?
    public var rows: [Record]

    /// Reads every record of `bytes`; `source` names them in errors (RunLogError).
    public static func parse(bytes: [UInt8], source: String, separator: UInt8 = 0x2C) throws -> DelimitedRecords {
        try bytes.withUnsafeBufferPointer { buf in
            var parser = DelimitedParser(buf: buf, start: ByteText.bodyStart(buf), source: source, separator: separator)
            var records: [Record] = []
            while parser.skipToRecord() {
                var cells: [Cell] = []
                var line = 0, endColumn = 1
                while true {
                    let cell = try parser.readCell()
                    if cells.isEmpty { line = cell.line }
                    cells.append(Cell(text: cell.text(in: buf), number: cell.number(in: buf), line: cell.line,
                                      column: ByteText.column(buf, lineStart: cell.lineStart, position: cell.start)))
                    endColumn = ByteText.column(buf, lineStart: cell.lineStart, position: cell.end) + 1
                    if cell.endsRecord { break }
                }
                records.append(Record(cells: cells, line: line, endColumn: endColumn))
            }
            return DelimitedRecords(header: records.first, rows: Array(records.dropFirst()))
        }
    }
}

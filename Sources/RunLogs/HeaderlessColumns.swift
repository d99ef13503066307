/// Whitespace-separated numbers with no header (`1 0.5`), as gnuplot reads them: columns are
/// named by their 1-based number ("1", "2", …), so `--x 1 --y 2` selects them.
enum HeaderlessColumns {
    /// The log when every non-blank, non-`#` line holds the same number (two or more) of
    /// numbers separated by spaces or tabs; nil when the text is anything else.
    static func parse(_ buf: UnsafeBufferPointer<UInt8>, start: Int, source: String) throws -> RunLog? {
        var columns: [[Double]] = []
        var rows = 0
        var lineStart = start
        var cells: [Double] = []
        while lineStart < buf.count {
            let lineEnd = ByteText.lineEnd(buf, from: lineStart)
            cells.removeAll(keepingCapacity: true)
            var i = lineStart
            while i < lineEnd && ByteText.isBlank(buf[i]) { i += 1 }
            if i < lineEnd && buf[i] != ByteText.hash {
                while i < lineEnd {
                    var e = i
                    while e < lineEnd && !ByteText.isBlank(buf[e]) { e += 1 }
                    guard let v = NumberParser.parse(buf, i, e) else { return nil }
                    cells.append(v)
                    i = e
                    while i < lineEnd && ByteText.isBlank(buf[i]) { i += 1 }
                }
                if columns.isEmpty {
                    guard cells.count >= 2 else { return nil }
                    columns = Array(repeating: [], count: cells.count)
                }
                guard cells.count == columns.count else { return nil }
                for (k, v) in cells.enumerated() { columns[k].append(v) }
                rows += 1
            }
            lineStart = lineEnd + 1
        }
        guard rows > 0 else { return nil }
        return RunLog(source: source, format: .text, rowCount: rows,
                      columns: columns.enumerated().map { LogColumn(name: "\($0.offset + 1)", values: $0.element) })
    }
}

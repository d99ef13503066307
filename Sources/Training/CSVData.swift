import RunLogs

/// Reads a numeric CSV file (header line, comma-separated, RFC 4180 quotes, LF or CRLF, a
/// UTF-8 byte order mark) into a `Dataset`, on top of the RunLogs delimited reader.
public enum CSVData {
    /// A CSV problem with its position.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// Parses `text` (from `path`, for messages) with the named feature and target columns.
    public static func parse(_ text: String, path: String, features: [String], targets: [String]) throws -> Dataset {
        try parse(bytes: Array(text.utf8), path: path, features: features, targets: targets)
    }

    /// Parses the file's bytes. A single target column of non-negative integers is also usable as class labels.
    public static func parse(bytes: [UInt8], path: String, features: [String], targets: [String]) throws -> Dataset {
        // UTF-16, UTF-32 and Latin-1 files are named as such, not read as one mangled header.
        if let encoding = bytes.withUnsafeBufferPointer({ TextEncoding.foreignEncoding(of: $0) }) {
            throw Failure(description: "\(path): \(TextEncoding.message(encoding))")
        }
        let records: DelimitedRecords
        do {
            records = try DelimitedRecords.parse(bytes: bytes, source: path)
        } catch let e as RunLogError {
            throw Failure(description: e.description)
        }
        guard let headerRecord = records.header else { throw Failure(description: "\(path):1:1: empty file, expected a header line") }
        let header = headerRecord.cells.map(\.text)
        var columns: [String: Int] = [:]
        for (i, name) in header.enumerated() where columns[name] == nil { columns[name] = i }
        func index(_ name: String) throws -> Int {
            guard let i = columns[name] else {
                throw Failure(description: "\(path):\(headerRecord.line):1: no column '\(name)'; columns: \(header.joined(separator: ", "))")
            }
            return i
        }
        let featureColumns = try features.map(index)
        let targetColumns = try targets.map(index)
        var x: [Double] = [], y: [Double] = []
        x.reserveCapacity(records.rows.count * features.count)
        y.reserveCapacity(records.rows.count * targets.count)
        for row in records.rows {
            func value(_ col: Int) throws -> Double {
                guard col < row.cells.count else {
                    throw Failure(description: "\(path):\(row.line):\(row.endColumn): missing cell for column '\(header[col])' (the line has \(row.cells.count) cells)")
                }
                let cell = row.cells[col]
                guard !cell.text.isEmpty else {
                    throw Failure(description: "\(path):\(cell.line):\(cell.column): empty cell in column '\(header[col])', expected a number")
                }
                guard let v = cell.number else {
                    throw Failure(description: "\(path):\(cell.line):\(cell.column): expected a number in column '\(header[col])', found '\(cell.text)'")
                }
                return v
            }
            for c in featureColumns { x.append(try value(c)) }
            for c in targetColumns { y.append(try value(c)) }
        }
        guard !y.isEmpty else { throw Failure(description: "\(path):2:1: no data rows after the header") }
        var classes: Int?
        if targets.count == 1, y.allSatisfy({ $0 >= 0 && $0 == $0.rounded() && $0 < 1_000 }) {
            classes = Int(y.max()!) + 1
        }
        return Dataset(name: path, featureNames: features, targetNames: targets, inputs: x, targets: y, classCount: classes)
    }
}

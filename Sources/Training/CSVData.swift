/// Reads a numeric CSV file (header line, comma-separated) into a `Dataset`.
public enum CSVData {
    /// A CSV problem with its position.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Parses `text` (from `path`, for messages) with the named feature and target columns.
    /// A single target column of non-negative integers is also usable as class labels.
    public static func parse(_ text: String, path: String, features: [String], targets: [String]) throws -> Dataset {
        // "\r\n" is one Character in Swift, so CRLF files are split on it as well as on "\n".
        let body = text.hasPrefix("\u{FEFF}") ? Substring(text.dropFirst()) : Substring(text)
        var lines = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { line -> Substring in
            line.last == "\r" ? line.dropLast() : line
        }
        while let last = lines.last, last.allSatisfy({ $0 == " " }) { lines.removeLast() }
        guard let headerLine = lines.first else { throw Failure(description: "\(path):1:1: empty file, expected a header line") }
        let header = headerLine.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingBlanks }
        func index(_ name: String) throws -> Int {
            guard let i = header.firstIndex(of: name) else {
                throw Failure(description: "\(path):1:1: no column '\(name)'; columns: \(header.joined(separator: ", "))")
            }
            return i
        }
        let featureColumns = try features.map(index)
        let targetColumns = try targets.map(index)
        var x: [Double] = [], y: [Double] = []
        for (lineIndex, line) in lines.enumerated().dropFirst() {
            if line.isEmpty { continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            var starts: [Int] = []
            var column = 1
            for c in cells { starts.append(column); column += c.count + 1 }
            func value(_ col: Int) throws -> Double {
                guard col < cells.count else {
                    throw Failure(description: "\(path):\(lineIndex + 1):\(column): missing cell for column '\(header[col])' (the line has \(cells.count) cells)")
                }
                let text = String(cells[col]).trimmingBlanks
                guard !text.isEmpty else {
                    throw Failure(description: "\(path):\(lineIndex + 1):\(starts[col]): empty cell in column '\(header[col])', expected a number")
                }
                guard let v = Double(text) else {
                    throw Failure(description: "\(path):\(lineIndex + 1):\(starts[col]): expected a number in column '\(header[col])', found '\(text)'")
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

extension String {
    var trimmingBlanks: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}

/// Accumulates one column row by row; the presence mask is only allocated once a cell is missing.
struct ColumnBuilder {
    var name: String
    private(set) var values: [Double] = []
    /// Empty while every row so far is present.
    private(set) var present: [Bool] = []
    var firstBadCell: CellLocation?
    private(set) var hasNumber = false

    init(name: String, reservingCapacity capacity: Int = 0) {
        self.name = name
        if capacity > 0 { values.reserveCapacity(capacity) }
    }

    var count: Int { values.count }

    @inline(__always)
    mutating func append(_ value: Double) {
        values.append(value)
        if !present.isEmpty { present.append(true) }
        hasNumber = true
    }

    @inline(__always)
    mutating func appendMissing() {
        if present.isEmpty {
            present.reserveCapacity(Swift.max(values.capacity, values.count + 1))
            present.append(contentsOf: repeatElement(true, count: values.count))
        }
        values.append(.nan)
        present.append(false)
    }

    /// Sets row `row`, padding the rows before it with missing cells; a second value for the
    /// same (last) row replaces the first.
    mutating func set(row: Int, _ value: Double) {
        if values.count == row + 1 {
            values[row] = value
            if !present.isEmpty { present[row] = true }
            hasNumber = true
            return
        }
        while values.count < row { appendMissing() }
        append(value)
    }

    /// The finished column, padded to `rowCount` rows.
    mutating func finish(rowCount: Int) -> LogColumn {
        while values.count < rowCount { appendMissing() }
        let mask = present.contains(false) ? present : []
        return LogColumn(name: name, values: values, present: mask,
                         firstBadCell: hasNumber ? firstBadCell : nil,
                         isNumeric: hasNumber)
    }
}

extension Array where Element == ColumnBuilder {
    /// Every builder finished to `rowCount` rows, in order.
    mutating func finish(rowCount: Int) -> [LogColumn] {
        var columns: [LogColumn] = []
        columns.reserveCapacity(count)
        for i in indices { columns.append(self[i].finish(rowCount: rowCount)) }
        return columns
    }
}

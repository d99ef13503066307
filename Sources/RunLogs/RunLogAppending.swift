extension RunLog {
    /// This log followed by the rows of `other` (several event files of one run), matching
    /// columns by name; a column missing on one side is missing in its rows.
    func appendingRows(of other: RunLog) -> RunLog {
        var names = columns.map(\.name)
        var known = Set(names)
        for c in other.columns where known.insert(c.name).inserted { names.append(c.name) }
        let total = rowCount + other.rowCount
        let merged = names.map { name -> LogColumn in
            let a = column(named: name), b = other.column(named: name)
            var values: [Double] = []
            var present: [Bool] = []
            values.reserveCapacity(total); present.reserveCapacity(total)
            for (log, col) in [(self, a), (other, b)] {
                for row in 0..<log.rowCount {
                    if let col, col.isPresent(row) { values.append(col.values[row]); present.append(true) }
                    else { values.append(.nan); present.append(false) }
                }
            }
            return LogColumn(name: name, values: values, present: present.allSatisfy { $0 } ? [] : present,
                             firstBadCell: a?.firstBadCell ?? b?.firstBadCell, isNumeric: (a?.isNumeric ?? false) || (b?.isNumeric ?? false))
        }
        var out = self
        out.columns = merged
        out.rowCount = total
        out.warnings += other.warnings
        return out
    }
}

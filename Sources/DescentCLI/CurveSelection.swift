import Plot
import RunLogs

/// Picks the x column and the loss series out of a run log, the way `descent plot`
/// documents: x is `--x`, else `step`, else `epoch`, else the row number; y is `--y`,
/// else every numeric column whose name contains "loss", else every other numeric column.
/// `--x wall` and `--x relative` use the log's wall-clock column. A column `m__MIN` with
/// `m__MAX` beside it is drawn as a band around `m`, never as a series of its own.
struct CurveSelection {
    var xName: String?
    var yNames: [String]?

    /// What the x values are.
    enum XKind { case column, wall, relative }

    var xKind: XKind {
        switch xName?.lowercased() {
        case "wall": return .wall
        case "relative": return .relative
        default: return .column
        }
    }

    /// Wall-time column names other tools use.
    static let wallNames = ["wall_time", "wall time", "walltime", "timestamp", "_timestamp", "time"]

    static func isBandColumn(_ name: String) -> Bool { name.hasSuffix("__MIN") || name.hasSuffix("__MAX") }

    /// Counter-like columns that are never plotted as y by default.
    static let counters: Set<String> = ["step", "epoch", "iteration", "iter", "time", "wall_time", "walltime",
                                        "timestamp", "global_step", "batch"]

    /// The x axis name and the curves of `log`, labelled `run`.
    func curves(from log: RunLog, run: String) throws -> (xName: String, curves: [LossCurve]) {
        let numeric = log.columns.filter(\.isNumeric)
        guard log.rowCount > 0, !numeric.isEmpty else {
            throw UserError("\(log.source): no numeric data found in this \(log.format.name) log "
                + "(expected a header line and numbers, JSON objects with numbers, or lines like 'Epoch 01 | Loss: 32.5000')")
        }
        // x values.
        let xColumn: LogColumn?
        let wall = log.wallTimeColumn.flatMap { log.column(named: $0) }
            ?? Self.wallNames.lazy.compactMap { n in numeric.first { $0.name.lowercased() == n } }.first
        if xKind != .column {
            guard let wall else {
                throw UserError("\(log.source): --x \(xName!) needs wall-clock times, and this \(log.format.name) log has none; columns: \(describe(log))")
            }
            xColumn = wall
        } else if let xName {
            xColumn = try column(named: xName, in: log, role: "--x")
        } else {
            xColumn = ["step", "epoch"].lazy.compactMap { name in numeric.first { $0.name.lowercased() == name } }.first
                ?? (log.column(named: "1") != nil && log.column(named: "2") != nil ? log.column(named: "1") : nil)  // headerless: 1:2
        }
        if let xColumn { try check(xColumn, in: log) }
        let xLabel: String
        switch xKind {
        case .wall: xLabel = "wall time (UTC)"
        case .relative: xLabel = "relative time"
        case .column: xLabel = xColumn?.name ?? "row"
        }
        let xOrigin = xKind == .relative ? (xColumn.map { c in (0..<log.rowCount).compactMap { c.value(at: $0) }.filter(\.isFinite).min() ?? 0 } ?? 0) : 0

        // y columns.
        let yColumns: [LogColumn]
        if let yNames {
            yColumns = try yNames.map { try column(named: $0, in: log, role: "--y") }
        } else {
            let others = numeric.filter { $0.name != xColumn?.name && $0.name != wall?.name && !Self.isBandColumn($0.name) }
            let losses = others.filter { $0.name.lowercased().contains("loss") }
            let fallback = others.filter { !Self.counters.contains($0.name.lowercased()) }
            yColumns = losses.isEmpty ? fallback : losses
            if yColumns.isEmpty {
                throw UserError("\(log.source): nothing to plot besides '\(xLabel)'; columns: \(describe(log))")
            }
        }
        var curves: [LossCurve] = []
        for y in yColumns {
            try check(y, in: log)
            var xs: [Double] = [], ys: [Double] = []
            xs.reserveCapacity(log.rowCount); ys.reserveCapacity(log.rowCount)
            let lowerColumn = log.column(named: y.name + "__MIN"), upperColumn = log.column(named: y.name + "__MAX")
            let hasBand = lowerColumn != nil && upperColumn != nil
            var lower: [Double] = [], upper: [Double] = []
            for row in 0..<log.rowCount {
                guard let yv = y.value(at: row) else { continue }
                let xv: Double
                if let xColumn {
                    guard let v = xColumn.value(at: row), v.isFinite else { continue }
                    xv = v - xOrigin
                } else {
                    xv = Double(row + 1)
                }
                xs.append(xv); ys.append(yv)
                if hasBand {
                    lower.append(lowerColumn!.value(at: row) ?? .nan)
                    upper.append(upperColumn!.value(at: row) ?? .nan)
                }
            }
            if xs.isEmpty { continue }
            curves.append(LossCurve(run: run, series: y.name, xs: xs, ys: ys, band: hasBand ? (lower, upper) : nil))
        }
        if curves.isEmpty {
            throw UserError("\(log.source): no rows hold both '\(xLabel)' and \(yColumns.map { "'\($0.name)'" }.joined(separator: ", "))")
        }
        return (xLabel, curves)
    }

    /// The column called `name` (exact, else the one case-insensitive match).
    func column(named name: String, in log: RunLog, role: String) throws -> LogColumn {
        if let c = log.column(named: name), c.isNumeric { return c }
        let folded = log.columns.filter { $0.name.lowercased() == name.lowercased() && $0.isNumeric }
        if folded.count == 1 { return folded[0] }
        // gnuplot-style: a column number, 1-based, when no column has that name.
        if let k = Int(name), k >= 1, k <= log.columns.count, log.columns[k - 1].isNumeric { return log.columns[k - 1] }
        if let c = log.column(named: name), !c.isNumeric {
            throw UserError("\(log.source): \(role) column '\(name)' holds no numbers; numeric columns: \(describe(log))")
        }
        throw UserError("\(log.source): no column '\(name)' (\(role)); columns: \(describe(log))")
    }

    func check(_ c: LogColumn, in log: RunLog) throws {
        if let bad = c.firstBadCell {
            throw UserError("\(log.source):\(bad.line):\(bad.column): column '\(c.name)': expected a number, found '\(bad.found)'")
        }
    }

    func describe(_ log: RunLog) -> String {
        let numeric = log.numericColumnNames
        let text = log.columns.filter { !$0.isNumeric }.map(\.name)
        var s = numeric.isEmpty ? "(none numeric)" : numeric.joined(separator: ", ")
        if !text.isEmpty { s += " (not numeric: \(text.joined(separator: ", ")))" }
        return s
    }
}

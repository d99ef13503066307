/// Recognises CSV files written by tools with conventions of their own and reshapes them:
/// TensorBoard's CSV download (`Wall time,Step,Value`) and Weights & Biases exports
/// (`Step` and `"<run> - <metric>"` columns, with `__MIN`/`__MAX` companions).
/// Keras `CSVLogger` and Lightning `metrics.csv` need no reshaping (`NA` cells and sparse
/// rows are read as missing values).
enum FrameworkCSV {
    /// The runs in `log`, reshaped when it is a known flavour (`forced` picks one).
    static func runs(of log: RunLog, forced: InputFormat?) -> [RunLog] {
        let names = log.columns.map(\.name)
        // Plain csv/tsv still recognise flavours; keras and lightning need no reshaping.
        let detect = forced == nil || forced == .csv || forced == .tsv
        if forced == .tensorboardCSV || (detect && isTensorBoardCSV(names)) {
            return [tensorBoardCSV(log)]
        }
        if forced == .wandb || (detect && isWandb(names)) {
            return wandb(log)
        }
        return [log]
    }

    static func isTensorBoardCSV(_ names: [String]) -> Bool {
        names == ["Wall time", "Step", "Value"]
    }

    static func isWandb(_ names: [String]) -> Bool {
        names.contains("Step") && names.contains { $0.contains(" - ") }
    }

    /// `Value` renamed to the tag encoded in TensorBoard's download name
    /// (`run-<run>-tag-<tag>.csv`), and the wall time marked.
    static func tensorBoardCSV(_ log: RunLog) -> RunLog {
        var log = log
        log.wallTimeColumn = log.column(named: "Wall time") != nil ? "Wall time" : nil
        let file = log.source.split(separator: "/").last.map(String.init) ?? log.source
        if let range = file.range(of: "-tag-"), file.hasPrefix("run-") {
            var tag = String(file[range.upperBound...])
            if tag.hasSuffix(".csv") { tag.removeLast(4) }
            let run = String(file[file.index(file.startIndex, offsetBy: 4)..<range.lowerBound])
            if let i = log.columns.firstIndex(where: { $0.name == "Value" }), !tag.isEmpty {
                log.columns[i].name = tag
            }
            log.runName = run.isEmpty ? nil : run
        }
        return log
    }

    /// One run per `<run> - ` prefix, each with `Step` and its metrics (and their bands).
    static func wandb(_ log: RunLog) -> [RunLog] {
        var order: [String] = []
        var byRun: [String: [LogColumn]] = [:]
        let shared = log.columns.filter { !$0.name.contains(" - ") }
        for column in log.columns {
            guard let r = column.name.range(of: " - ") else { continue }
            let run = String(column.name[..<r.lowerBound])
            var c = column
            c.name = String(column.name[r.upperBound...])
            if byRun[run] == nil { order.append(run) }
            byRun[run, default: []].append(c)
        }
        return order.map { run in
            var l = log
            l.columns = shared + byRun[run]!
            l.runName = run
            return l
        }
    }
}

// libFuzzer entries for the run-log readers (built with the RunLogs sources by
// scripts/fuzz-readers, one binary per reader chosen with -D; not part of the Swift package).
// Any input must either read into a consistent RunLog (every column as long as the row count,
// warnings instead of crashes for damaged event files) or fail with a RunLogError whose line
// and column lie inside the input.

#if FUZZ_EVENTS
let fuzzFormat: LogFormat? = .tensorBoardEvents
#elseif FUZZ_DELIMITED
let fuzzFormat: LogFormat? = .delimited(separator: 0x2C)
#elseif FUZZ_JSONL
let fuzzFormat: LogFormat? = .jsonLines
#elseif FUZZ_TEXT
let fuzzFormat: LogFormat? = .text
#elseif FUZZ_TRAINER_STATE
let fuzzFormat: LogFormat? = .trainerState
#else
let fuzzFormat: LogFormat? = nil  // sniffed, as `descent plot` does for unnamed input
#endif

#if FUZZ_NAMED_LOG
let fuzzSource = "fuzz.log"  // a .log name: CSV content is still read as CSV, anything else as text
#else
let fuzzSource = "fuzz"
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLogReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    check(bytes)
    // The same input with CRLF line ends (and behind a UTF-8 byte order mark).
    var crlf: [UInt8] = [0xEF, 0xBB, 0xBF]
    crlf.reserveCapacity(bytes.count * 2 + 3)
    for b in bytes {
        if b == 0x0A { crlf.append(0x0D) }
        crlf.append(b)
    }
    check(crlf)
    return 0
}

func check(_ bytes: [UInt8]) {
    let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    do {
        let log = try RunLogReader.parse(bytes: bytes, source: fuzzSource, format: fuzzFormat)
        for column in log.columns {
            precondition(column.values.count == log.rowCount, "column \(column.name) has \(column.values.count) values for \(log.rowCount) rows")
            precondition(column.present.isEmpty || column.present.count == log.rowCount, "presence mask length")
        }
        for run in FrameworkCSV.runs(of: log, forced: nil) {
            precondition(run.columns.allSatisfy { $0.values.count == run.rowCount })
        }
    } catch let error as RunLogError {
        if let line = error.line { precondition(line >= 1 && line <= lines, "error line \(line) outside 1...\(lines)") }
        if let column = error.column { precondition(column >= 1, "error column \(column)") }
        _ = error.description
    } catch {
        preconditionFailure("unexpected error \(error)")
    }
}

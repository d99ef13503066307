// libFuzzer entry for the `descent train --log` run-log reader (`TrainingLog.parse`, which
// `landscape --run` and the spec panels use), built with the run-log schema's sources by
// scripts/fuzz-readers (reader `run-log`; not part of the Swift package). Any input must either
// read, or fail with a `TrainingLog.Failure` that names the file (and a line inside the input).
// A log that reads must read the same with CRLF line ends behind a UTF-8 byte order mark, and
// must survive a round trip through the writer: its records written back as the log writes them
// read back to the same records (strings holding NaN, quotes or control characters included).
import Foundation

let fuzzPath = "NaN Infinity.jsonl"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTrainingLog(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let plain = read(bytes)
    var crlf: [UInt8] = [0xEF, 0xBB, 0xBF]
    crlf.reserveCapacity(bytes.count * 2 + 3)
    for b in bytes {
        if b == 0x0A { crlf.append(0x0D) }
        crlf.append(b)
    }
    let dos = read(crlf)
    // A CR before each LF and a BOM change nothing, except where the input already had CRs or a BOM of its own.
    if !bytes.contains(0x0D) && !bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
        precondition((plain == nil) == (dos == nil), "CRLF changed whether the log reads")
        if let plain, let dos { precondition(summary(plain) == summary(dos), "CRLF changed the records") }
    }
    if let plain { roundTrip(plain) }
    return 0
}

/// The log, or nil after checking the failure's message.
func read(_ bytes: [UInt8]) -> TrainingLog? {
    let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    do {
        let log = try TrainingLog.parse(Data(bytes), path: fuzzPath)
        precondition(log.steps.count == log.stepLines.count, "a step without its line number")
        precondition(log.stepLines.allSatisfy { $0 >= 1 && $0 <= lines }, "step line outside the input")
        return log
    } catch let failure as TrainingLog.Failure {
        precondition(failure.description.hasPrefix(fuzzPath + ":"), "message without the file: \(failure.description)")
        let rest = failure.description.dropFirst(fuzzPath.count + 1)
        if let line = Int(rest.prefix { $0.isNumber }) { precondition(line >= 1 && line <= lines, "error line \(line) outside 1...\(lines)") }
        return nil
    } catch {
        preconditionFailure("unexpected error \(error)")
    }
}

/// The records in words (NaN equal to NaN), without line numbers.
func summary(_ log: TrainingLog) -> String {
    "\(String(describing: log.header))|\(log.steps)|\(log.epochs)|\(String(describing: log.end))"
}

/// Writes the records back as `descent train --log` does and reads them again.
func roundTrip(_ log: TrainingLog) {
    var lines: [TrainingLogLine] = log.header.map { [.header($0)] } ?? []
    lines += log.steps.map { .step($0) } + log.epochs.map { .epoch($0) } + (log.end.map { [.end($0)] } ?? [])
    let text = lines.map(\.jsonText).joined(separator: "\n") + "\n"
    guard let again = try? TrainingLog.parse(Data(text.utf8), path: fuzzPath) else {
        preconditionFailure("the writer's own text does not read back:\n\(text)")
    }
    precondition(summary(again) == summary(log), "the round trip changed the records:\n\(text)")
}

// libFuzzer entry for the expression parser (built with the Autodiff sources by
// scripts/fuzz-parser; not part of the Swift package). Any input must either parse into a
// graph that evaluates, or fail with an ExpressionError whose position lies in the source.
// Every input is also tried with its line breaks as CR LF (it must mean the same: same
// statements, same value), and every 16th through a file read back as `descent graph -f` does.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let source = String(decoding: bytes, as: UTF8.self)
    let plain = check(source)
    let crlf = check(source.replacingOccurrences(of: "\n", with: "\r\n"))
    // A CR before an LF adds no line: both parse or neither; the same statements and value.
    precondition((plain == nil) == (crlf == nil), "CR LF changed whether the input parses")
    if let plain, let crlf {
        precondition(plain.statements == crlf.statements, "CR LF changed the statements")
        precondition(plain.value == crlf.value || (plain.value.isNaN && crlf.value.isNaN), "CR LF changed the value")
    }
    if size % 16 == 0 { _ = viaFile(bytes) }
    return 0
}

/// Parses, builds, evaluates; nil when the text is not an expression (after checking the error).
func check(_ source: String) -> (statements: Int, value: Double)? {
    let length = source.unicodeScalars.count
    do {
        let program = try Parser.parse(source)
        precondition(!program.statements.isEmpty, "a program without statements parsed")
        let graph = ComputationGraph(program)
        precondition(graph.output < graph.nodes.count)
        for node in graph.nodes { precondition(node.inputs.allSatisfy { $0 < node.id }, "inputs must precede their user") }
        var values: [String: Double] = [:]
        for (i, v) in graph.variables.enumerated() { values[v.name!] = 0.25 + Double(i) }
        let evaluation = try Evaluation(graph, values: values)
        precondition(evaluation.gradients.count == graph.nodes.count && evaluation.values.count == graph.nodes.count)
        _ = evaluation.domainIssues.map(\.description)
        for statement in program.statements { _ = statement.expression.sExpression }
        return (program.statements.count, evaluation.outputValue)
    } catch let error as ExpressionError {
        precondition(error.start >= 0 && error.start <= length, "error position \(error.start) outside 0...\(length)")
        let rendered = error.render(in: source, label: "expr.txt")
        precondition(rendered.contains("^"), "rendered error without a caret")
        return nil
    } catch {
        preconditionFailure("unexpected error \(error)")
    }
}

/// Writes the bytes to a file and reads them back as UTF-8 text, as `graph -f` does (a BOM
/// dropped); invalid UTF-8 is refused there, so only valid text is parsed.
func viaFile(_ bytes: UnsafeBufferPointer<UInt8>) -> (statements: Int, value: Double)? {
    let path = NSTemporaryDirectory() + "/fuzz-parser-\(getpid()).txt"
    guard FileManager.default.createFile(atPath: path, contents: Data(buffer: bytes)) else { return nil }
    defer { try? FileManager.default.removeItem(atPath: path) }
    guard var text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    return check(text)
}

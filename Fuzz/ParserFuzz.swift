// libFuzzer entry for the expression parser (built with the Autodiff sources by
// scripts/fuzz-parser; not part of the Swift package). Any input must either parse into a
// graph that evaluates, or fail with an ExpressionError whose position lies in the source.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let length = source.count
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
    } catch let error as ExpressionError {
        precondition(error.start >= 0 && error.start <= length, "error position \(error.start) outside 0...\(length)")
        let rendered = error.render(in: source)
        precondition(rendered.contains("^"), "rendered error without a caret")
    } catch {
        preconditionFailure("unexpected error \(error)")
    }
    return 0
}

import Autodiff
import CairoCanvas
import Diagram
import Foundation
import Plot

/// `descent graph --outputs add,mul,max`: one diagram per named output of the program, side by
/// side in one figure, each seeded with its own upstream gradient (`--upstream 1,2,1`).
struct GraphOutputsJob {
    var request: GraphRequest
    /// The outputs' names and their upstream gradients.
    var outputs: [(name: String, upstream: Double)]

    /// Checks the names against the program's statements and pairs them with `--upstream`
    /// (one value for all, or one per output).
    static func outputs(names text: String, upstream: String?, graph: ComputationGraph) throws -> [(name: String, upstream: Double)] {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let bound = graph.statementNames
        for name in names {
            guard !name.isEmpty else { throw UserError("--outputs '\(text)': expected statement names separated by commas, e.g. --outputs add,mul,max") }
            guard bound.contains(name) else {
                throw UserError("--outputs: the program binds no '\(name)'; its statements name: \(bound.isEmpty ? "(none)" : bound.joined(separator: ", "))")
            }
        }
        if Set(names).count != names.count { throw UserError("--outputs '\(text)': a name is given twice") }
        var upstreams = Array(repeating: 1.0, count: names.count)
        if let upstream {
            let parts = upstream.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 1 || parts.count == names.count else {
                throw UserError("--upstream '\(upstream)': expected one value or \(names.count) (one per output in --outputs), found \(parts.count)")
            }
            let values = try parts.map { p -> Double in
                guard let g = Double(p), g.isFinite else { throw UserError("--upstream '\(upstream)': '\(p)' is not a finite number") }
                return g
            }
            upstreams = parts.count == 1 ? Array(repeating: values[0], count: names.count) : values
        }
        return Array(zip(names, upstreams))
    }

    /// Each output's graph (what it depends on) evaluated at its share of the values.
    func evaluations() throws -> [(name: String, evaluation: Evaluation)] {
        try outputs.map { output in
            let graph = request.graph.restricted(toOutputNamed: output.name)!
            let used = Set(graph.variables.compactMap(\.name))
            let values = request.values.filter { used.contains($0.key) }
            return (output.name, try Evaluation(graph, values: values, upstream: output.upstream))
        }
    }

    func run() throws {
        guard request.framesDirectory == nil, request.format != .dot, !request.check else {
            throw UserError("--outputs draws one figure of several graphs: use png, svg, pdf or json, without --frames or --check")
        }
        let evaluated = try evaluations()
        let job = GraphJob(request: request)
        let stage: DiagramStage = request.forwardOnly ? .forward : .backward
        let diagrams = try MeasuringCanvas.with { canvas in
            evaluated.map { ($0.name, GraphDiagram($0.evaluation, options: job.options(stage: stage), measuringWith: canvas)) }
        }
        if request.format == .json {
            // One document per output, by name, in the order given.
            let parts = zip(evaluated, diagrams).map { e, d in
                "{\"name\": \(GraphJSON.string(e.name)), \"upstream\": \(GraphJSON.number(e.evaluation.upstream)),\n\"graph\": "
                    + GraphJSON(e.evaluation, forwardOnly: request.forwardOnly, diagram: d.1).encoded() + "}"
            }
            let text = "{\"outputs\": [\n" + parts.joined(separator: ",\n") + "]}\n"
            if let path = request.outputPath { try job.write(text: text, to: path) } else { print(text, terminator: "") }
            return
        }
        guard let path = request.outputPath else { return }
        let titled = zip(outputs, diagrams).map { output, d in
            (title: GraphDiagram.markupName(output.name) + ", upstream " + NumberText.compact(output.upstream), diagram: d.1)
        }
        let figure = GraphOutputsFigure.figure(titled)
        let format = OutputFormat(rawValue: request.format.rawValue)!
        var dpi = request.dpi
        if format == .png, let fitted = PNGSizeLimit.largestDPI(for: figure.size, asked: request.dpi) {
            dpi = fitted.dpi
            Diagnostics.note("\(path): drawn at --dpi \(NumberText.compact(dpi)), the largest that fits PNG output (\(fitted.askedPixels) pixels at the asked dpi)")
        }
        try FigureWriter.write(figure, to: path, format: format, dpi: dpi, title: nil, documentTitle: request.graph.source)
    }
}

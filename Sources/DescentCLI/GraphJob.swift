import Foundation
import Autodiff
import Canvas
import CairoCanvas
import Diagram
import Plot

/// Runs a `descent graph` request: evaluates, reports domain problems and the gradient
/// check, and writes the figure, the frames, or the DOT/JSON text.
struct GraphJob {
    var request: GraphRequest

    func run() throws {
        if let tensors = request.tensorValues { return try runTensorGraph(tensors) }
        let evaluation: Evaluation
        do {
            evaluation = try Evaluation(request.graph, values: request.values, upstream: request.upstream)
        } catch let e as MissingValues {
            throw UserError(e.description)
        }
        for input in evaluation.nonFiniteInputs {
            Diagnostics.note("input '\(input.name)' is \(NumberText.compact(input.value)): values that depend on it are not finite; gradients that do not (as d(x + y)/dy) still are")
        }
        for issue in evaluation.domainIssues {
            Diagnostics.note("domain error at \(issue); the graph marks it")
        }
        if request.check {
            let check = try GradientCheck(evaluation, values: request.values)
            print(GraphCheckReport.text(check))
        }
        try output(evaluation)
    }

    /// Writes the frames, the figure, or the DOT/JSON text of `evaluation` (`step`: the step taken before it, for the JSON).
    func output(_ evaluation: any DiagramEvaluation, step: GraphStepJSON? = nil) throws {
        if let dir = request.framesDirectory { try writeFrames(evaluation, to: dir) }
        switch request.format {
        case .dot, .json:
            let text: String
            if request.format == .dot {
                text = GraphDotExport.dot(evaluation, direction: request.direction, local: request.local, forwardOnly: request.forwardOnly)
            } else {
                let stage: DiagramStage = request.forwardOnly ? .forward : .backward
                let diagram = try MeasuringCanvas.with { GraphDiagram(evaluation, options: options(stage: stage), measuringWith: $0) }
                var json = GraphJSON(evaluation, forwardOnly: request.forwardOnly, diagram: diagram)
                json.step = step
                text = json.encoded()
            }
            if let path = request.outputPath { try write(text: text, to: path) } else { print(text, terminator: "") }
        case .png, .svg, .pdf:
            guard let path = request.outputPath else { return }
            try writeImage(evaluation, stage: request.forwardOnly ? .forward : .backward, to: path)
        }
    }

    func options(stage: DiagramStage) -> GraphDiagram.Options {
        var o = GraphDiagram.Options()
        o.direction = request.direction
        o.showLocal = request.local
        o.symbolicLocal = request.symbolicLocal
        o.stage = stage
        return o
    }

    func writeImage(_ evaluation: any DiagramEvaluation, stage: DiagramStage, to path: String) throws {
        let format = OutputFormat(rawValue: request.format.rawValue)!
        let diagram: GraphDiagram
        do {
            diagram = try MeasuringCanvas.with { GraphDiagram(evaluation, options: options(stage: stage), measuringWith: $0) }
        } catch let e as OutputError {
            throw UserError(e.description)
        }
        var dpi = request.dpi
        if format == .png, let fitted = PNGSizeLimit.largestDPI(for: diagram.size, asked: request.dpi) {
            dpi = fitted.dpi
            Diagnostics.note("\(path): at --dpi \(NumberText.compact(request.dpi)) this graph needs \(fitted.askedPixels) pixels, more than PNG output allows here "
                             + "(\(PNGSizeLimit.maximumSide) per side, \(PNGSizeLimit.maximumPixels / 1_000_000) Mpx); drawn at --dpi \(NumberText.compact(dpi)) "
                             + "instead (SVG or PDF keep every detail; --flatten draws long sums as one gate)")
        }
        let figure = Figure(size: diagram.size, panels: [GraphPanel(diagram)])
        try FigureWriter.write(figure, to: path, format: format, dpi: dpi, title: nil, documentTitle: request.graph.source)
    }

    /// frame-000 shows the forward pass; frame-k the backward pass after k nodes.
    func writeFrames(_ evaluation: any DiagramEvaluation, to directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw UserError("--frames \(directory): exists and is not a directory") }
        } else {
            do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                throw UserError("--frames \(directory): cannot create the directory")
            }
        }
        let ext = request.format.rawValue
        let steps = evaluation.graph.nodes.count
        let digits = max(3, String(steps).count)
        for k in 0...steps {
            let name = String(repeating: "0", count: digits - String(k).count) + String(k)
            // The layout is the same in every frame: gradients are measured, then hidden.
            try writeImage(evaluation, stage: .backwardStep(visited: k),
                           to: directory + "/frame-\(name).\(ext)")
        }
        Diagnostics.note("wrote \(steps + 1) frames to \(directory)/frame-*.\(ext)")
    }

    func write(text: String, to path: String) throws {
        do { try AtomicFile.write(text: text, to: path) } catch let e as OutputError { throw UserError(e.description) }
    }
}

/// The `--check` table: backprop vs centred finite differences per input.
enum GraphCheckReport {
    static func text(_ check: GradientCheck) -> String {
        let width = max(8, check.rows.map(\.name.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        var lines = [pad("input", width) + "  " + pad("backprop", 22) + "  " + pad("finite difference", 22) + "  error"]
        for r in check.rows {
            lines.append(pad(r.name, width) + "  " + pad("\(r.analytic)", 22) + "  " + pad("\(r.numeric)", 22) + "  " + String(format: "%.2e", r.error))
        }
        lines.append("largest error: " + String(format: "%.2e", check.largestError)
                     + " (|backprop - finite difference| / max(1, |backprop|, |finite difference|), h = 1e-6 max(1, |x|))")
        return lines.joined(separator: "\n")
    }
}

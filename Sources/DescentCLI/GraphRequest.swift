import Foundation
import Autodiff
import CairoCanvas
import Diagram

/// A validated `descent graph` invocation: the parsed graph, its values and the outputs.
struct GraphRequest {
    /// What to write.
    enum Format: String { case png, svg, pdf, dot, json }

    var graph: ComputationGraph
    /// The values of a scalar graph (empty for a tensor graph).
    var values: [String: Double]
    /// Every value, when the graph is a tensor graph (an array value, an array operation, or `--step`); nil otherwise.
    var tensorValues: [String: Tensor]?
    /// `--step ETA --update NAMES`: one gradient-descent step on the named variables before drawing.
    var step: GraphStep?
    /// How error messages name the expression ("expression" or its file).
    var expressionLabel = "expression"
    var outputPath: String?
    var format: Format
    var dpi: Double
    var direction: LayeredLayout.Direction
    var local: Bool
    /// `--outputs`: the statements drawn side by side and their upstream gradients (empty: the program's output).
    var outputs: [(name: String, upstream: Double)] = []
    /// Local derivatives as formulas (`--local symbolic` or `both`).
    var symbolicLocal = false
    var forwardOnly: Bool
    var framesDirectory: String?
    var check: Bool
    /// The output's gradient that seeds the backward pass.
    var upstream: Double = 1
    /// `--upstream [1, 0]`: a seed of the output's shape for a tensor graph.
    var upstreamSeed: Tensor?

    init(expression: String, assignments: [String], valuesFile: String?, output: String?, format: String?, dpi: Double,
         direction: LayeredLayout.Direction, local: Bool, stage: GraphStage, frames: String?, check: Bool, expressionLabel: String = "expression", flatten: Bool = false, upstream: String? = nil,
         step: String? = nil, update: String? = nil) throws {
        self.expressionLabel = expressionLabel
        do {
            graph = try ComputationGraph(parsing: expression)
            if flatten { graph = graph.flattened() }
        } catch let e as ExpressionError {
            throw UserError(e.render(in: expression, label: expressionLabel))
        }
        self.direction = direction
        forwardOnly = stage == .forward
        guard dpi.isFinite, dpi >= 18, dpi <= 2400 else { throw UserError("--dpi \(dpi): expected a number from 18 to 2400") }
        self.dpi = dpi
        self.local = local
        self.check = check
        if let upstream, TensorLiteral.looksLikeArray(upstream) {
            // A seed of the output's shape, as PyTorch's f.backward(gradient=...): [1, 0] picks a Jacobian's first row.
            do { upstreamSeed = try TensorLiteral.parse(upstream) } catch let e as ExpressionError {
                throw UserError(e.render(in: upstream, label: "--upstream"))
            }
        } else if let upstream {
            guard let g = Double(upstream.trimmingSpaces), g.isFinite else {
                throw UserError("--upstream '\(upstream)': expected a finite number, e.g. --upstream 2")
            }
            self.upstream = g
        }
        self.framesDirectory = frames

        // Values: the JSON file first, then NAME=VALUE arguments (VALUE a number or an array, [1, 2] or [[3, 2], [4, 1]]).
        var values: [String: Tensor] = [:]
        if let valuesFile { values = try GraphValuesFile.read(valuesFile) }
        for a in assignments {
            let parts = a.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw UserError("'\(a)': expected NAME=VALUE, e.g. x=-2 (quote the expression if it contains spaces)")
            }
            let name = parts[0].trimmingSpaces
            if TensorLiteral.looksLikeArray(parts[1]) {
                do { values[name] = try TensorLiteral.parse(parts[1]) } catch let e as ExpressionError {
                    throw UserError(e.render(in: parts[1], label: "value of '\(name)'"))
                }
                continue
            }
            guard let v = Double(parts[1].trimmingSpaces) else {
                throw UserError("'\(a)': '\(parts[1])' is not a number (nor an array such as [1, 2] or [[3, 2], [4, 1]])")
            }
            values[name] = Tensor(v)
        }
        let variables = graph.variables.compactMap(\.name)
        let computed = Set(graph.nodes.compactMap { n -> String? in if case .named(let s) = n.kind { return s } else { return nil } })
        for name in values.keys.sorted() where !variables.contains(name) {
            if computed.contains(name) {
                throw UserError("'\(name)' is computed by the expression and takes no value; inputs: \(variables.joined(separator: ", "))")
            }
            throw UserError("value given for '\(name)', which the expression does not use; its inputs: \(variables.isEmpty ? "(none)" : variables.joined(separator: ", "))")
        }
        let missing = variables.filter { values[$0] == nil }
        if !missing.isEmpty { throw UserError(MissingValues(names: missing).description) }
        self.step = try GraphStep(step: step, update: update, graph: graph)
        if self.step != nil || upstreamSeed != nil || TensorEvaluation.isNeeded(graph, values: values) {
            tensorValues = values
            self.values = [:]
        } else {
            self.values = values.mapValues(\.scalar)
        }

        // Output and format.
        let resolved: Format
        if let format {
            guard let f = Format(rawValue: format.lowercased()) else {
                throw UserError("unknown format '\(format)': expected png, svg, pdf, dot or json")
            }
            resolved = f
        } else if let output {
            let ext = output.split(separator: "/").last.flatMap { name in name.lastIndex(of: ".").map { String(name[name.index(after: $0)...]) } }
            guard let ext, let f = Format(rawValue: ext.lowercased()) else {
                throw UserError("\(output): cannot tell the format from the extension: expected .png, .svg, .pdf, .dot or .json (or pass --format)")
            }
            resolved = f
        } else {
            resolved = .png
        }
        self.format = resolved
        if let output {
            outputPath = output
        } else if resolved == .dot || resolved == .json || (check && frames == nil) || frames != nil {
            outputPath = nil  // standard output for text, or nothing but the check / frames
        } else {
            outputPath = "graph.\(resolved.rawValue)"
        }
        if frames != nil && (resolved == .dot || resolved == .json) {
            throw UserError("--frames writes images: use --format png, svg or pdf")
        }
        if let valuesFile, let target = outputPath, SamePath.check(valuesFile, target) {
            throw UserError("\(target): refusing to overwrite the values file; choose another output")
        }
    }
}

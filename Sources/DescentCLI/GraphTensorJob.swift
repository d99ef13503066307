import Autodiff
import Foundation
import Diagram

extension GraphRequest {
    /// Evaluates the tensor graph at `values`; a shape error is the expression's line with a caret
    /// under the operator.
    func tensorEvaluation(_ values: [String: Tensor]) throws -> TensorEvaluation {
        do {
            if let upstreamSeed {
                let shape = try TensorEvaluation(graph, values: values).outputValue.shape
                guard upstreamSeed.shape == shape else {
                    throw UserError("--upstream \(upstreamSeed): shape \(upstreamSeed.shapeText), but the output has shape \(Tensor.shapeText(shape)); "
                                    + "the seed gradient needs the output's shape")
                }
                return try TensorEvaluation(graph, values: values, seed: upstreamSeed)
            }
            return try TensorEvaluation(graph, values: values, upstream: upstream)
        } catch let e as ExpressionError {
            throw UserError(e.render(in: graph.source, label: expressionLabel))
        } catch let e as MissingValues {
            throw UserError(e.description)
        }
    }

    /// The evaluation to draw (after the step, with `--step`), the one before the step, and the values drawn.
    func steppedEvaluation(_ values: [String: Tensor]) throws -> (drawn: TensorEvaluation, before: TensorEvaluation?, values: [String: Tensor]) {
        let first = try tensorEvaluation(values)
        guard let step else { return (first, nil, values) }
        let after = step.apply(to: values, gradients: first)
        return (try tensorEvaluation(after), first, after)
    }
}

extension GraphJob {
    /// `run()` for a tensor graph: notes, the step, the check, then the figure or text.
    func runTensorGraph(_ values: [String: Tensor]) throws {
        let (evaluation, before, drawnValues) = try request.steppedEvaluation(values)
        for name in evaluation.nonFiniteInputs {
            Diagnostics.note("input '\(name)' has NaN or infinite entries: values that depend on them are not finite")
        }
        for issue in evaluation.domainIssues {
            Diagnostics.note("domain error at \(issue); the graph marks it")
        }
        var stepJSON: GraphStepJSON?
        if let step = request.step, let before {
            let name = request.graph.nodes[request.graph.output].name ?? "output"
            Diagnostics.note("step: " + step.names.map { "\($0) <- \($0) - \(NumberText.compact(step.eta)) d\(name)/d\($0)" }.joined(separator: ", ")
                             + "; \(name) \(before.outputValue) -> \(evaluation.outputValue); the figure shows the values after the step")
            let gradients = Dictionary(uniqueKeysWithValues: before.variableGradients)
            stepJSON = GraphStepJSON(eta: step.eta, update: step.names,
                                     outputBefore: GraphJSONValue(before.outputValue), outputAfter: GraphJSONValue(evaluation.outputValue),
                                     before: Dictionary(uniqueKeysWithValues: step.names.map { ($0, GraphJSONValue(values[$0]!)) }),
                                     gradient: Dictionary(uniqueKeysWithValues: step.names.map { ($0, GraphJSONValue(gradients[$0]!)) }))
        }
        if request.check {
            print(GraphCheckReport.text(try TensorGradientCheck(evaluation, values: drawnValues)))
        }
        try output(evaluation, step: stepJSON)
    }
}

extension GraphCheckReport {
    /// The `--check` table of a tensor graph: per variable, the largest error over its entries.
    static func text(_ check: TensorGradientCheck) -> String {
        let width = max(8, check.rows.map(\.name.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        var lines = [pad("input", width) + "  " + pad("shape", 8) + "  largest entry error"]
        for r in check.rows {
            lines.append(pad(r.name, width) + "  " + pad(r.analytic.shapeText, 8) + "  " + String(format: "%.2e", r.error))
        }
        lines.append("largest error: " + String(format: "%.2e", check.largestError)
                     + " (|backprop - finite difference| / max(1, |backprop|, |finite difference|) per entry, h = 1e-6 max(1, |x|))")
        return lines.joined(separator: "\n")
    }
}

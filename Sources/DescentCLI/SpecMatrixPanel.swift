import Foundation
import Autodiff
import FigureSpec
import Plot

/// `kind: matrix`: computed matrices typeset in brackets with their names, e.g. the lab's
/// `grad.W` and `W_after_step`, or the Jacobian of the program's output by the reverse pass,
/// one backward pass per output entry (`jacobian: [x1, x2]`: one column per variable entry).
/// Takes the graph panel's keys (`expression`, `values`, `step`, `update`, ...) to compute them.
enum SpecMatrixPanel {
    static func build(_ o: SpecMap, at position: SpecPosition) throws -> BuiltPanel {
        let title = try o.string("title")
        let show = try SpecCommandPanels.strings(o, "show") ?? []
        let names = try SpecCommandPanels.strings(o, "names")
        let wrt = try SpecCommandPanels.strings(o, "jacobian")
        guard !show.isEmpty || wrt != nil else {
            throw SpecError(o.file, position, "\(o.contextDescription): a matrix panel needs 'show' (computed values, e.g. [grad.W, W_after_step]) or 'jacobian' (variables)")
        }
        let run = try SpecGraphEvaluation(o, at: position, ownKeys: ["title", "show", "names", "jacobian"])
        var shown = run.named
        var order = show
        if let wrt {
            let evaluation = try run.tensors ?? run.request.tensorEvaluation(run.request.values.mapValues { Tensor($0) })
            var columns: [Tensor] = []
            for name in wrt {
                guard let node = evaluation.graph.variables.first(where: { $0.name == name }) else {
                    throw SpecError(o.file, o.entry("jacobian")?.value.position,
                                    "'jacobian': '\(name)' is not a variable of the expression; variables: \(evaluation.graph.variables.compactMap(\.name).joined(separator: ", "))")
                }
                columns.append(evaluation.jacobian(of: node.id))
            }
            let rows = columns[0].shape[0]
            let joined = (0..<rows).map { i in columns.flatMap { $0.rows[i] } }
            shown["jacobian"] = Tensor(rows: joined)
            order.append("jacobian")
        }
        if let names, names.count != order.count {
            throw SpecError(o.file, o.entry("names")?.value.position, "'names': \(names.count) name(s) for \(order.count) matri\(order.count == 1 ? "x" : "ces")")
        }
        var entries: [MatrixPanel.Entry] = []
        for (k, key) in order.enumerated() {
            guard let t = shown[key] else {
                let known = shown.keys.sorted()
                var message = "'show': '\(key)' is not a value this panel computes"
                if let near = SpecValues.nearest(key, among: known) { message += "; did you mean '\(near)'?" }
                throw SpecError(o.file, o.entry("show")?.value.position, message + " (values: \(known.joined(separator: ", ")))")
            }
            let cells = t.rows.map { $0.map(Self.text) }
            // A vector typesets as a row; a scalar as a 1 x 1 matrix.
            entries.append(MatrixPanel.Entry(name: names?[k] ?? "$\(key)$", cells: cells))
        }
        var panel = MatrixPanel(entries)
        var values = run.values
        if let j = shown["jacobian"] { values["jacobian"] = j.data }
        if let title { panel.title = try SpecPanelBuilder.fill(title, values, o, "title") }
        return BuiltPanel(panel: panel, values: values, notes: run.notes)
    }

    /// An entry's text: compact, with a typographic minus sign.
    static func text(_ v: Double) -> String {
        NumberText.compact(v).replacingOccurrences(of: "-", with: "\u{2212}")
    }
}

import Autodiff
import Diagram
import FigureSpec

/// A spec's `expression` and `values` (numbers, vectors `[1, 2]`, matrices `[[3, 2], [4, 1]]`) run
/// through `descent graph`'s own request: the evaluation to draw and every named value it computed,
/// shared by the `graph` and `matrix` panels.
struct SpecGraphEvaluation {
    var request: GraphRequest
    /// What the graph draws: after the step, with `step` and `update`.
    var drawn: any DiagramEvaluation
    /// The tensor evaluation before the step (the step's gradients), or of the whole graph without one; nil for a scalar graph.
    var tensors: TensorEvaluation?
    /// Every variable and named intermediate (`q`), its gradient (`grad.q`), `output`, and with a
    /// step the same after it (`q_after_step`, `grad.q_after_step`, `output_after_step`).
    var named: [String: Tensor] = [:]
    var notes: [String] = []

    /// The panel's values as the figure set keeps them (entries in row-major order).
    var values: [String: [Double]] { named.mapValues(\.data) }

    /// Reads `expression`, `values` and the graph command's options from `o` (`ownKeys`: the panel's
    /// other keys) and evaluates as `descent graph` does.
    init(_ o: SpecMap, at position: SpecPosition, ownKeys: Set<String>) throws {
        let expression = try o.requiredString("expression")
        var assignments: [String] = []
        if let node = o.node("values") {
            let values = try SpecMap(node, file: o.file, context: "'values'")
            for key in values.keys {
                assignments.append("\(key)=" + (try Self.literal(values.node(key)!, file: o.file, key: key)))
            }
            try values.finish()
        }
        let bridge = SpecCommandBridge(command: GraphCommand.self, ownKeys: ownKeys.union(["expression", "values", "kind"]))
        // Options first, then `--` and the expression and its values (an expression may start with '-').
        let args = (try bridge.arguments(o)) + ["-o", "spec-panel.png", "--", expression] + assignments
        let command = try bridge.parse(GraphCommand.self, args, options: o, at: position)
        do {
            request = try command.request()
            if let tensorValues = request.tensorValues {
                let (after, before, _) = try request.steppedEvaluation(tensorValues)
                drawn = after
                tensors = before ?? after
                notes = after.domainIssues.map { "domain error at \($0); the graph marks it" }
                record(tensors!, suffix: "")
                if before != nil { record(after, suffix: "_after_step") }
            } else {
                let e = try Evaluation(request.graph, values: request.values, upstream: request.upstream)
                drawn = e
                notes = e.domainIssues.map { "domain error at \($0); the graph marks it" }
                named["output"] = Tensor(e.outputValue)
                for node in e.graph.nodes {
                    guard let name = node.name else { continue }
                    named[name] = Tensor(e.values[node.id])
                    named["grad.\(name)"] = Tensor(e.gradients[node.id])
                }
            }
        } catch let e as MissingValues {
            throw SpecError(o.file, position, "\(o.contextDescription): \(e.description)")
        } catch {
            throw SpecCommandPanels.userError(error, o, at: position)
        }
    }

    mutating func record(_ e: TensorEvaluation, suffix: String) {
        named["output" + suffix] = e.outputValue
        for node in e.graph.nodes {
            guard let name = node.name else { continue }
            named[name + suffix] = e.values[node.id]
            named["grad.\(name)" + suffix] = e.gradients[node.id]
        }
    }

    /// A value node as the command line writes it: `2`, `[1, 2]`, `[[3, 2], [4, 1]]`.
    static func literal(_ node: SpecNode, file: String, key: String) throws -> String {
        switch node {
        case .scalar:
            return "\(try SpecValues.number(node, file: file, what: "value of '\(key)'"))"
        case .list(let items, _):
            return "[" + (try items.map { try literal($0, file: file, key: key) }).joined(separator: ", ") + "]"
        case .map:
            throw SpecError(file, node.position, "value of '\(key)': expected a number, a list of numbers or a list of rows, found a mapping")
        }
    }
}

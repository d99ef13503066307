import Autodiff

/// `descent graph --step ETA --update W,b`: one step of gradient descent, v <- v - ETA dL/dv, on
/// the named variables, after which the graph is evaluated again and drawn.
struct GraphStep {
    var eta: Double
    /// The variables updated, as given.
    var names: [String]

    /// nil when neither option is given; both or neither must be.
    init?(step: String?, update: String?, graph: ComputationGraph) throws {
        guard step != nil || update != nil else { return nil }
        guard let step else { throw UserError("--update \(update!): needs --step ETA, the learning rate of the step, e.g. --step 0.1") }
        guard let eta = Double(step.trimmingSpaces), eta.isFinite else {
            throw UserError("--step '\(step)': expected a finite number, the learning rate, e.g. --step 0.1")
        }
        guard let update else { throw UserError("--step \(step): needs --update NAMES, the variables to update, e.g. --update W,b") }
        let variables = graph.variables.compactMap(\.name)
        let computed = Set(graph.nodes.compactMap { n -> String? in if case .named(let s) = n.kind { return s } else { return nil } })
        var names: [String] = []
        var column = "--update ".count + 1
        for item in update.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            let name = item.trimmingSpaces
            let at = "--update \(update): column \(column)"
            column += item.count + 1
            if name.isEmpty { throw UserError("\(at): expected a variable name, found nothing") }
            if computed.contains(name) {
                throw UserError("\(at): '\(name)' is computed by the expression, not a variable; variables: \(variables.joined(separator: ", "))")
            }
            guard variables.contains(name) else {
                var message = "\(at): '\(name)' is not a variable of the expression; variables: \(variables.joined(separator: ", "))"
                if let guess = NameSuggestion.nearest(to: name, among: variables) { message += " (did you mean '\(guess)'?)" }
                throw UserError(message)
            }
            if !names.contains(name) { names.append(name) }
        }
        self.eta = eta
        self.names = names
    }

    /// The values after the step from `evaluation`'s gradients.
    func apply(to values: [String: Tensor], gradients evaluation: TensorEvaluation) -> [String: Tensor] {
        var out = values
        for (name, g) in evaluation.variableGradients where names.contains(name) {
            let v = values[name]!
            out[name] = Tensor(shape: v.shape, data: zip(v.data, g.data).map { $0 - eta * $1 })
        }
        return out
    }
}

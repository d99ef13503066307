import Training

/// A logged model's outputs on its own training inputs with the first and the last logged
/// parameters (before and after training), beside the targets: what the course's programs
/// print as "Initial Output" and "New output".
public struct RunLogOutputs: Sendable, Equatable {
    /// Row-major, samples x outputs.
    public var initial: [Double]
    public var final: [Double]
    public var targets: [Double]

    /// Rebuilds the model of `log` and runs it forward; `path` names the log in messages.
    public init(_ log: TrainingLog, path: String) throws {
        guard case let .model(setup) = try RunLogModel.rebuild(log.header, path: path) else {
            throw RunLogModel.Failure("\(path): the run trained a function, which has no outputs on data")
        }
        let logged = log.steps.compactMap(\.params)
        guard let first = logged.first, let last = logged.last else {
            throw RunLogModel.Failure("\(path): no step records parameters (train with --log-params for models of more than 64)")
        }
        let count = setup.train.inputs.count / max(1, setup.model.inputCount)
        func outputs(_ params: [Double]) throws -> [Double] {
            guard params.count == setup.model.parameterCount else {
                throw RunLogModel.Failure("\(path): a step logs \(params.count) parameters; the model has \(setup.model.parameterCount)")
            }
            return params.withUnsafeBufferPointer { p in
                setup.train.inputs.withUnsafeBufferPointer { x in
                    let y = setup.model.predict(p.baseAddress!, inputs: x.baseAddress!, count: count)
                    return Array(UnsafeBufferPointer(start: y, count: count * setup.model.outputCount))
                }
            }
        }
        initial = try outputs(first)
        final = try outputs(last)
        targets = setup.trainTargets
    }
}

import Training

/// What a `descent train` run log's header says was trained, rebuilt from the typed header the
/// way `descent train` built it: a test function or an expression, or a model with its training
/// data (same generator, seed, split, weight shape, reduction, start-weights file and standardisation).
public enum RunLogModel {
    /// A test function or an expression, with the surface that draws it.
    case function(any PlaneObjective, surface: Surface2D)
    case model(ModelSetup)

    /// Why a header names nothing that can be drawn.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    /// Rebuilds from `header` (the log's first line, nil when it has none); `path` names the log in messages.
    public static func rebuild(_ header: TrainingLogHeader?, path: String) throws -> RunLogModel {
        guard let header else {
            throw Failure("\(path): no header line: expected a run log written by descent train --log")
        }
        if let name = header.function {
            if let f = TestFunction.named(name, condition: header.condition ?? 10, rotation: header.rotation ?? 0) {
                return .function(f, surface: FunctionSurface(f))
            }
            guard let e = try? ExpressionSurface(parsing: name) else {
                throw Failure("\(path): the header names the function '\(name)', which is neither a test function nor an expression in x and y")
            }
            return .function(e, surface: e)
        }
        guard let kind = header.model, let data = header.data else {
            throw Failure("\(path): the header names neither a function nor a model with its data")
        }
        guard kind != .perceptron else {
            throw Failure("\(path): the perceptron rule minimises no loss, so it has no surface to slice")
        }
        do {
            return .model(try ModelSetup(recipe(header, kind: kind, data: data)))
        } catch let e as ModelSetup.Failure {
            throw Failure("\(path): cannot rebuild the logged model: \(e.description)")
        }
    }

    /// The recipe a model's header records.
    public static func recipe(_ h: TrainingLogHeader, kind: ModelKind, data: String) -> ModelRecipe {
        let csv = !BuiltinData.names.contains(data) && !data.hasPrefix("idx:")
        // Logs written before `rng`, `weight_shape` and `reduction` were recorded drew with SplitMix64, out-in, mean.
        return ModelRecipe(kind: kind, data: data, samples: h.samples, features: csv ? h.features : nil, targets: csv ? h.targets : nil,
                           validation: h.validation, layers: kind == .mlp ? h.layers : nil, activation: h.activation ?? .relu,
                           output: h.output, loss: h.loss, bias: h.bias ?? true, initialization: h.initialization ?? .normal,
                           seed: h.seed ?? 0, rng: h.rng ?? .splitmix, weightShape: h.weightShape ?? .outIn,
                           reduction: h.reduction ?? .mean, weights: h.weights, standardize: h.standardize ?? false)
    }
}

extension DataSurface {
    /// The (w, b) or (w1, w2) plane of a logged linear or logistic neuron with its default output and loss; nil for other models.
    public convenience init?(twoParameterModel setup: ModelSetup) {
        guard let spec = setup.spec else { return nil }
        if setup.kind == .linear && !setup.bias && spec.layers == [2, 1] {
            self.init(kind: .linearNoBias, data: setup.train)
            return
        }
        guard spec.layers == [1, 1] else { return nil }
        switch (setup.kind, spec.output, spec.loss) {
        case (.linear, .linear, .mse): self.init(kind: .linear, data: setup.train)
        case (.logistic, .sigmoid, .bce): self.init(kind: .logistic, data: setup.train)
        default: return nil
        }
    }
}

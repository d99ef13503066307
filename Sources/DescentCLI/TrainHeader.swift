import Training

extension TrainRequest {
    /// The log's first line: everything needed to reproduce the run.
    func makeHeader(_ c: TrainCommand) -> [(String, JSONValue)] {
        var h: [(String, JSONValue)] = [("type", .string("header")), ("descent", .string(DescentCommand.version)),
                                        ("command", .string(CommandLineText.current))]
        switch target {
        case let .function(f, start):
            h.append(("function", .string(f.name)))
            if case let .quadratic(condition, rotation)? = f as? TestFunction {
                h += [("condition", .number(condition)), ("rotation", .number(rotation))]
            }
            h.append(("start", .array([.number(start.x), .number(start.y)])))
            h.append(("parameter_count", .integer(2)))
        case let .model(m):
            h.append(("model", .string(m.kind)))
            if let spec = m.spec {
                h.append(("layers", .array(spec.layers.map { .integer($0) })))
                if !m.bias { h.append(("bias", .bool(false))) }
                if spec.layerCount > 1 { h.append(("activation", .string(spec.activation.rawValue))) }
                h += [("output", .string(spec.output.rawValue)), ("loss", .string(spec.loss.rawValue)),
                      ("initialization", .string(c.initialization))]
                if spec.reduction != .mean { h.append(("reduction", .string(spec.reduction.rawValue))) }
                if c.weightShape != WeightShape.outIn.rawValue { h.append(("weight_shape", .string(c.weightShape))) }
                if let w = c.weights { h.append(("weights", .string(w))) }
            } else {
                h.append(("rule", .string("w <- w + lr (y - step(w.x + b)) x")))
            }
            h.append(("data", .string(c.data ?? "")))
            if c.standardize { h.append(("standardize", .bool(true))) }
            if let samples = c.samples { h.append(("samples", .integer(samples))) }
            h += [("features", .array(m.train.featureNames.map { .string($0) })),
                  ("targets", .array(m.train.targetNames.map { .string($0) })),
                  ("train_samples", .integer(m.train.count))]
            if let v = m.validation {
                h += [("validation", .number(c.validation ?? 0)), ("validation_samples", .integer(v.count))]
            }
            if let t = m.test { h.append(("test_samples", .integer(t.count))) }
            h.append(("batch_size", .integer(batchSize ?? m.train.count)))
            h.append(("parameter_count", .integer(m.model.parameterCount)))
        }
        h.append(("optimizer", .string(optimizer.name)))
        for (name, value) in optimizer.hyperparameters {
            switch value {
            case let .number(v): h.append((name, .number(v)))
            case let .flag(v): h.append((name, .bool(v)))
            case let .pair(a, b): h.append((name, .array([.number(a), .number(b)])))
            }
        }
        switch stop {
        case let .steps(n): h.append(("steps", .integer(n)))
        case let .epochs(n): h.append(("epochs", .integer(n)))
        }
        h.append(("seed", .unsigned(seed)))
        let generator = RandomGenerator(rawValue: c.rng) ?? .splitmix
        h.append(("rng", .string(generator.rawValue)))
        h.append(("generator", .string(generator.description)))
        return h
    }
}

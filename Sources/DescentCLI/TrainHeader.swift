import Training

extension TrainRequest {
    /// The log's first line: everything needed to reproduce the run.
    func makeHeader(_ c: TrainCommand) -> TrainingLogHeader {
        var h = TrainingLogHeader()
        h.descent = DescentCommand.version
        h.command = CommandLineText.current
        switch target {
        case let .function(f, start):
            h.function = f.name
            if case let .quadratic(condition, rotation)? = f as? TestFunction {
                h.condition = condition
                h.rotation = rotation
            }
            h.start = [start.x, start.y]
            h.parameterCount = 2
        case let .model(m):
            h.model = m.kind
            if let spec = m.spec {
                h.layers = spec.layers
                if !m.bias { h.bias = false }
                if spec.layerCount > 1 { h.activation = spec.activation }
                h.output = spec.output
                h.loss = spec.loss
                h.initialization = c.initialization
                if spec.reduction != .mean { h.reduction = spec.reduction }
                if c.weightShape != .outIn { h.weightShape = c.weightShape }
                h.weights = c.weights
            } else {
                h.rule = "w <- w + lr (y - step(w.x + b)) x"
            }
            h.data = c.data ?? ""
            if c.standardize { h.standardize = true }
            h.samples = c.samples
            h.features = m.train.featureNames
            h.targets = m.train.targetNames
            h.trainSamples = m.train.count
            if let v = m.validation {
                h.validation = c.validation ?? 0
                h.validationSamples = v.count
            }
            h.testSamples = m.test?.count
            h.batchSize = batchSize ?? m.train.count
            h.parameterCount = m.model.parameterCount
        }
        h.optimizer = optimizer
        h.stop = stop
        h.seed = seed
        h.rng = c.rng
        h.generator = c.rng.description
        return h
    }
}

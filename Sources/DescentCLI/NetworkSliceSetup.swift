import Landscape
import Training

/// Trains the `--network` MLP on the spot (N(0, 1) weights as the course labs, full-batch SGD) and builds the filter-normalised slice around it.
enum NetworkSliceSetup {
    static func make(layers text: String, data name: String, _ c: LandscapeCommand) throws -> NetworkSlice {
        guard let data = BuiltinData.make(name, seed: c.seed, samples: c.samples) else {
            throw UserError("unknown data '\(name)': expected one of \(BuiltinData.names.joined(separator: ", "))")
        }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int(String($0).trimmingSpaces) }
        guard parts.count >= 2, parts.allSatisfy({ ($0 ?? 0) > 0 }) else {
            throw UserError("--network '\(text)': expected at least two positive sizes, input first, e.g. 2,1000,3")
        }
        let layers = parts.map { $0! }
        guard layers[0] == data.featureCount else {
            throw UserError("--network \(text): the input size \(layers[0]) does not fit \(name), which has \(data.featureCount) feature(s)")
        }
        let spec = MLPSpec(layers: layers, activation: .relu, output: .linear, loss: .mse)
        guard let targets = data.targets(forOutputs: spec.outputCount) else {
            throw UserError("--network \(text): \(spec.outputCount) output(s) do not fit \(name), which has \(data.targetCount) target(s)")
        }
        guard c.epochs >= 0, c.epochs <= 100_000 else { throw UserError("--epochs \(c.epochs): expected 0 to 100000") }
        let model = MLP(spec: spec)
        let initial = WeightInit.normal.parameters(for: spec, seed: c.seed)
        let trainer = Trainer(problem: .model(model, initial: initial, train: data, trainTargets: targets, validation: nil,
                                              validationTargets: nil, classification: false),
                              optimizer: .sgd(lr: c.lr), stop: .epochs(c.epochs), seed: c.seed)
        if case let .diverged(step) = trainer.run() {
            throw UserError("--network \(text): training diverged at step \(step) (lower --lr)")
        }
        var rng = SplitMix64.stream(seed: c.seed, purpose: 5)
        let d1 = FilterNormalizedDirection.make(spec: spec, weights: trainer.parameters, rng: &rng)
        let d2 = FilterNormalizedDirection.make(spec: spec, weights: trainer.parameters, rng: &rng)
        let slice = NetworkSlice(model: model, center: trainer.parameters, d1: d1, d2: d2, inputs: data.inputs, targets: targets,
                                 count: data.count)
        slice.caption = "Slice through \(layers.map(String.init).joined(separator: " → ")) on \(name) after \(c.epochs) epoch\(c.epochs == 1 ? "" : "s")"
        return slice
    }
}

import Landscape
import Training

/// Builds a network slice and the paths drawn on it. The network is trained on the spot
/// (`--network`, N(0, 1) weights as the course labs) or read from run logs (`--run`); the plane
/// goes through the final weights along two seeded filter-normalised random directions
/// (Li et al. 2018) or the first two PCA directions of the training trajectory.
enum NetworkSliceSetup {
    /// How the plane's two directions are chosen.
    enum Directions: String, CaseIterable {
        case random, pca
    }

    /// A trajectory through parameter space to project onto the plane.
    struct Trajectory {
        var label: String
        var kind: String
        var states: [[Double]]
        var divergedAt: Int?
    }

    /// The most states of one trajectory drawn on a slice (each costs a pass over the data).
    static let maxDrawnStates = 500

    /// Trains `--network` on `--data` with each optimizer of `specs` from the same initial weights.
    static func onTheSpot(layers text: String, data name: String, specs: [PathSpec], drawPaths: Bool, directions: Directions,
                          _ c: LandscapeCommand) throws -> (NetworkSlice, [OptimizerPath]) {
        try MemoryCheck.samples(c.samples, data: name, seed: c.seed)
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
        try MemoryCheck.network(layers, text: text, option: "--network", rows: data.count)
        let spec = MLPSpec(layers: layers, activation: .relu, output: .linear, loss: .mse)
        guard let targets = data.targets(forOutputs: spec.outputCount) else {
            throw UserError("--network \(text): \(spec.outputCount) output(s) do not fit \(name), which has \(data.targetCount) target(s)")
        }
        guard c.epochs >= 0, c.epochs <= 100_000 else { throw UserError("--epochs \(c.epochs): expected 0 to 100000") }
        if let big = specs.first(where: { ($0.batchSize ?? 0) > data.count }) {
            throw UserError("--optimizers: '\(big.name)' uses batches of \(big.batchSize ?? 0), more than the \(data.count) samples of \(name)")
        }
        let model = MLP(spec: spec)
        let initial = WeightInit.normal.parameters(for: spec, seed: c.seed)
        var trajectories: [Trajectory] = []
        for pathSpec in specs {
            let run = NetworkTrajectory.train(model: model, initial: initial, data: data, targets: targets, optimizer: pathSpec.optimizer,
                                              batchSize: pathSpec.batchSize, epochs: c.epochs, seed: c.seed)
            var divergedAt: Int?
            if case let .diverged(step) = run.outcome {
                guard !trajectories.isEmpty else {
                    throw UserError("--network \(text): training with \(pathSpec.label) diverged at step \(step) (lower --lr)")
                }
                divergedAt = step
            }
            trajectories.append(Trajectory(label: pathSpec.label, kind: pathSpec.name, states: run.states, divergedAt: divergedAt))
        }
        let caption = "\(layers.map(String.init).joined(separator: " → ")) on \(name) after \(c.epochs) epoch\(c.epochs == 1 ? "" : "s")"
        return try build(model: model, data: data, targets: targets, trajectories: trajectories, drawPaths: drawPaths,
                         directions: directions, seed: c.seed, caption: caption)
    }

    /// The network a run log describes, with every given log's trajectory projected onto the plane of the first.
    static func fromRunLogs(_ runs: [(path: String, log: RunLogTrajectory)], setup: TrainRequest.ModelSetup, directions: Directions,
                            seed: UInt64) throws -> (NetworkSlice, [OptimizerPath]) {
        guard let spec = setup.spec else { throw UserError("\(runs[0].path): the logged model has no loss surface to slice") }
        let model = MLP(spec: spec)
        var trajectories: [Trajectory] = []
        for (path, log) in runs {
            guard log.states[0].count == spec.parameterCount else {
                throw UserError("\(path):\(log.lines[0]): 'params' has \(log.states[0].count) values; the network of \(runs[0].path) has \(spec.parameterCount)")
            }
            let name = RunName.of(path)
            // A diverged run may log infinite or NaN parameters at its end: the path stops before them (a note says where).
            let finite = Array(log.states.prefix { $0.allSatisfy(\.isFinite) })
            guard !finite.isEmpty else { throw UserError("\(path):\(log.lines[0]): the logged 'params' are not finite") }
            trajectories.append(Trajectory(label: name, kind: "run", states: finite, divergedAt: finite.count < log.states.count ? finite.count : nil))
        }
        let caption = "\(spec.layers.map(String.init).joined(separator: " → ")) on \(setup.train.name), final weights of \(trajectories[0].label)"
        return try build(model: model, data: setup.train, targets: setup.trainTargets, trajectories: trajectories, drawPaths: true,
                         directions: directions, seed: seed, caption: caption)
    }

    /// The plane through the first trajectory's final state, the slice, and the projected paths.
    static func build(model: MLP, data: Dataset, targets: [Double], trajectories: [Trajectory], drawPaths: Bool, directions: Directions,
                      seed: UInt64, caption: String) throws -> (NetworkSlice, [OptimizerPath]) {
        let first = trajectories[0]
        let center = first.states[first.states.count - 1]
        let slice: NetworkSlice
        switch directions {
        case .random:
            var rng = SplitMix64.stream(seed: seed, purpose: 5)
            let d1 = FilterNormalizedDirection.make(spec: model.spec, weights: center, rng: &rng)
            let d2 = FilterNormalizedDirection.make(spec: model.spec, weights: center, rng: &rng)
            slice = NetworkSlice(model: model, center: center, d1: d1, d2: d2, inputs: data.inputs, targets: targets, count: data.count)
            slice.caption = "Slice through " + caption
        case .pca:
            let pca: TrajectoryPCA
            do {
                pca = try TrajectoryPCA.fit(first.states, final: center)
            } catch let e as TrajectoryPCA.Failure {
                throw UserError("--directions pca: \(first.label): \(e.description)")
            }
            slice = NetworkSlice(model: model, center: center, d1: pca.first, d2: pca.second, inputs: data.inputs, targets: targets,
                                 count: data.count)
            slice.xName = "$\\alpha$ (1st PCA direction: \(percent(pca.explainedVariance.0)) of the path's variance)"
            slice.yName = "$\\beta$ (2nd PCA direction: \(percent(pca.explainedVariance.1)))"
            slice.caption = "PCA plane of the training path: " + caption
        }
        guard drawPaths else { return (slice, []) }
        let plane = slice.plane
        var paths: [OptimizerPath] = []
        for t in trajectories {
            let picked = t.states.count > maxDrawnStates
                ? TrajectorySampling.evenlySpaced(t.states.count, at: maxDrawnStates).map { t.states[$0] } : t.states
            if picked.count < t.states.count {
                Diagnostics.note("\(t.label): \(t.states.count) logged states; drawing \(picked.count) evenly spaced ones")
            }
            let points = picked.map { plane.coordinates(of: $0) }
            paths.append(OptimizerPath(label: t.label, kind: t.kind, points: points, losses: points.map { slice.value($0.x, $0.y) },
                                       divergedAtStep: t.divergedAt))
        }
        slice.domain = SlicePlane.domain(around: paths.map(\.points), minimum: directions == .random ? 1 : 0)
        return (slice, paths)
    }

    static func percent(_ fraction: Double) -> String {
        let p = 100 * fraction
        return p >= 99.95 ? "100%" : (p < 0.1 ? "<0.1%" : String(format: "%.1f%%", p))
    }
}

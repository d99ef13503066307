import Training

/// A path across a surface: the parameters after each step, with the full loss there.
public struct OptimizerPath: Sendable, Equatable {
    public var label: String
    /// Which kind of path, for its colour: gd, minibatch, single, momentum, adam, run, ...
    public var kind: String
    public var points: [Point2]
    public var losses: [Double]
    /// Set when the run stopped early because the loss or a parameter stopped being finite.
    public var divergedAtStep: Int?

    public init(label: String, kind: String, points: [Point2], losses: [Double], divergedAtStep: Int? = nil) {
        self.label = label; self.kind = kind; self.points = points; self.losses = losses
        self.divergedAtStep = divergedAtStep
    }
}

/// Runs live optimizers with the training core's `Trainer` and records their paths.
public enum PathRunner {
    /// The path of `spec` on a test function from `start` (every step uses the exact gradient).
    public static func run(_ spec: PathSpec, on function: TestFunction, start: Point2) -> OptimizerPath {
        run(spec, on: function as any PlaneObjective, start: start)
    }

    /// The path of `spec` on any function of the plane (a test function or an expression).
    public static func run(_ spec: PathSpec, on objective: any PlaneObjective, start: Point2) -> OptimizerPath {
        let trainer = Trainer(problem: .plane(objective, start: start), optimizer: spec.optimizer, stop: .steps(spec.steps))
        return record(trainer, spec: spec) { objective.value($0, $1) }
    }

    /// The path of `spec` on a data surface: GD on all samples, mini-batch and SGD on real
    /// seeded batches of the data (reshuffled each epoch), as in `descent train`.
    public static func run(_ spec: PathSpec, on surface: DataSurface, start: Point2, seed: UInt64) -> OptimizerPath {
        let problem = TrainingProblem.model(surface.model, initial: [start.x, start.y], train: surface.trainingData,
                                            trainTargets: surface.targets, validation: nil, validationTargets: nil,
                                            classification: false)
        let trainer = Trainer(problem: problem, optimizer: spec.optimizer, batchSize: spec.batchSize, stop: .steps(spec.steps),
                              seed: seed)
        return record(trainer, spec: spec) { surface.value($0, $1) }
    }

    static func record(_ trainer: Trainer, spec: PathSpec, loss: @escaping (Double, Double) -> Double) -> OptimizerPath {
        var points: [Point2] = [], losses: [Double] = []
        var lastStep = -1
        trainer.onStep = { r in
            // The model runner reports the final state again after the last update; keep one per step.
            guard r.step != lastStep else { return }
            lastStep = r.step
            let p = Point2(r.parameters[0], r.parameters[1])
            points.append(p)
            losses.append(loss(p.x, p.y))
        }
        var diverged: Int?
        if case let .diverged(step) = trainer.run() { diverged = step }
        return OptimizerPath(label: spec.label, kind: spec.name, points: points, losses: losses, divergedAtStep: diverged)
    }
}

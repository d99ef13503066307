import Training

/// Trains a model on data and keeps its parameters at every epoch boundary: the trajectory a
/// PCA plane is fitted to and that is projected onto a slice.
public enum NetworkTrajectory {
    /// The states after 0, 1, ..., `epochs` epochs (fewer when the run diverges), and the outcome.
    public static func train(model: DataModel, initial: [Double], data: Dataset, targets: [Double], optimizer: OptimizerConfig,
                             batchSize: Int?, epochs: Int, seed: UInt64) -> (states: [[Double]], outcome: TrainingOutcome) {
        let trainer = Trainer(problem: .model(model, initial: initial, train: data, trainTargets: targets, validation: nil,
                                              validationTargets: nil, classification: false),
                              optimizer: optimizer, batchSize: batchSize, stop: .epochs(epochs), seed: seed)
        var states: [[Double]] = [initial]
        var epoch = 1
        trainer.onStep = { r in
            // A record's epoch is the epoch of the next update: when it moves on, an epoch has ended.
            if let e = r.epoch, e > epoch {
                states.append(Array(r.parameters))
                epoch = e
            }
        }
        let outcome = trainer.run()
        if case .completed = outcome, epochs > 0 { states.append(trainer.parameters) }
        return (states, outcome)
    }
}

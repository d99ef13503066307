// When a run stops and what the training loop reports; plain values, shared with the run-log
// schema (TrainingLog), which the reader fuzz target compiles without the loop itself.

/// When a run stops.
public enum StopRule: Sendable, Equatable {
    case steps(Int)
    case epochs(Int)
}

/// One logged state: the parameters after `step` updates, with the loss and gradient norm
/// there (on the batch of the next update; on the whole training set for the final state).
public struct StepRecord {
    public var step: Int
    /// The epoch the next update belongs to (1-based; the last epoch for the final state); nil for test functions.
    public var epoch: Int?
    public var loss: Double
    public var gradientNorm: Double
    public var parameters: UnsafeBufferPointer<Double>
}

/// The end of an epoch: the size-weighted mean of its batch losses, and validation numbers.
public struct EpochRecord: Sendable {
    public var epoch: Int
    public var step: Int
    public var loss: Double
    public var validationLoss: Double?
    public var validationAccuracy: Double?
}

/// How a run ended.
public enum TrainingOutcome: Sendable, Equatable {
    case completed(steps: Int)
    /// The loss or a parameter became NaN or infinite at `step` (after `step` updates).
    case diverged(step: Int)
    /// `shouldStop` asked the run to end after `steps` updates (the state there was reported).
    case interrupted(steps: Int)
}

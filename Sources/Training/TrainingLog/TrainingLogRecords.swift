/// One line of a `descent train --log` run log (JSON Lines): its `"type"` says which record it is.
public enum TrainingLogLine: Codable, Equatable, Sendable {
    case header(TrainingLogHeader)
    case step(TrainingLogStep)
    case epoch(TrainingLogEpoch)
    case end(TrainingLogEnd)
    /// A line of another (or no) type: readers skip it.
    case other(type: String?)

    private enum CodingKeys: String, CodingKey { case type }

    public init(from decoder: Decoder) throws {
        let type = try? decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .type)
        switch type {
        case "header": self = .header(try TrainingLogHeader(from: decoder))
        case "step": self = .step(try TrainingLogStep(from: decoder))
        case "epoch": self = .epoch(try TrainingLogEpoch(from: decoder))
        case "end": self = .end(try TrainingLogEnd(from: decoder))
        default:
            // Anything but an object is not a run-log line.
            _ = try decoder.container(keyedBy: CodingKeys.self)
            self = .other(type: type ?? nil)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .header(h): try c.encode("header", forKey: .type); try h.encode(to: encoder)
        case let .step(s): try c.encode("step", forKey: .type); try s.encode(to: encoder)
        case let .epoch(e): try c.encode("epoch", forKey: .type); try e.encode(to: encoder)
        case let .end(e): try c.encode("end", forKey: .type); try e.encode(to: encoder)
        case let .other(type): try c.encodeIfPresent(type, forKey: .type)
        }
    }

    /// The line as the log writes it: compact JSON, `"type"` first, non-finite numbers bare.
    public var jsonText: String {
        // A run writes one step line per update: they skip the general encoder (the same text; see TrainingLogTests).
        if case let .step(s) = self { return s.jsonLine }
        // Every member is a number, string, bool or array of them: encoding cannot fail.
        return (try? CompactJSONEncoder.encode(self)) ?? "{}"
    }
}

/// A step record: the state after `step` updates (see `StepRecord`).
public struct TrainingLogStep: Codable, Equatable, Sendable {
    public var step: Int
    /// The epoch of the next update; nil for test functions.
    public var epoch: Int?
    public var loss: Double
    public var gradNorm: Double?
    /// The parameter vector (logged for up to 64 parameters, or with --log-params).
    public var params: [Double]?

    public init(step: Int, epoch: Int? = nil, loss: Double, gradNorm: Double? = nil, params: [Double]? = nil) {
        self.step = step
        self.epoch = epoch
        self.loss = loss
        self.gradNorm = gradNorm
        self.params = params
    }

    /// The trainer's record, with its parameters when `params` is true.
    public init(_ r: StepRecord, params: Bool) {
        self.init(step: r.step, epoch: r.epoch, loss: r.loss, gradNorm: r.gradientNorm, params: params ? Array(r.parameters) : nil)
    }

    private enum CodingKeys: String, CodingKey {
        case step, epoch, loss, gradNorm = "grad_norm", params
    }

    /// `TrainingLogLine.step(self)` as `CompactJSONEncoder` writes it, member by member in
    /// `CodingKeys` order, without building the value tree.
    var jsonLine: String {
        var out = ""
        write(to: &out)
        return out
    }

    /// Appends `jsonLine` to `out`.
    public func write(to out: inout String) {
        out += "{\"type\":\"step\",\"\(CodingKeys.step.rawValue)\":\(step)"
        if let epoch { out += ",\"\(CodingKeys.epoch.rawValue)\":\(epoch)" }
        out += ",\"\(CodingKeys.loss.rawValue)\":"
        CompactJSONEncoder.number(loss, to: &out)
        if let gradNorm {
            out += ",\"\(CodingKeys.gradNorm.rawValue)\":"
            CompactJSONEncoder.number(gradNorm, to: &out)
        }
        if let params {
            out += ",\"\(CodingKeys.params.rawValue)\":["
            for (i, p) in params.enumerated() {
                if i > 0 { out += "," }
                CompactJSONEncoder.number(p, to: &out)
            }
            out += "]"
        }
        out += "}"
    }
}

/// An epoch record: the size-weighted mean of the epoch's batch losses, and validation numbers.
public struct TrainingLogEpoch: Codable, Equatable, Sendable {
    public var epoch: Int
    public var loss: Double
    public var valLoss: Double?
    public var valAccuracy: Double?
    /// Updates made so far.
    public var steps: Int

    public init(epoch: Int, loss: Double, valLoss: Double? = nil, valAccuracy: Double? = nil, steps: Int) {
        self.epoch = epoch
        self.loss = loss
        self.valLoss = valLoss
        self.valAccuracy = valAccuracy
        self.steps = steps
    }

    public init(_ r: EpochRecord) {
        self.init(epoch: r.epoch, loss: r.loss, valLoss: r.validationLoss, valAccuracy: r.validationAccuracy, steps: r.step)
    }

    private enum CodingKeys: String, CodingKey {
        case epoch, loss, valLoss = "val_loss", valAccuracy = "val_accuracy", steps
    }
}

/// The last line: how the run ended.
public struct TrainingLogEnd: Codable, Equatable, Sendable {
    /// `completed` or `diverged`.
    public enum Status: String, Codable, Sendable {
        case completed, diverged
        /// Stopped by Ctrl-C or SIGTERM: the log holds the steps made so far.
        case interrupted
    }

    public var status: Status
    /// Updates made, for a completed run.
    public var steps: Int?
    /// The step whose loss or parameters became NaN or infinite, for a diverged run.
    public var divergedAtStep: Int?
    /// The loss and (for classes) argmax accuracy on the IDX data's t10k- test set, after training.
    public var testLoss: Double?
    public var testAccuracy: Double?

    public init(status: Status, steps: Int? = nil, divergedAtStep: Int? = nil, testLoss: Double? = nil, testAccuracy: Double? = nil) {
        self.status = status
        self.steps = steps
        self.divergedAtStep = divergedAtStep
        self.testLoss = testLoss
        self.testAccuracy = testAccuracy
    }

    /// `test` adds the test set's loss and accuracy (IDX data with t10k- files).
    public init(_ outcome: TrainingOutcome, test: (loss: Double, accuracy: Double?)? = nil) {
        switch outcome {
        case let .completed(n): self.init(status: .completed, steps: n)
        case let .diverged(k): self.init(status: .diverged, divergedAtStep: k)
        case let .interrupted(n): self.init(status: .interrupted, steps: n)
        }
        testLoss = test?.loss
        testAccuracy = test?.accuracy
    }

    private enum CodingKeys: String, CodingKey {
        case status, steps, divergedAtStep = "diverged_at_step", testLoss = "test_loss", testAccuracy = "test_accuracy"
    }
}

/// A table of samples: row-major inputs (count x featureCount) and targets
/// (count x targetCount); `classCount` when the single target column holds class labels 0..<C.
public struct Dataset: Sendable, Equatable {
    public var name: String
    public var featureNames: [String]
    public var targetNames: [String]
    public var inputs: [Double]
    public var targets: [Double]
    public var classCount: Int?

    public init(name: String, featureNames: [String], targetNames: [String], inputs: [Double], targets: [Double],
                classCount: Int? = nil) {
        self.name = name
        self.featureNames = featureNames
        self.targetNames = targetNames
        self.inputs = inputs
        self.targets = targets
        self.classCount = classCount
    }

    public var featureCount: Int { featureNames.count }
    public var targetCount: Int { targetNames.count }
    public var count: Int { featureCount == 0 ? 0 : inputs.count / featureCount }

    /// The rows at `indices`, in that order.
    public func subset(_ indices: [Int], name: String? = nil) -> Dataset {
        var x: [Double] = [], t: [Double] = []
        x.reserveCapacity(indices.count * featureCount)
        t.reserveCapacity(indices.count * targetCount)
        for i in indices {
            x += inputs[(i * featureCount)..<((i + 1) * featureCount)]
            t += targets[(i * targetCount)..<((i + 1) * targetCount)]
        }
        return Dataset(name: name ?? self.name, featureNames: featureNames, targetNames: targetNames, inputs: x, targets: t,
                       classCount: classCount)
    }

    /// Splits off the last `fraction` of a seeded permutation as validation data.
    public func split(validation fraction: Double, seed: UInt64) -> (train: Dataset, validation: Dataset) {
        var order = Array(0..<count)
        var rng = SplitMix64.stream(seed: seed, purpose: RandomPurpose.split)
        rng.shuffle(&order)
        let held = min(count - 1, max(1, Int((Double(count) * fraction).rounded())))
        let trainRows = Array(order[..<(count - held)]).sorted()
        let validationRows = Array(order[(count - held)...]).sorted()
        return (subset(trainRows), subset(validationRows, name: name + " (validation)"))
    }

    /// The targets laid out for a model with `outputs` outputs: the target columns as they are,
    /// or one-hot rows when the data holds `outputs` classes. Nil when neither fits.
    public func targets(forOutputs outputs: Int) -> [Double]? {
        if outputs == targetCount { return targets }
        if let classes = classCount, targetCount == 1, outputs == classes {
            var hot = [Double](repeating: 0, count: count * classes)
            for i in 0..<count { hot[i * classes + Int(targets[i])] = 1 }
            return hot
        }
        return nil
    }
}

/// The names accepted by `--data` besides CSV files.
public enum BuiltinData {
    public static let names = ["lab-single", "lab-batch", "xor3", "plants", "blobs", "moons", "spirals", "linear2d"]
}

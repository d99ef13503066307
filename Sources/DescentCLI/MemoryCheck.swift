import Training

/// Refuses, before allocating, training requests whose data or network would not fit in
/// `MemoryBudget.limitBytes`, saying how much they would need.
enum MemoryCheck {
    /// `--samples N` of the built-in data set `name` (sized from a two-sample copy of it).
    static func samples(_ samples: Int?, data name: String, seed: UInt64) throws {
        guard let samples, let probe = BuiltinData.make(name, seed: seed, samples: min(samples, 2)) else { return }
        let width = probe.featureCount + probe.targetCount + (probe.classCount ?? 0)
        let bytes = MemoryBudget.dataset(samples: samples, width: width)
        guard bytes <= MemoryBudget.limitBytes else {
            throw UserError("--samples \(samples): \(samples) samples of \(name) would need \(MemoryBudget.describe(bytes)); "
                + "the limit is \(MemoryBudget.describe(MemoryBudget.limitBytes))")
        }
    }

    /// A network of `layers` (given as `text` to `option`) trained on batches of `rows` samples.
    static func network(_ layers: [Int], text: String, option: String, rows: Int) throws {
        let bytes = MemoryBudget.network(layers: layers, rows: rows)
        guard bytes <= MemoryBudget.limitBytes else {
            let count = MemoryBudget.parameterCount(layers: layers).map { " (\($0) parameters)" } ?? ""
            throw UserError("\(option) \(text): the network\(count) would need \(MemoryBudget.describe(bytes)) to train; "
                + "the limit is \(MemoryBudget.describe(MemoryBudget.limitBytes))")
        }
    }
}

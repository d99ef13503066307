/// What a training request would allocate, estimated before anything is allocated, so that a
/// request too large for the machine is refused with one line instead of being killed.
public enum MemoryBudget {
    /// The most working memory a run may ask for: 4 GiB.
    public static let limitBytes = 4 << 30

    /// Bytes for `count` doubles held `copies` times; `Int.max` when that overflows.
    public static func bytes(doubles count: Int, copies: Int) -> Int {
        let (a, o1) = count.multipliedReportingOverflow(by: 8)
        let (b, o2) = a.multipliedReportingOverflow(by: copies)
        return o1 || o2 || count < 0 ? Int.max : b
    }

    /// A data set of `samples` rows of `width` numbers (features and targets), held about three
    /// times (the generated rows, the split, the one-hot targets).
    public static func dataset(samples: Int, width: Int) -> Int {
        let (cells, o) = samples.multipliedReportingOverflow(by: max(1, width))
        return o ? Int.max : bytes(doubles: cells, copies: 3)
    }

    /// The parameter count of a fully connected network, nil when it overflows.
    public static func parameterCount(layers: [Int]) -> Int? {
        var total = 0
        for k in layers.indices.dropFirst() {
            let (w, o1) = layers[k].multipliedReportingOverflow(by: layers[k - 1])
            let (wb, o2) = w.addingReportingOverflow(layers[k])
            let (t, o3) = total.addingReportingOverflow(wb)
            if o1 || o2 || o3 { return nil }
            total = t
        }
        return total
    }

    /// A network of `layers` trained on batches of `rows`: eight copies of the parameters
    /// (weights, gradient, optimizer state, the initial and logged states) and four of every
    /// layer's activations per row (pre-activations, activations, deltas, scratch).
    public static func network(layers: [Int], rows: Int) -> Int {
        guard let parameters = parameterCount(layers: layers) else { return Int.max }
        var units = 0
        for l in layers {
            let (u, o) = units.addingReportingOverflow(l)
            if o { return Int.max }
            units = u
        }
        let (activations, o) = units.multipliedReportingOverflow(by: max(1, rows))
        if o { return Int.max }
        let (sum, o2) = bytes(doubles: parameters, copies: 8).addingReportingOverflow(bytes(doubles: activations, copies: 4))
        return o2 ? Int.max : sum
    }

    /// "186.3 GiB", "2.5 TiB", "12 MiB", or "more memory than can be addressed".
    public static func describe(_ bytes: Int) -> String {
        if bytes == Int.max { return "more memory than can be addressed" }
        let g = Double(bytes) / Double(1 << 30)
        if g >= 1024 { return oneDecimal(g / 1024) + " TiB" }
        if g >= 1 { return oneDecimal(g) + " GiB" }
        return "\(Int((Double(bytes) / Double(1 << 20)).rounded())) MiB"
    }

    static func oneDecimal(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

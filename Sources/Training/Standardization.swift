/// Per-feature z-scores from a training set, as the course's `normalize_fit` (001, MNIST lab):
/// x' = (x - mean) / std with the population std (NumPy's default ddof = 0), and std below 1e-6
/// set to 1e-6 (constant pixels stay finite).
///
/// `float32: true` repeats the course's float32 arithmetic operation for operation: pixels as
/// float32, NumPy's axis-0 `mean` and `std` (float32 sums added row by row, then divided),
/// and (x - mean) / std in float32, so the standardised inputs equal NumPy's bit for bit.
public struct Standardization: Sendable {
    public var mean: [Double]
    public var std: [Double]
    public let float32: Bool

    public init(fit data: Dataset, float32: Bool = false) {
        self.float32 = float32
        let d = data.featureCount, n = data.count
        if float32 {
            var sum = [Float](repeating: 0, count: d), square = [Float](repeating: 0, count: d)
            var mean: [Float] = []
            data.inputs.withUnsafeBufferPointer { x in
                for r in 0..<n { for j in 0..<d { sum[j] += Float(x[r * d + j]) } }
                mean = sum.map { Float(Double($0) / Double(n)) }
                for r in 0..<n { for j in 0..<d { let e = Float(x[r * d + j]) - mean[j]; square[j] += e * e } }
            }
            self.mean = mean.map(Double.init)
            std = square.map { s in
                let v = Float(Double(s) / Double(n)).squareRoot()
                return Double(v < Float(1e-6) ? Float(1e-6) : v)
            }
            return
        }
        var mean = [Double](repeating: 0, count: d), square = [Double](repeating: 0, count: d)
        data.inputs.withUnsafeBufferPointer { x in
            for r in 0..<n { for j in 0..<d { mean[j] += x[r * d + j] } }
            for j in 0..<d { mean[j] /= Double(max(1, n)) }
            for r in 0..<n { for j in 0..<d { let e = x[r * d + j] - mean[j]; square[j] += e * e } }
        }
        self.mean = mean
        std = square.map { s in
            let v = (s / Double(max(1, n))).squareRoot()
            return v < 1e-6 ? 1e-6 : v
        }
    }

    /// `data` with every feature standardised by these statistics.
    public func apply(_ data: Dataset) -> Dataset {
        var out = data
        let d = data.featureCount
        out.inputs.withUnsafeMutableBufferPointer { x in
            if float32 {
                let m = mean.map(Float.init), s = std.map(Float.init)
                for i in 0..<x.count { let j = i % d; x[i] = Double((Float(x[i]) - m[j]) / s[j]) }
            } else {
                for i in 0..<x.count { let j = i % d; x[i] = (x[i] - mean[j]) / std[j] }
            }
        }
        return out
    }
}

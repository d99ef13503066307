/// A surface sampled on a regular grid: `values[j * xs.count + i]` is the value at (xs[i], ys[j]).
public struct Grid: Sendable, Equatable {
    public var xs: [Double]
    public var ys: [Double]
    public var values: [Double]

    public init(xs: [Double], ys: [Double], values: [Double]) {
        precondition(values.count == xs.count * ys.count, "grid values do not match the axes")
        self.xs = xs; self.ys = ys; self.values = values
    }

    @inlinable public func value(_ i: Int, _ j: Int) -> Double { values[j * xs.count + i] }

    /// `count` evenly spaced numbers from `range.lowerBound` to `range.upperBound` inclusive.
    public static func axis(_ range: ClosedRange<Double>, count: Int) -> [Double] {
        guard count > 1 else { return [range.lowerBound] }
        let step = (range.upperBound - range.lowerBound) / Double(count - 1)
        return (0..<count).map { k in k == count - 1 ? range.upperBound : range.lowerBound + Double(k) * step }
    }

    /// The smallest and largest finite values, or nil when no value is finite.
    public var finiteRange: (min: Double, max: Double)? {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite {
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        return lo <= hi ? (lo, hi) : nil
    }

    /// The smallest positive finite value (for log colour scales and log levels).
    public var smallestPositive: Double? {
        var lo = Double.infinity
        for v in values where v.isFinite && v > 0 && v < lo { lo = v }
        return lo.isFinite ? lo : nil
    }

    /// How many cells are NaN or infinite.
    public var nonFiniteCount: Int { values.reduce(0) { $0 + ($1.isFinite ? 0 : 1) } }
}

/// How big a grid may get and what it needs: bytes for the values plus the drawing buffers.
public enum GridBudget {
    /// Bytes per grid point: the value (8), an RGBA pixel (4) and a contour working copy (8).
    public static let bytesPerPoint = 20
    /// The largest grid we accept: 2 GiB of working memory.
    public static let limitBytes = 2 << 30

    public static func bytes(resolution: Int) -> Int {
        let (sq, o1) = resolution.multipliedReportingOverflow(by: resolution)
        let (b, o2) = sq.multipliedReportingOverflow(by: bytesPerPoint)
        return o1 || o2 ? Int.max : b
    }
}

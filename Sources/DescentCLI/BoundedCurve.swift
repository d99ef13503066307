/// A training curve kept in bounded memory however long the run: consecutive points share a
/// bucket that keeps its lowest and highest point (so spikes survive); when there are too many
/// buckets, neighbours merge, doubling how many steps a bucket spans. The last point is kept.
struct BoundedCurve {
    private struct Bucket {
        var low: (Double, Double)
        var high: (Double, Double)
        var count: Int
    }

    let maxBuckets: Int
    private var buckets: [Bucket] = []
    private var span = 1
    private var last: (Double, Double)?

    init(maxBuckets: Int = 8192) {
        self.maxBuckets = max(2, maxBuckets)
    }

    mutating func append(_ x: Double, _ y: Double) {
        last = (x, y)
        if var b = buckets.last, b.count < span {
            if y < b.low.1 || b.low.1.isNaN { b.low = (x, y) }
            if y > b.high.1 || b.high.1.isNaN { b.high = (x, y) }
            b.count += 1
            buckets[buckets.count - 1] = b
            return
        }
        if buckets.count == maxBuckets { mergePairs() }
        buckets.append(Bucket(low: (x, y), high: (x, y), count: 1))
    }

    private mutating func mergePairs() {
        var merged: [Bucket] = []
        merged.reserveCapacity(maxBuckets)
        var i = 0
        while i < buckets.count {
            var b = buckets[i]
            if i + 1 < buckets.count {
                let c = buckets[i + 1]
                if c.low.1 < b.low.1 || b.low.1.isNaN { b.low = c.low }
                if c.high.1 > b.high.1 || b.high.1.isNaN { b.high = c.high }
                b.count += c.count
            }
            merged.append(b)
            i += 2
        }
        buckets = merged
        span *= 2
    }

    /// The kept points in step order.
    var points: [(Double, Double)] {
        var out: [(Double, Double)] = []
        out.reserveCapacity(2 * buckets.count + 1)
        for b in buckets {
            let pair = b.low.0 <= b.high.0 ? [b.low, b.high] : [b.high, b.low]
            for p in pair where out.last.map({ $0.0 != p.0 }) ?? true { out.append(p) }
        }
        if let last, out.last.map({ $0.0 != last.0 }) ?? true { out.append(last) }
        return out
    }
}

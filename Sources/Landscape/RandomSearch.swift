import Training

/// Random search, the "parachuting" of course text 004 ch. 0: points drawn uniformly over the
/// domain (seeded SplitMix64), the loss at each, and the best of them kept.
public struct RandomSearch: Sendable, Equatable {
    public var points: [Point2]
    public var losses: [Double]
    /// The index of the lowest finite loss (nil when none is finite).
    public var best: Int?

    /// Draws `count` points over `domain` from `seed` and evaluates `surface` at each.
    public init(_ surface: Surface2D, over domain: Domain2, count: Int, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        points = (0..<count).map { _ in
            let x = rng.uniform(domain.x.lowerBound, domain.x.upperBound)
            return Point2(x, rng.uniform(domain.y.lowerBound, domain.y.upperBound))
        }
        losses = points.map { surface.value($0.x, $0.y) }
        best = losses.indices.filter { losses[$0].isFinite }.min { losses[$0] < losses[$1] }
    }
}

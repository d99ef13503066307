import Training

/// The gradient of a surface sampled on a coarse grid, for a quiver plot.
public struct GradientField: Sendable, Equatable {
    public var points: [Point2]
    public var gradients: [Point2]

    /// `count` x `count` points at the centres of equal cells covering `domain`.
    public static func sample(_ surface: Surface2D, over domain: Domain2, count: Int) -> GradientField {
        var points: [Point2] = [], gradients: [Point2] = []
        let n = max(1, count)
        let dx = (domain.x.upperBound - domain.x.lowerBound) / Double(n)
        let dy = (domain.y.upperBound - domain.y.lowerBound) / Double(n)
        for j in 0..<n {
            for i in 0..<n {
                let p = Point2(domain.x.lowerBound + (Double(i) + 0.5) * dx, domain.y.lowerBound + (Double(j) + 0.5) * dy)
                points.append(p)
                gradients.append(surface.gradient(p.x, p.y))
            }
        }
        return GradientField(points: points, gradients: gradients)
    }
}

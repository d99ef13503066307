import Canvas

/// Random-search points on a landscape (plain data): where each guess landed, its loss and
/// which one was lowest.
public struct RandomSearchPoints: Sendable {
    public var xs: [Double]
    public var ys: [Double]
    public var losses: [Double]
    public var best: Int?

    public init(xs: [Double], ys: [Double], losses: [Double], best: Int?) {
        self.xs = xs; self.ys = ys; self.losses = losses; self.best = best
    }

    /// The marks: every guess as a small ringed dot, the best as a larger diamond, each with a legend row.
    func marks() -> [any PlotMark] {
        let guess = Marker(.circle, size: 6, fill: Color.white.withAlpha(0.9), edge: Color(hex: 0x111111))
        var out: [any PlotMark] = [ScatterSeries(xs: xs, ys: ys, label: "\(xs.count) random guesses", marker: guess)]
        if let best {
            let label = "best guess, L = " + ContourLines.format(losses[best])
            out.append(ScatterSeries(xs: [xs[best]], ys: [ys[best]], label: label,
                                     marker: Marker(.diamond, size: 13, fill: Color(hex: 0xF0E442), edge: Color(hex: 0x111111))))
        }
        return out
    }
}

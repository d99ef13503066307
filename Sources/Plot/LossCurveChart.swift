import Canvas

/// One curve of a loss plot: which run and series it is, its points, and (with
/// smoothing) the smoothed values.
public struct LossCurve: Sendable {
    public var run: String
    public var series: String
    public var xs: [Double]
    public var ys: [Double]
    public var smoothed: [Double]?
    /// A band around the curve (e.g. Weights & Biases `__MIN`/`__MAX`), aligned with `xs`.
    public var band: (lower: [Double], upper: [Double])?

    public init(run: String, series: String, xs: [Double], ys: [Double], smoothed: [Double]? = nil,
                band: (lower: [Double], upper: [Double])? = nil) {
        self.run = run; self.series = series; self.xs = xs; self.ys = ys; self.smoothed = smoothed; self.band = band
    }

    /// Where the curve first stops being finite: the index, x, and the value found.
    public var divergence: (index: Int, x: Double, value: Double)? {
        guard let i = ys.firstIndex(where: { !$0.isFinite }) else { return nil }
        return (i, xs[i], ys[i])
    }
}

/// Options of a loss plot that are not data.
public struct LossChartOptions: Sendable {
    public var title: String?
    public var xLabel: String
    public var yLabel: String
    public var logY = false
    public var yLimits = AxisLimits()
    public var legend: LegendPlacement = .best
    /// How x tick labels read: numbers, or clock time for wall-time axes.
    public var xTickStyle: TickStyle = .number

    public init(title: String? = nil, xLabel: String, yLabel: String) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel
    }
}

/// Turns loss curves into an `Axes`: one line per curve (the raw curve faint behind the
/// smoothed one when smoothing), legend labels from run and series names, and a marked,
/// labelled line where a run diverged.
public enum LossCurveChart {
    /// The axes, plus one human note per diverged curve.
    public static func axes(_ curves: [LossCurve], options: LossChartOptions, theme: Theme) -> (axes: Axes, notes: [String]) {
        var axes = Axes(title: options.title, xLabel: options.xLabel, yLabel: options.yLabel)
        axes.yScale = options.logY ? .log : .linear
        axes.yLimits = options.yLimits
        axes.legend = options.legend
        axes.xTickStyle = options.xTickStyle
        let runs = orderedUnique(curves.map(\.run))
        let seriesNames = orderedUnique(curves.map(\.series))
        let colourByRun = runs.count > 1 && seriesNames.count > 1
        let dashes: [[Double]] = [[], [5, 3], [1.5, 2.5], [6, 2, 1.5, 2]]
        var notes: [String] = []
        var divergenceRow = 0
        axes.xIntegerTicks = options.xTickStyle == .number && curves.allSatisfy { $0.xs.allSatisfy { $0 == $0.rounded() } }
        // One curve needs no legend: the y label names it.
        if curves.count == 1 && options.legend == .best { axes.legend = .none }
        // Few points show their points; the choice is the same for every curve.
        let showMarkers = curves.allSatisfy { $0.xs.count <= 30 }
        for (i, curve) in curves.enumerated() {
            let colour: Color
            var dash: [Double] = []
            if colourByRun {
                colour = theme.color(runs.firstIndex(of: curve.run)!)
                dash = dashes[seriesNames.firstIndex(of: curve.series)! % dashes.count]
            } else {
                colour = theme.color(i)
            }
            let label = legendLabel(curve, runs: runs.count, series: seriesNames.count)
            let style = StrokeStyle(color: colour, width: theme.lineWidth, dash: dash)
            if let band = curve.band {
                axes.add(BandSeries(xs: curve.xs, lower: band.lower, upper: band.upper, color: colour.withAlpha(0.18)))
            }
            if let smoothed = curve.smoothed {
                axes.add(LineSeries(xs: curve.xs, ys: curve.ys, style: StrokeStyle(color: colour.withAlpha(0.28), width: 1.0, dash: dash),
                                    inLegend: false))
                axes.add(LineSeries(xs: curve.xs, ys: smoothed, label: label, style: style))
            } else {
                // A curve of a few points shows its points.
                let marker = showMarkers ? Marker(.circle, size: 4, fill: colour) : nil
                axes.add(LineSeries(xs: curve.xs, ys: curve.ys, label: label, style: style, marker: marker))
            }
            if options.logY {
                let hidden = curve.ys.filter { $0.isFinite && $0 <= 0 }.count
                if hidden > 0 {
                    let name = label.isEmpty ? curve.series : MathText.plainText(label)
                    notes.append("\(name): \(hidden) value\(hidden == 1 ? "" : "s") ≤ 0 not drawn on the log axis")
                }
            }
            if let d = curve.divergence {
                let what = valueName(d.value)
                let name = label.isEmpty ? curve.series : MathText.plainText(label)
                let text = "\(name) → \(what) at \(options.xLabel) \(formatX(d.x))"
                notes.append(text)
                axes.add(ReferenceLine(.vertical, at: d.x, style: StrokeStyle(color: colour, width: 1.1, dash: [4, 3]),
                                       label: text, labelRow: divergenceRow))
                divergenceRow += 1
                if let lastFinite = curve.ys[..<d.index].lastIndex(where: \.isFinite) {
                    axes.add(ScatterSeries(xs: [curve.xs[lastFinite]], ys: [curve.ys[lastFinite]],
                                           marker: Marker(.cross, size: 8, fill: colour)))
                }
            }
        }
        return (axes, notes)
    }

    static func legendLabel(_ c: LossCurve, runs: Int, series: Int) -> String {
        if runs > 1 && series > 1 { return "\(c.run): \(c.series)" }
        if runs > 1 { return c.run }
        return c.series
    }

    static func valueName(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        return v > 0 ? "+∞" : "−∞"
    }

    static func formatX(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        if abs(x) >= 1e-3 && abs(x) < 1e15 { return TickLabelFormatter.plainLabels(for: [x])[0].replacingOccurrences(of: "\u{2212}", with: "-") }
        return String(x)
    }

    static func orderedUnique(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { seen.insert($0).inserted }
    }
}

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
    /// Logarithmic x (log-log learning curves); points at x <= 0 are left out with a note.
    public var logX = false
    public var xLimits = AxisLimits()
    public var yLimits = AxisLimits()
    /// A y range per series that leaves out extreme values (`RobustRange`); points outside are
    /// marked at the edge with a count.
    public var ignoreOutliers = false
    /// The user's look of each curve, in curve order (missing entries: automatic).
    public var styles: [SeriesStyle] = []
    public var legend: LegendPlacement = .best
    /// How x tick labels read: numbers, or clock time for wall-time axes.
    public var xTickStyle: TickStyle = .number

    public init(title: String? = nil, xLabel: String, yLabel: String) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel
    }
}

/// Turns loss curves into an `Axes`: one line per curve (the raw curve faint behind the
/// smoothed one when smoothing) in the user's styles or automatic ones, legend labels from run
/// and series names, a marked, labelled line where a run diverged, and, ignoring outliers, the
/// points beyond the robust y range marked at the edges.
public enum LossCurveChart {
    /// The axes, plus human notes (diverged curves, points left out or marked at an edge).
    public static func axes(_ curves: [LossCurve], options: LossChartOptions, theme: Theme) -> (axes: Axes, notes: [String]) {
        var axes = Axes(title: options.title, xLabel: options.xLabel, yLabel: options.yLabel)
        axes.yScale = options.logY ? .log : .linear
        axes.xScale = options.logX ? .log : .linear
        axes.xLimits = options.xLimits
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
        var colours: [Color] = []
        for (i, curve) in curves.enumerated() {
            let user = i < options.styles.count ? options.styles[i] : SeriesStyle()
            var colour = theme.color(i)
            var dash: [Double] = []
            if colourByRun {
                colour = theme.color(runs.firstIndex(of: curve.run)!)
                dash = dashes[seriesNames.firstIndex(of: curve.series)! % dashes.count]
            }
            let (style, marker) = look(user, colour: colour, dash: dash, theme: theme, showMarkers: showMarkers)
            colour = style.color
            let width = style.width
            colours.append(colour)
            let label = legendLabel(curve, runs: runs.count, series: seriesNames.count)
            if let band = curve.band {
                axes.add(BandSeries(xs: curve.xs, lower: band.lower, upper: band.upper, color: colour.withAlpha(0.18)))
            }
            if let smoothed = curve.smoothed {
                let faint = StrokeStyle(color: colour.withAlpha(0.28), width: min(width, theme.lineWidth * 0.625), dash: style.dash)
                axes.add(LineSeries(xs: curve.xs, ys: curve.ys, style: faint, inLegend: false))
                axes.add(LineSeries(xs: curve.xs, ys: smoothed, label: label, style: style, marker: user.marker == nil && width > 0 ? nil : marker))
            } else {
                axes.add(LineSeries(xs: curve.xs, ys: curve.ys, label: label, style: style, marker: marker))
            }
            let name = label.isEmpty ? curve.series : MathText.plainText(label)
            if options.logX {
                let hidden = curve.xs.filter { $0.isFinite && $0 <= 0 }.count
                if hidden > 0 {
                    notes.append("\(name): \(hidden) point\(hidden == 1 ? "" : "s") at \(options.xLabel) ≤ 0 not drawn on the log x axis")
                }
            }
            if options.logY {
                let hidden = curve.ys.filter { $0.isFinite && $0 <= 0 }.count
                if hidden > 0 {
                    notes.append("\(name): \(hidden) value\(hidden == 1 ? "" : "s") ≤ 0 not drawn on the log axis")
                }
            }
            if let d = curve.divergence {
                let what = valueName(d.value)
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
        if options.ignoreOutliers {
            notes += markOutliers(curves, colours: colours, axes: &axes, options: options)
        }
        return (axes, notes)
    }

    /// A curve's stroke and marker: the user's style over the automatic colour and dashes
    /// (scaled with the line width, as matplotlib scales dashes); few points show their points.
    static func look(_ user: SeriesStyle, colour automatic: Color, dash automaticDash: [Double], theme: Theme,
                     showMarkers: Bool) -> (style: StrokeStyle, marker: Marker?) {
        let colour = user.color ?? automatic
        var width = user.width ?? theme.lineWidth
        var dash = automaticDash.map { $0 * (width / 1.6) }  // the automatic dashes are drawn for paper's 1.6 pt
        if let pattern = user.pattern { dash = pattern.dash(width: width) }
        if user.pattern == LinePattern.none { width = 0 }
        let marker: Marker?
        switch user.marker {
        case .shape(let shape, let scale)?: marker = Marker(shape, size: theme.markerSize * scale, fill: colour)
        case .none?: marker = nil
        case nil: marker = showMarkers || width == 0 ? Marker(.circle, size: theme.markerSize * 0.8, fill: colour) : nil
        }
        return (StrokeStyle(color: colour, width: width, dash: dash), marker)
    }

    /// Fixes the y limits to the union of the curves' robust ranges (user limits win) and marks
    /// the points beyond them at the plot's edges; one note per curve with points left out.
    static func markOutliers(_ curves: [LossCurve], colours: [Color], axes: inout Axes, options: LossChartOptions) -> [String] {
        // Only points that are drawn at all count: x placeable and inside fixed x limits.
        func visible(_ x: Double) -> Bool {
            axes.xScale.accepts(x) && x >= (options.xLimits.lower ?? -.infinity) && x <= (options.xLimits.upper ?? .infinity)
        }
        let shown = curves.map { c in zip(c.xs, c.ys).filter { visible($0.0) } }
        guard let robust = RobustRange.union(shown.map { $0.map(\.1) }, scale: axes.yScale) else { return [] }
        let (lower, upper) = Axes.limits(fixed: options.yLimits, dataMin: robust.lower, dataMax: robust.upper,
                                         scale: axes.yScale, margin: axes.margin)
        axes.yLimits = AxisLimits(lower: lower, upper: upper)
        var above: [OutlierMarks.Group] = [], below: [OutlierMarks.Group] = []
        var notes: [String] = []
        let labels = legendLabels(curves)
        for (i, points) in shown.enumerated() {
            let placeable = points.filter { axes.yScale.accepts($0.1) }
            let high = placeable.filter { $0.1 > upper }, low = placeable.filter { $0.1 < lower }
            above.append(.init(xs: high.map(\.0), color: colours[i]))
            below.append(.init(xs: low.map(\.0), color: colours[i]))
            var parts: [String] = []
            if let top = high.map(\.1).max() { parts.append("\(high.count) above (up to \(formatX(top)))") }
            if let bottom = low.map(\.1).min() { parts.append("\(low.count) below (down to \(formatX(bottom)))") }
            if !parts.isEmpty {
                let name = labels[i].isEmpty ? curves[i].series : MathText.plainText(labels[i])
                notes.append("\(name): outside the y range, marked at the edge: " + parts.joined(separator: ", "))
            }
        }
        for mark in [OutlierMarks(edge: .top, groups: above), OutlierMarks(edge: .bottom, groups: below)] where mark.count > 0 {
            axes.add(mark)
        }
        return notes
    }

    /// Every curve's legend label, in curve order (the order per-series styles apply in).
    public static func legendLabels(_ curves: [LossCurve]) -> [String] {
        let runs = orderedUnique(curves.map(\.run)).count, series = orderedUnique(curves.map(\.series)).count
        return curves.map { legendLabel($0, runs: runs, series: series) }
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

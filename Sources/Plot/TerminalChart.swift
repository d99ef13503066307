import Canvas

/// A quick terminal preview of an `Axes`, drawn with Unicode braille (2×4 dots a
/// character), for `descent plot … --terminal`:
///
/// ```
///                  training loss
///     loss ↑
///      2.0 ┤⠱⡀
///          │ ⠈⠢⣀
///      1.0 ┤    ⠉⠒⠤⠤⣀⣀⣀⣀
///          └────┬──────────┬────
///              500       1000
///                    step
///     ── train
///     ── validation
/// ```
///
/// Line series are drawn as connected dots on the same limits and scales as the graphic
/// figure (`Axes.resolvedLimits()`); long series keep every dot column's minimum and
/// maximum so spikes stay visible; NaN, ±Inf and non-positive values on a log axis break
/// the line. Faint series (alpha < 0.5, such as the raw curve behind a smoothed one)
/// are drawn pale, and only in cells no other mark touches, when colour is on; without
/// colour they are left out (unless nothing else is drawn), since they could not be told
/// apart from the series in front. Scatter series are single dots; reference
/// lines are dotted, with their labels listed under the legend. Other marks (bands,
/// text and arrow annotations) are not drawn.
public enum TerminalChart {
    /// Smaller requests are clamped to this size.
    public static let minimumColumns = 40
    public static let minimumRows = 12

    /// The chart as `max(rows, 12)` lines joined by "\n" (no trailing newline), each at
    /// most `max(columns, 40)` terminal columns wide. With `ansiColor`, marks are coloured
    /// with 24-bit SGR sequences (each cell takes the colour of the mark owning most of its
    /// dots) and every coloured line ends with a reset; without it the text contains no
    /// escape sequences at all. `theme` supplies the background that faint series fade into.
    public static func render(_ axes: Axes, columns: Int, rows: Int, theme: Theme, ansiColor: Bool) -> String {
        renderLines(axes, columns: columns, rows: rows, theme: theme, ansiColor: ansiColor).joined(separator: "\n")
    }

    /// Any panel: its 2D axes as `render` draws them, or, for a panel without axes (a 3D
    /// view, a diagram), one line saying what it is and that it is not drawn here.
    public static func render(panel: any Panel, columns: Int, rows: Int, theme: Theme, ansiColor: Bool) -> String {
        guard let axes = panel.cartesianAxes else {
            return "(a \(panel.kindName) panel: not drawn in the terminal)"
        }
        return render(axes, columns: columns, rows: rows, theme: theme, ansiColor: ansiColor)
    }

    /// The names of the marks of `axes` the terminal does not draw (heatmaps, contours, text),
    /// each once, in order; legend rows and the drawn kinds are not listed.
    public static func omittedMarks(_ axes: Axes) -> [String] {
        var names: [String] = []
        for mark in axes.marks {
            switch mark {
            case is LineSeries, is ScatterSeries, is ReferenceLine, is LegendRow: continue
            default: if !names.contains(mark.markName) { names.append(mark.markName) }
            }
        }
        return names
    }

    /// The lines of `render`, without separators.
    public static func renderLines(_ axes: Axes, columns: Int, rows: Int, theme: Theme, ansiColor: Bool) -> [String] {
        let width = max(minimumColumns, columns), height = max(minimumRows, rows)
        let limits = axes.resolvedLimits()
        let title = nonEmpty(axes.title.map(TerminalText.plain))
        let xLabel = nonEmpty(axes.xLabel.map(TerminalText.plain))
        let yLabel = nonEmpty(axes.yLabel.map(TerminalText.plain))

        // Rows: the plot keeps at least half the height; the rest goes to the title,
        // the axis labels and the legend, in that order.
        let plotMinimum = max(3, height / 2)
        var spare = height - 2 - plotMinimum
        func take(_ wanted: Bool) -> Bool {
            guard wanted, spare > 0 else { return false }
            spare -= 1
            return true
        }
        let showTitle = take(title != nil), showXLabel = take(xLabel != nil), showYLabel = take(yLabel != nil)
        let omitted = omittedMarks(axes)
        let showOmitted = take(!omitted.isEmpty)
        let legend = packLegend(legendItems(axes), width: width, maxLines: spare)
        let plotRows = height - 2 - [showTitle, showXLabel, showYLabel, showOmitted].filter { $0 }.count - legend.count

        // Columns: gutter for y tick labels, a space, the axis, the plot, a right margin
        // just wide enough for the last x tick label.
        let yTicks = chooseYTicks(scale: axes.yScale, limits: limits.y, rows: plotRows, maxWidth: width / 3)
        let gutter = max(1, yTicks.map { TerminalText.width($0.label) }.max() ?? 0)
        let plotStart = gutter + 2
        var plotColumns = width - plotStart
        var xTicks = chooseXTicks(scale: axes.xScale, limits: limits.x, plotStart: plotStart, plotColumns: plotColumns, width: width)
        let overflow = xTicks.map { $0.idealStart + TerminalText.width($0.label) - width }.max() ?? 0
        if overflow > 0 {
            plotColumns -= overflow
            xTicks = chooseXTicks(scale: axes.xScale, limits: limits.x, plotStart: plotStart, plotColumns: plotColumns, width: width)
        }

        // Marks.
        // Faint series (the raw curve behind a smoothed one) only read as "behind" in colour.
        let plot = Plotted(axes, limits: limits, columns: plotColumns, rows: plotRows, faintBehind: ansiColor)
        let style = Styler(ansi: ansiColor, background: theme.background)

        var lines: [String] = []
        let plotCentre = plotStart + plotColumns / 2
        if showTitle, let title {
            lines.append(centred(title, at: plotCentre, width: width, style: style.bold))
        }
        if showYLabel, let yLabel {
            var b = LineBuilder(ansi: ansiColor)
            if TerminalText.width(yLabel) + 1 <= gutter + 1 {
                b.pad(to: gutter + 1 - TerminalText.width(yLabel) - 1)
                b.append(yLabel)
                b.space()
                b.append("↑")
            } else {
                b.pad(to: gutter + 1)
                b.append("↑ " + TerminalText.truncate(yLabel, to: width - gutter - 3))
            }
            lines.append(b.finished())
        }
        let tickRows = Dictionary(yTicks.map { ($0.row, $0.label) }, uniquingKeysWith: { a, _ in a })
        for r in 0..<plotRows {
            var b = LineBuilder(ansi: ansiColor)
            if let label = tickRows[r] {
                b.pad(to: gutter - TerminalText.width(label))
                b.append(label)
            }
            b.pad(to: gutter + 1)
            b.append(tickRows[r] != nil ? "┤" : "│")
            for c in 0..<plotColumns {
                let (ch, ink) = plot.cell(column: c, row: r)
                if ch == BrailleCanvas.blank {
                    b.space()
                } else {
                    b.append(String(ch), style: ink.flatMap(style.sgr))
                }
            }
            lines.append(b.finished())
        }
        var axis = LineBuilder(ansi: ansiColor)
        axis.pad(to: gutter + 1)
        let tickColumns = Set(xTicks.map(\.column))
        axis.append("└" + String((0..<plotColumns).map { tickColumns.contains($0) ? "┬" : "─" }))
        lines.append(axis.finished())
        var labels = LineBuilder(ansi: ansiColor)
        for t in xTicks {
            labels.pad(to: t.start)
            labels.append(t.label)
        }
        lines.append(labels.finished())
        if showXLabel, let xLabel {
            lines.append(centred(xLabel, at: plotCentre, width: width, style: nil))
        }
        let indent = legend.allSatisfy { plotStart + $0.width <= width } ? plotStart : 0
        for line in legend {
            var b = LineBuilder(ansi: ansiColor)
            b.pad(to: indent)
            for (k, item) in line.items.enumerated() {
                if k > 0 { b.space(3) }
                b.append(item.sample, style: item.color.flatMap { style.sgr(Ink(color: $0, faint: false)) })
                b.space()
                b.append(item.label)
            }
            if line.more > 0 {
                if !line.items.isEmpty { b.space(3) }
                b.append("+\(line.more) more")
            }
            lines.append(b.finished())
        }
        if showOmitted {
            lines.append(TerminalText.truncate("not drawn here: " + omitted.joined(separator: ", "), to: width))
        }
        return lines
    }

    // MARK: Text lines

    static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.allSatisfy({ $0 == " " }) else { return nil }
        return s
    }

    static func centred(_ text: String, at centre: Int, width: Int, style: String?) -> String {
        let t = TerminalText.truncate(text, to: width)
        let w = TerminalText.width(t)
        var b = LineBuilder(ansi: style != nil)
        b.pad(to: min(max(0, centre - w / 2), width - w))
        b.append(t, style: style)
        return b.finished()
    }

    // MARK: Ticks

    struct YTick { var row: Int; var label: String }

    struct XTick {
        var column: Int
        var label: String
        /// Where the label would start centred under its tick, and where it starts.
        var idealStart: Int
        var start: Int
    }

    static func locate(_ scale: AxisScale, _ lower: Double, _ upper: Double, budget: Int) -> [Tick] {
        let ticks = scale.ticks(lower: lower, upper: upper, maxTicks: budget)
        let mapping = AxisMapping(scale: scale, lower: lower, upper: upper, start: 0, end: 1)
        return ticks.filter { !$0.label.isEmpty && mapping.contains($0.value) }
    }

    /// Labelled y ticks, at most one per row and (when there is room) a blank row apart.
    static func chooseYTicks(scale: AxisScale, limits: (Double, Double), rows: Int, maxWidth: Int) -> [YTick] {
        let mapping = AxisMapping(scale: scale, lower: limits.0, upper: limits.1, start: 0, end: Double(rows * 4))
        let minGap = rows >= 8 ? 2 : 1
        var budget = max(2, min(10, rows / 2))
        while true {
            let ticks = locate(scale, limits.0, limits.1, budget: budget).map { t in
                YTick(row: rows - 1 - dotIndex(mapping.map(t.value), count: rows * 4) / 4,
                      label: TerminalText.truncate(TerminalText.plain(t.label), to: maxWidth))
            }.sorted { $0.row < $1.row }
            let fits = zip(ticks, ticks.dropFirst()).allSatisfy { $1.row - $0.row >= minGap }
            if fits || budget <= 2 {
                var kept: [YTick] = []
                for t in ticks where kept.last.map({ t.row - $0.row >= minGap }) ?? true { kept.append(t) }
                return kept
            }
            budget -= 1
        }
    }

    /// Labelled x ticks whose labels, centred under their tick, keep two spaces apart.
    static func chooseXTicks(scale: AxisScale, limits: (Double, Double), plotStart: Int, plotColumns: Int, width: Int) -> [XTick] {
        let mapping = AxisMapping(scale: scale, lower: limits.0, upper: limits.1, start: 0, end: Double(plotColumns * 2))
        let gap = 2
        var budget = max(2, min(10, plotColumns / 10))
        while true {
            let ticks = locate(scale, limits.0, limits.1, budget: budget).map { t -> XTick in
                let label = TerminalText.truncate(TerminalText.plain(t.label), to: max(1, plotColumns / 2))
                let column = dotIndex(mapping.map(t.value), count: plotColumns * 2) / 2
                let w = TerminalText.width(label)
                let ideal = plotStart + column - w / 2
                return XTick(column: column, label: label, idealStart: ideal, start: min(max(0, ideal), width - w))
            }.sorted { $0.column < $1.column }
            let fits = zip(ticks, ticks.dropFirst()).allSatisfy { $1.start >= $0.start + TerminalText.width($0.label) + gap }
            if fits || budget <= 2 {
                var kept: [XTick] = []
                for t in ticks where kept.last.map({ t.start >= $0.start + TerminalText.width($0.label) + gap }) ?? true {
                    kept.append(t)
                }
                return kept
            }
            budget -= 1
        }
    }

    /// The dot index (0..<count) containing continuous coordinate `c`; the far edge
    /// belongs to the last dot.
    static func dotIndex(_ c: Double, count: Int) -> Int {
        guard c.isFinite else { return c > 0 ? count - 1 : 0 }
        let clamped = min(max(c, 0), Double(count - 1))
        return Int(clamped.rounded(.down))
    }

    // MARK: Legend

    struct LegendItem {
        var sample: String
        var color: Color?
        var label: String
        var width: Int { TerminalText.width(sample) + 1 + TerminalText.width(label) }
    }

    struct LegendLine {
        var items: [LegendItem]
        /// Entries left out, announced as "+n more" at the end of the last line.
        var more: Int
        var width: Int {
            var w = items.map(\.width).reduce(0, +) + 3 * max(0, items.count - 1)
            if more > 0 { w += (items.isEmpty ? 0 : 3) + "+\(more) more".count }
            return w
        }
    }

    /// Legend entries, then the labels of reference lines (divergence notes).
    static func legendItems(_ axes: Axes) -> [LegendItem] {
        var items: [LegendItem] = []
        for entry in axes.legendEntries {
            let label = TerminalText.plain(entry.label)
            switch entry.sample {
            case .line(let style, let marker):
                if style.width > 0 {
                    items.append(LegendItem(sample: style.dash.isEmpty ? "──" : "╌╌", color: style.color, label: label))
                } else {
                    items.append(LegendItem(sample: "•", color: marker?.fill ?? style.color, label: label))
                }
            case .marker(let marker):
                items.append(LegendItem(sample: "•", color: marker.fill, label: label))
            case .patch(let color):
                items.append(LegendItem(sample: "██", color: color, label: label))
            case .arrow(let color):
                items.append(LegendItem(sample: "─→", color: color, label: label))
            }
        }
        for case let line as ReferenceLine in axes.marks {
            guard let label = nonEmpty(line.label.map(TerminalText.plain)) else { continue }
            items.append(LegendItem(sample: line.orientation == .vertical ? "┆" : "┄┄", color: line.style.color, label: label))
        }
        return items
    }

    /// One entry a line when they fit in `maxLines`, else packed several to a line, and
    /// when even that does not fit, cut with "+n more".
    static func packLegend(_ items: [LegendItem], width: Int, maxLines: Int) -> [LegendLine] {
        guard maxLines > 0, !items.isEmpty else { return [] }
        let items = items.map { item -> LegendItem in
            var item = item
            item.label = TerminalText.truncate(item.label, to: max(1, width - TerminalText.width(item.sample) - 1))
            return item
        }
        if items.count <= maxLines { return items.map { LegendLine(items: [$0], more: 0) } }
        var lines: [LegendLine] = []
        for item in items {
            if var last = lines.last, last.width + 3 + item.width <= width {
                last.items.append(item)
                lines[lines.count - 1] = last
            } else {
                lines.append(LegendLine(items: [item], more: 0))
            }
        }
        guard lines.count > maxLines else { return lines }
        lines = Array(lines.prefix(maxLines))
        var last = lines[maxLines - 1]
        last.more = items.count - lines.map(\.items.count).reduce(0, +)
        while last.width > width, !last.items.isEmpty {
            last.items.removeLast()
            last.more += 1
        }
        lines[maxLines - 1] = last
        return lines
    }

    // MARK: Marks

    /// A colour a mark draws with; faint marks fade into the background.
    struct Ink {
        var color: Color
        var faint: Bool
    }

    /// The marks of an axes rasterised to braille: opaque marks on one canvas, faint ones
    /// on another that shows only in cells the first leaves blank.
    struct Plotted {
        var main: BrailleCanvas
        var faint: BrailleCanvas
        var inks: [Ink] = []

        /// `faintBehind`: draw faint series (pale, where nothing else is) rather than skip
        /// them; they are always drawn when no opaque series exists.
        init(_ axes: Axes, limits: (x: (Double, Double), y: (Double, Double)), columns: Int, rows: Int, faintBehind: Bool) {
            var main = DotPlotter(axes: axes, limits: limits, columns: columns, rows: rows)
            var faint = main
            let hasOpaque = axes.marks.contains { mark in
                if let s = mark as? LineSeries { return !Self.isFaint(Self.color(of: s)) }
                if let s = mark as? ScatterSeries { return !Self.isFaint(s.marker.fill) }
                return false
            }
            for mark in axes.marks {
                switch mark {
                case let s as LineSeries:
                    let ink = Ink(color: Self.color(of: s), faint: Self.isFaint(Self.color(of: s)))
                    if ink.faint && hasOpaque && !faintBehind { continue }
                    inks.append(ink)
                    if ink.faint && hasOpaque {
                        faint.polyline(s, colour: inks.count - 1)
                    } else {
                        main.polyline(s, colour: inks.count - 1)
                    }
                case let s as ScatterSeries:
                    let ink = Ink(color: s.marker.fill, faint: Self.isFaint(s.marker.fill))
                    if ink.faint && hasOpaque && !faintBehind { continue }
                    inks.append(ink)
                    if ink.faint && hasOpaque {
                        faint.points(xs: s.xs, ys: s.ys, colour: inks.count - 1)
                    } else {
                        main.points(xs: s.xs, ys: s.ys, colour: inks.count - 1)
                    }
                case let r as ReferenceLine:
                    inks.append(Ink(color: r.style.color, faint: false))
                    main.reference(r, colour: inks.count - 1)
                default:
                    continue
                }
            }
            self.main = main.canvas
            self.faint = faint.canvas
        }

        static func color(of s: LineSeries) -> Color {
            s.style.width > 0 ? s.style.color : (s.marker?.fill ?? s.style.color)
        }

        static func isFaint(_ c: Color) -> Bool { c.alpha < 0.5 }

        /// What a plot cell shows and the ink it shows in.
        func cell(column: Int, row: Int) -> (Character, Ink?) {
            for canvas in [main, faint] where !canvas.isBlank(column: column, row: row) {
                return (canvas.character(column: column, row: row),
                        canvas.dominantColour(column: column, row: row).map { inks[$0] })
            }
            return (BrailleCanvas.blank, nil)
        }
    }

    /// Draws data-space marks onto a braille canvas. Coordinates are continuous dot units:
    /// x from the left edge in [0, dotWidth], y up from the bottom edge in [0, dotHeight].
    struct DotPlotter {
        var canvas: BrailleCanvas
        let x: AxisMapping
        let y: AxisMapping

        init(axes: Axes, limits: (x: (Double, Double), y: (Double, Double)), columns: Int, rows: Int) {
            canvas = BrailleCanvas(columns: columns, rows: rows)
            x = AxisMapping(scale: axes.xScale, lower: limits.x.0, upper: limits.x.1, start: 0, end: Double(canvas.dotWidth))
            y = AxisMapping(scale: axes.yScale, lower: limits.y.0, upper: limits.y.1, start: 0, end: Double(canvas.dotHeight))
        }

        typealias P = (x: Double, y: Double)

        /// Continuous position of a data point, or nil when it cannot be placed.
        func position(_ dx: Double, _ dy: Double) -> P? {
            guard x.scale.accepts(dx), y.scale.accepts(dy) else { return nil }
            let p = (x: x.map(dx), y: y.map(dy))
            return p.x.isFinite && p.y.isFinite ? p : nil
        }

        /// The dot containing a continuous position inside the canvas.
        func dot(_ p: P) -> (Int, Int) {
            (TerminalChart.dotIndex(p.x, count: canvas.dotWidth),
             canvas.dotHeight - 1 - TerminalChart.dotIndex(p.y, count: canvas.dotHeight))
        }

        mutating func segment(_ a: P, _ b: P, colour: Int) {
            guard let (p, q) = Self.clip(a, b, width: Double(canvas.dotWidth), height: Double(canvas.dotHeight)) else { return }
            let d0 = dot(p), d1 = dot(q)
            canvas.line(from: d0.0, d0.1, to: d1.0, d1.1, colour: colour)
        }

        /// Liang–Barsky clipping of a segment to [0, width] × [0, height].
        static func clip(_ a: P, _ b: P, width: Double, height: Double) -> (P, P)? {
            let dx = b.x - a.x, dy = b.y - a.y
            guard dx.isFinite, dy.isFinite else { return nil }
            var t0 = 0.0, t1 = 1.0
            for (p, q) in [(-dx, a.x), (dx, width - a.x), (-dy, a.y), (dy, height - a.y)] {
                if p == 0 {
                    if q < 0 { return nil }
                } else {
                    let r = q / p
                    if p < 0 {
                        if r > t1 { return nil }
                        t0 = max(t0, r)
                    } else {
                        if r < t0 { return nil }
                        t1 = min(t1, r)
                    }
                }
            }
            return ((a.x + t0 * dx, a.y + t0 * dy), (a.x + t1 * dx, a.y + t1 * dy))
        }

        /// A line series: points are gathered per dot column (first, last, lowest and
        /// highest), the column's range is drawn as a vertical run and consecutive columns
        /// are joined, so any number of points costs O(points + dots) and spikes survive.
        mutating func polyline(_ s: LineSeries, colour: Int) {
            guard s.style.width > 0 else {
                points(xs: s.xs, ys: s.ys, colour: colour)
                return
            }
            struct Bin { var column: Int; var first: P; var last: P; var lo: Double; var hi: Double }
            let width = Double(canvas.dotWidth)
            var previous: P?
            var bin: Bin?
            func columnOf(_ p: P) -> Int { p.x < 0 ? -1 : p.x >= width ? canvas.dotWidth : Int(p.x) }
            func flush(_ plotter: inout DotPlotter) {
                guard let b = bin else { return }
                if let a = previous {
                    switch s.interpolation {
                    case .straight:
                        plotter.segment(a, b.first, colour: colour)
                    case .stepsPost:
                        plotter.segment(a, (b.first.x, a.y), colour: colour)
                        plotter.segment((b.first.x, a.y), b.first, colour: colour)
                    case .stepsPre:
                        plotter.segment(a, (a.x, b.first.y), colour: colour)
                        plotter.segment((a.x, b.first.y), b.first, colour: colour)
                    }
                }
                plotter.segment((b.first.x, b.lo), (b.first.x, b.hi), colour: colour)
                previous = b.last
                bin = nil
            }
            for i in 0..<min(s.xs.count, s.ys.count) {
                guard let p = position(s.xs[i], s.ys[i]) else {
                    flush(&self)
                    previous = nil
                    continue
                }
                let column = columnOf(p)
                if var b = bin, b.column == column {
                    b.last = p
                    b.lo = min(b.lo, p.y)
                    b.hi = max(b.hi, p.y)
                    bin = b
                } else {
                    flush(&self)
                    bin = Bin(column: column, first: p, last: p, lo: p.y, hi: p.y)
                }
            }
            flush(&self)
        }

        /// One dot per placeable point inside the plot.
        mutating func points(xs: [Double], ys: [Double], colour: Int) {
            let w = Double(canvas.dotWidth), h = Double(canvas.dotHeight)
            for i in 0..<min(xs.count, ys.count) {
                guard let p = position(xs[i], ys[i]), p.x >= 0, p.x <= w, p.y >= 0, p.y <= h else { continue }
                let d = dot(p)
                canvas.set(d.0, d.1, colour: colour)
            }
        }

        /// A dotted line across the plot at the reference value.
        mutating func reference(_ r: ReferenceLine, colour: Int) {
            switch r.orientation {
            case .vertical:
                guard x.scale.accepts(r.value) else { return }
                let c = x.map(r.value)
                guard c >= 0, c <= Double(canvas.dotWidth) else { return }
                canvas.verticalRun(x: TerminalChart.dotIndex(c, count: canvas.dotWidth), from: 0, to: canvas.dotHeight - 1,
                                   step: 2, colour: colour)
            case .horizontal:
                guard y.scale.accepts(r.value) else { return }
                let c = y.map(r.value)
                guard c >= 0, c <= Double(canvas.dotHeight) else { return }
                canvas.horizontalRun(y: canvas.dotHeight - 1 - TerminalChart.dotIndex(c, count: canvas.dotHeight),
                                     from: 0, to: canvas.dotWidth - 1, step: 2, colour: colour)
            }
        }
    }

    // MARK: ANSI

    /// SGR sequences for inks and text.
    struct Styler {
        let ansi: Bool
        let background: Color

        var bold: String? { ansi ? "\u{1B}[1m" : nil }

        /// 24-bit foreground for an ink; nil (the terminal's default colour) when colour is
        /// off or the colour is so dark or light that it could vanish on the terminal.
        func sgr(_ ink: Ink) -> String? {
            guard ansi else { return nil }
            var c = ink.color
            if ink.faint {
                let a = max(0.15, c.alpha)
                c = Color(red: c.red * a + background.red * (1 - a), green: c.green * a + background.green * (1 - a),
                          blue: c.blue * a + background.blue * (1 - a))
            }
            func byte(_ v: Double) -> Int { Int((min(1, max(0, v)) * 255).rounded()) }
            let luminance = 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue
            if luminance < 0.12 || luminance > 0.94 { return nil }
            return "\u{1B}[38;2;\(byte(c.red));\(byte(c.green));\(byte(c.blue))m"
        }
    }

    /// Builds one output line: tracks its display width, emits an SGR sequence only when
    /// the style changes, drops trailing spaces and resets any style at the end.
    struct LineBuilder {
        let ansi: Bool
        private var text = ""
        private var current: String?
        private var pendingSpaces = 0
        private(set) var width = 0

        init(ansi: Bool) { self.ansi = ansi }

        static let reset = "\u{1B}[0m"

        mutating func space(_ n: Int = 1) {
            pendingSpaces += n
            width += n
        }

        mutating func pad(to column: Int) {
            if width < column { space(column - width) }
        }

        mutating func append(_ s: String, style: String? = nil) {
            guard !s.isEmpty else { return }
            if pendingSpaces > 0 {
                text += String(repeating: " ", count: pendingSpaces)
                pendingSpaces = 0
            }
            let wanted = ansi ? style : nil
            if wanted != current {
                if current != nil { text += Self.reset }
                if let wanted { text += wanted }
                current = wanted
            }
            text += s
            width += TerminalText.width(s)
        }

        func finished() -> String {
            current != nil ? text + Self.reset : text
        }
    }
}

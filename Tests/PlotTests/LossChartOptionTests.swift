import Testing
import Canvas
@testable import Plot

/// `descent plot`'s conventions on the marks a loss chart draws: log x, x limits, outliers at
/// the edges, per-series styles, themes and font sizes, a transparent background.
@Suite("Loss chart options")
struct LossChartOptionTests {
    struct Drawn {
        var canvas: RecordingCanvas
        var layout: AxesLayout
        var notes: [String]
        var figure: Figure
    }

    func draw(_ curves: [LossCurve], theme: Theme = Theme(), transparent: Bool = false,
              _ configure: (inout LossChartOptions) -> Void = { _ in }) throws -> Drawn {
        var options = LossChartOptions(xLabel: "step", yLabel: "loss")
        configure(&options)
        let (axes, notes) = LossCurveChart.axes(curves, options: options, theme: theme)
        var figure = Figure(size: Size(480, 300), panels: [axes], theme: theme)
        figure.transparentBackground = transparent
        let canvas = RecordingCanvas(size: figure.size)
        let layout = try #require(FigureRenderer.draw(figure, on: canvas)[0].axes)
        return Drawn(canvas: canvas, layout: layout, notes: notes, figure: figure)
    }

    /// Strokes of `color` with a positive width, longer than a legend sample (more than 3 points).
    func strokes(_ canvas: RecordingCanvas, color: Color) -> [(Path, StrokeStyle)] {
        canvas.operations.compactMap { op in
            guard case .stroke(let path, let style) = op, style.color == color, path.elements.count > 3 else { return nil }
            return (path, style)
        }
    }

    /// Filled triangles (a move, two lines and a close) of `color`, as their centres.
    func triangles(_ canvas: RecordingCanvas, color: Color) -> [Point] {
        canvas.operations.compactMap { op in
            guard case .fill(let path, let c) = op, c == color, path.elements.count == 4 else { return nil }
            let pts = path.elements.compactMap { e -> Point? in
                switch e { case .move(let p), .line(let p): return p; default: return nil }
            }
            return Point(pts.map(\.x).reduce(0, +) / 3, pts.map(\.y).reduce(0, +) / 3)
        }
    }

    static func points(_ path: Path) -> [Point] {
        path.elements.compactMap { e in
            switch e { case .move(let p), .line(let p): return p; default: return nil }
        }
    }

    @Test("--log-x: ticks at decades, the point at step 0 left out with a note")
    func logX() throws {
        let xs = (0...1000).map(Double.init)
        let curve = LossCurve(run: "run", series: "loss", xs: xs, ys: xs.map { 1 / ($0 + 1) })
        let d = try draw([curve]) { $0.logX = true; $0.logY = true }
        let labelled = d.layout.xTicks.filter { !$0.label.isEmpty }
        #expect(labelled.map(\.value) == [1, 10, 100, 1000])
        #expect(labelled.map(\.label) == ["1", "10", "100", "1000"])
        #expect(d.notes == ["loss: 1 point at step ≤ 0 not drawn on the log x axis"])
        let line = try #require(strokes(d.canvas, color: Theme().color(0)).first)
        let pts = Self.points(line.0)
        #expect(pts.allSatisfy { $0.x.isFinite && $0.y.isFinite })
        #expect(abs(pts.map(\.x).min()! - d.layout.x.map(1)) < 1e-9)
        // Log-log: y = 1/(x+1) is nearly straight; the decades are evenly spaced on both axes.
        let decade = d.layout.x.map(100) - d.layout.x.map(10)
        #expect(abs((d.layout.x.map(1000) - d.layout.x.map(100)) - decade) < 1e-9)
    }

    @Test("--xlim fixes the x range; points outside are clipped, not rescaled")
    func xLimits() throws {
        let xs = (0...300).map(Double.init)
        let d = try draw([LossCurve(run: "r", series: "loss", xs: xs, ys: xs.map { 1 / ($0 + 1) })]) {
            $0.xLimits = AxisLimits(lower: -5, upper: 250)
        }
        #expect(d.layout.x.lower == -5 && d.layout.x.upper == 250)
    }

    /// A long run in [0.5, 1.5] with three spikes up and two down, and a run that has just started.
    func outlierRuns() -> (long: LossCurve, started: LossCurve) {
        let xs = (0..<200).map(Double.init)
        var ys = xs.map { 1 + 0.5 * sin($0) }
        for i in [20, 90, 150] { ys[i] = 1000 }
        for i in [60, 120] { ys[i] = -1000 }
        let long = LossCurve(run: "long", series: "loss", xs: xs, ys: ys)
        let started = LossCurve(run: "new", series: "loss", xs: [0, 1, 2, 3, 4], ys: [3.0, 3.1, 3.2, 3.3, 3.4])
        return (long, started)
    }

    @Test("--ignore-outliers: spikes are marked at the edge with their count; a new run stays in view")
    func outliers() throws {
        let (long, started) = outlierRuns()
        let d = try draw([long, started]) { $0.ignoreOutliers = true }
        // Counted here from the data: the spikes are the values beyond ±100.
        let above = long.ys.filter { $0 > 100 }.count, below = long.ys.filter { $0 < -100 }.count
        #expect(d.canvas.texts.contains("\(above) above") && d.canvas.texts.contains("\(below) below"))
        let plot = d.layout.plotRect
        let blue = Theme().color(0), orange = Theme().color(1)
        let marks = triangles(d.canvas, color: blue)
        #expect(marks.filter { $0.y < plot.minY + 6 }.count == above)
        #expect(marks.filter { $0.y > plot.maxY - 6 }.count == below)
        // At the spikes' x positions.
        let spikeXs = [20.0, 90, 150].map { d.layout.x.map($0) }
        #expect(zip(marks.filter { $0.y < plot.minY + 6 }.map(\.x).sorted(), spikeXs).allSatisfy { abs($0 - $1) < 1e-9 })
        // The run that just started is drawn whole, inside the plot, with nothing marked.
        #expect(triangles(d.canvas, color: orange).isEmpty)
        let newLine = try #require(strokes(d.canvas, color: orange).first)
        #expect(Self.points(newLine.0).count == 5)
        #expect(Self.points(newLine.0).allSatisfy { plot.contains($0) })
        // The range holds both runs' bulk and not the spikes.
        #expect(d.layout.y.lower <= 0.5 && d.layout.y.upper >= 3.4 && d.layout.y.upper < 10)
        #expect(d.notes == ["long: outside the y range, marked at the edge: 3 above (up to 1000), 2 below (down to -1000)"])
    }

    @Test("without --ignore-outliers the spikes set the range and nothing is marked")
    func outliersOff() throws {
        let (long, started) = outlierRuns()
        let d = try draw([long, started])
        #expect(d.layout.y.upper >= 1000 && d.layout.y.lower <= -1000)
        #expect(!d.canvas.texts.contains { $0.hasSuffix("above") || $0.hasSuffix("below") })
        #expect(triangles(d.canvas, color: Theme().color(0)).isEmpty)
    }

    @Test("a --ylim side wins over the robust range")
    func outliersWithLimit() throws {
        let (long, started) = outlierRuns()
        let d = try draw([long, started]) { $0.ignoreOutliers = true; $0.yLimits = AxisLimits(lower: nil, upper: 2000) }
        #expect(d.layout.y.upper == 2000)
        #expect(d.canvas.texts.contains("2 below") && !d.canvas.texts.contains { $0.hasSuffix("above") })
    }

    @Test("per-series colour, line style, marker and width, in series order")
    func seriesStyles() throws {
        let xs = (0..<10).map(Double.init)
        let a = LossCurve(run: "r", series: "loss", xs: xs, ys: xs.map { 10 - $0 })
        let b = LossCurve(run: "r", series: "val_loss", xs: xs, ys: xs.map { 11 - $0 })
        let red = try #require(NamedColor.parse("tab:red"))
        let d = try draw([a, b]) {
            $0.styles = [SeriesStyle(color: red, pattern: .dashed, marker: .shape(.square, scale: 1), width: 3),
                         SeriesStyle(pattern: LinePattern.none, marker: .shape(.triangleDown, scale: 1))]
        }
        let line = try #require(strokes(d.canvas, color: red).first)
        #expect(line.1.width == 3)
        #expect(zip(line.1.dash, [3.7 * 3, 1.6 * 3]).allSatisfy { abs($0 - $1) < 1e-12 } && line.1.dash.count == 2)
        // Ten squares on the curve, one in the legend.
        let squares = d.canvas.operations.filter { op in
            if case .fill(let p, let c) = op { return c == red && p.elements.count == 5 }
            return false
        }
        #expect(squares.count == 10 + 1)
        // The second series: no line, downward triangles (tip below the centre) at its ten points and in the legend.
        let second = Theme().color(1)
        #expect(strokes(d.canvas, color: second).isEmpty)
        let downs = d.canvas.operations.compactMap { op -> Path? in
            if case .fill(let p, let c) = op, c == second, p.elements.count == 4 { return p }
            return nil
        }
        #expect(downs.count == 10 + 1)
        let tri = Self.points(downs[0])
        #expect(tri[0].y > tri[1].y && tri[0].y > tri[2].y)
    }

    @Test("matplotlib's colour spellings")
    func colours() {
        #expect(NamedColor.parse("tab:blue")?.hexString == "#1f77b4")
        #expect(NamedColor.parse("C1") == Theme().color(1))
        #expect(NamedColor.parse("C9") == Theme().color(9))
        #expect(NamedColor.parse("#f80")?.hexString == "#ff8800")
        #expect(NamedColor.parse("#11223380")?.alpha == Double(0x80) / 255)
        #expect(NamedColor.parse("r")?.hexString == "#ff0000")
        for bad in ["C", "Cx", "#12345", "tab:mauve", "#gggggg", "R"] { #expect(NamedColor.parse(bad) == nil, "\(bad)") }
        #expect(LinePattern(name: "--") == .dashed && LinePattern(name: "-.") == .dashdot && LinePattern(name: ":") == .dotted)
        #expect(LinePattern(name: "dash") == nil)
    }

    @Test("--theme slides: text and lines 1.5 times paper's; --font-size sets the base and the rest scale")
    func themes() throws {
        let xs = (0..<50).map(Double.init)
        let curve = LossCurve(run: "r", series: "loss", xs: xs, ys: xs.map { 1 / ($0 + 1) })
        func fontSizes(_ d: Drawn) -> [String: Double] {
            var sizes: [String: Double] = [:]
            for op in d.canvas.operations { if case .text(let s, _, let f, _, _) = op { sizes[s] = f.size } }
            return sizes
        }
        let paper = try draw([curve])
        let slides = try draw([curve], theme: .slides)
        #expect(fontSizes(paper)["loss"] == 12 && fontSizes(slides)["loss"] == 18)  // the y label
        #expect(fontSizes(paper)["step"] == 12 && fontSizes(slides)["step"] == 18)
        #expect(try #require(strokes(slides.canvas, color: Theme().color(0)).first).1.width == 1.6 * 1.5)
        let big = try draw([curve], theme: Theme().withBaseFontSize(22))
        let tick = try #require(big.layout.yTicks.first { !$0.label.isEmpty })
        #expect(fontSizes(big)[tick.label] == 22)
        #expect(fontSizes(big)["step"] == 24)  // 12 pt labels beside 11 pt ticks, doubled
    }

    @Test("--transparent: nothing paints the figure's background")
    func transparent() throws {
        let curve = LossCurve(run: "r", series: "loss", xs: [0, 1, 2], ys: [3, 2, 1])
        let full = Path.rect(Rect(x: 0, y: 0, width: 480, height: 300))
        let opaque = try draw([curve])
        let clear = try draw([curve], transparent: true)
        func paintsBackground(_ d: Drawn) -> Bool {
            d.canvas.operations.contains { if case .fill(let p, _) = $0 { return p == full } else { return false } }
        }
        #expect(paintsBackground(opaque) && !paintsBackground(clear))
    }
}

import Foundation

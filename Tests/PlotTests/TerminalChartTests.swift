import Canvas
import Testing
@testable import Plot

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: Helpers

/// `s` without ANSI CSI sequences (ESC [ parameters final-byte).
private func stripANSI(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    var it = s.unicodeScalars.makeIterator()
    while let u = it.next() {
        if u == "\u{1B}" {
            guard it.next() == "[" else { continue }
            while let v = it.next(), !(0x40...0x7E).contains(v.value) {}
            continue
        }
        out.append(u)
    }
    return String(out)
}

private func lines(_ axes: Axes, _ columns: Int = 80, _ rows: Int = 20, ansi: Bool = false) -> [String] {
    TerminalChart.render(axes, columns: columns, rows: rows, theme: Theme(), ansiColor: ansi)
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

private func isBraille(_ c: Character) -> Bool {
    guard let u = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return false }
    return (0x2801...0x28FF).contains(u.value)
}

private func isBlank(_ c: Character) -> Bool { c == " " || c == "\u{2800}" }

/// The plot area found in rendered (escape-free) text: the bottom axis line holds `└`
/// followed by one `─`/`┬` per plot column; plot rows are the lines above it with `│`
/// or `┤` in the `└` column.
private struct Grid {
    let lines: [[Character]]
    let axisColumn: Int
    let axisLine: Int
    let top: Int
    let columns: Int
    var rows: Int { axisLine - top }

    init(_ text: [String]) {
        lines = text.map { Array(stripANSI($0)) }
        axisLine = lines.firstIndex { $0.contains("└") }!
        axisColumn = lines[axisLine].firstIndex(of: "└")!
        columns = lines[axisLine][(axisColumn + 1)...].prefix { $0 == "─" || $0 == "┬" }.count
        var t = axisLine
        while t > 0, lines[t - 1].count > axisColumn, "│┤".contains(lines[t - 1][axisColumn]) { t -= 1 }
        top = t
    }

    /// The character of plot cell (row from the top, column from the left).
    func cell(_ row: Int, _ column: Int) -> Character {
        let line = lines[top + row]
        let i = axisColumn + 1 + column
        return i < line.count ? line[i] : " "
    }

    /// Gutter text of a plot row (its y tick label, if any).
    func gutter(_ row: Int) -> String {
        String(lines[top + row][..<axisColumn]).trimmingSpaces
    }

    /// Labels on the line under the bottom axis.
    var xTickLabels: [String] {
        String(lines[axisLine + 1]).split(separator: " ").map(String.init)
    }

    /// Plot column holding data value `x`, from the x limits (linear scale).
    func column(of x: Double, limits: (Double, Double)) -> Int {
        let f = (x - limits.0) / (limits.1 - limits.0)
        return min(columns - 1, max(0, Int((f * Double(2 * columns)).rounded(.down)) / 2))
    }
}

private extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

private func parseNumber(_ s: String) -> Double? { Double(s.replacingMinus) }

private extension String {
    var replacingMinus: String { String(map { $0 == "\u{2212}" ? "-" : $0 }) }
}

private func lossAxes(points: Int = 500) -> Axes {
    let xs = (0..<points).map { Double($0) }
    let curves = [
        LossCurve(run: "r", series: "train", xs: xs, ys: xs.map { 2.3 * exp(-$0 / 80) + 0.1 }),
        LossCurve(run: "r", series: "val", xs: xs, ys: xs.map { 2.4 * exp(-$0 / 120) + 0.3 }),
    ]
    return LossCurveChart.axes(curves, options: LossChartOptions(title: "loss", xLabel: "step", yLabel: "loss"),
                               theme: Theme()).axes
}

/// y = x through (0, 0) and (1, 1) on axes whose limits are exactly [0, 1].
private func diagonalAxes() -> Axes {
    var axes = Axes()
    axes.xLimits = AxisLimits(lower: 0, upper: 1)
    axes.yLimits = AxisLimits(lower: 0, upper: 1)
    axes.add(LineSeries(xs: [0, 1], ys: [0, 1], label: "y = x", style: StrokeStyle(color: Color(hex: 0x0072B2))))
    return axes
}

// MARK: Size

@Test(arguments: [(40, 12), (80, 20), (57, 23), (120, 40), (200, 60), (41, 13)])
func linesFitTheRequestedSize(columns: Int, rows: Int) {
    var crowded = lossAxes()
    crowded.title = String(repeating: "a very long title ", count: 20)
    for k in 0..<14 {
        crowded.add(LineSeries(xs: [0, 100], ys: [1, Double(k) / 5], label: "series number \(k) with a long name",
                               style: StrokeStyle(color: Theme().color(k))))
    }
    for axes in [lossAxes(), diagonalAxes(), crowded, Axes()] {
        for ansi in [false, true] {
            let out = lines(axes, columns, rows, ansi: ansi)
            #expect(out.count == rows)
            for line in out {
                #expect(stripANSI(line).count <= columns, "too wide: \(line)")
            }
        }
    }
}

@Test func smallSizesAreClamped() {
    let out = lines(lossAxes(), 10, 3)
    #expect(out.count == TerminalChart.minimumRows)
    #expect(out.allSatisfy { $0.count <= TerminalChart.minimumColumns })
    let grid = Grid(out)
    #expect(grid.rows >= 3)
    #expect(grid.columns >= 10)
}

@Test func crowdedLegendIsPackedAndCut() {
    var axes = lossAxes()
    for k in 0..<30 {
        axes.add(LineSeries(xs: [0, 100], ys: [1, 2], label: "run\(k)", style: StrokeStyle(color: Theme().color(k))))
    }
    let out = lines(axes, 60, 16)
    #expect(out.count == 16)
    #expect(out.last!.contains("more"))
    let grid = Grid(out)
    #expect(grid.rows >= 16 / 2)
}

// MARK: Escapes

@Test func noEscapeCodesWithoutColour() {
    var axes = lossAxes()
    axes.title = "evil\u{1B}[31m title\u{7}"
    axes.add(ReferenceLine(.vertical, at: 100, style: StrokeStyle(color: .black), label: "note\u{1B}]0;x\u{7}"))
    let text = TerminalChart.render(axes, columns: 80, rows: 20, theme: Theme(), ansiColor: false)
    #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
    #expect(text.contains("evil[31m title"))
}

@Test func colourUsesTheSeriesRGBAndResetsEachLine() {
    let blue = Color(hex: 0x0072B2)
    func byte(_ v: Double) -> Int { Int((v * 255).rounded()) }
    let sgr = "\u{1B}[38;2;\(byte(blue.red));\(byte(blue.green));\(byte(blue.blue))m"
    let out = lines(diagonalAxes(), 80, 20, ansi: true)
    #expect(out.contains { $0.contains(sgr) })
    // Every line that sets a colour ends in the default style: its last SGR is a reset.
    for line in out where line.contains("\u{1B}[38;2;") {
        let last = line.ranges(of: "\u{1B}[").last!
        #expect(line[last.lowerBound...].hasPrefix("\u{1B}[0m"), "\(line)")
    }
    // The legend sample is coloured too.
    #expect(out.contains { $0.contains(sgr + "──") && $0.contains("y = x") })
}

@Test func eachCellTakesTheColourOfTheMarkWithMostDots() {
    var canvas = BrailleCanvas(columns: 1, rows: 1)
    canvas.set(0, 0, colour: 1)
    canvas.set(0, 1, colour: 2)
    canvas.set(1, 1, colour: 2)
    #expect(canvas.dominantColour(column: 0, row: 0) == 2)
    canvas.set(1, 2, colour: 1)
    // A tie goes to the higher index (the mark drawn later).
    #expect(canvas.dominantColour(column: 0, row: 0) == 2)
}

// MARK: Geometry

@Test func diagonalLightsTheDiagonalCells() {
    let grid = Grid(lines(diagonalAxes()))
    let rows = grid.rows, cols = grid.columns
    #expect(rows >= 5 && cols >= 20)
    #expect(isBraille(grid.cell(rows - 1, 0)), "bottom-left")
    #expect(isBraille(grid.cell(0, cols - 1)), "top-right")
    #expect(isBlank(grid.cell(0, 0)), "top-left")
    #expect(isBlank(grid.cell(rows - 1, cols - 1)), "bottom-right")
    // Row r (from the top) spans y in [(rows-1-r)/rows, (rows-r)/rows]; on y = x the
    // lit cells must span the same fraction of the width, give or take one cell.
    for r in 0..<rows {
        let lo = Double(rows - 1 - r) / Double(rows), hi = Double(rows - r) / Double(rows)
        let first = Int((lo * Double(cols)).rounded(.down)) - 1, last = Int((hi * Double(cols)).rounded(.up)) + 1
        let lit = (0..<cols).filter { !isBlank(grid.cell(r, $0)) }
        #expect(!lit.isEmpty, "row \(r) is empty")
        #expect(lit.allSatisfy { $0 >= first && $0 <= last }, "row \(r): \(lit) outside \(first)...\(last)")
    }
}

enum TerminalChartBreaker: String, CaseIterable, CustomTestStringConvertible {
    case nan, infinity, nonPositiveOnLog
    var testDescription: String { rawValue }
}

@Test(arguments: TerminalChartBreaker.allCases)
func unplaceablePointBreaksTheLine(_ breaker: TerminalChartBreaker) {
    var axes = Axes()
    var ys = Array(repeating: 0.5, count: 11)
    switch breaker {
    case .nan: ys[5] = .nan
    case .infinity: ys[5] = .infinity
    case .nonPositiveOnLog: ys[5] = 0; axes.yScale = .log
    }
    axes.add(LineSeries(xs: (0...10).map(Double.init), ys: ys, style: StrokeStyle(color: .black)))
    let limits = axes.resolvedLimits().x
    let grid = Grid(lines(axes))
    // The points either side of the break (x = 4 and x = 6) sit in their own cells;
    // every cell strictly between those two is blank in every row.
    let left = grid.column(of: 4, limits: limits), right = grid.column(of: 6, limits: limits)
    #expect(right - left >= 3)
    for c in (left + 1)..<right {
        for r in 0..<grid.rows {
            #expect(isBlank(grid.cell(r, c)), "gap cell row \(r) column \(c) is drawn")
        }
    }
    // The line is drawn on both sides.
    for x in [2.0, 8.0] {
        let c = grid.column(of: x, limits: limits)
        #expect((0..<grid.rows).contains { isBraille(grid.cell($0, c)) }, "nothing at x = \(x)")
    }
}

@Test func aSingleSpikeInTenThousandPointsStaysVisible() {
    let n = 10_000
    var ys = (0..<n).map { 0.01 * sin(Double($0) / 7) }
    // Off a dot-column boundary, so only the column's min/max run can show it.
    let spike = 5_030
    ys[spike] = 1
    var axes = Axes()
    axes.add(LineSeries(xs: (0..<n).map(Double.init), ys: ys, style: StrokeStyle(color: .black)))
    let limits = axes.resolvedLimits().x
    let grid = Grid(lines(axes))
    #expect(grid.columns * 2 < n)
    let c = grid.column(of: Double(spike), limits: limits)
    let near = max(0, c - 1)...min(grid.columns - 1, c + 1)
    // The spike reaches the top row, and only there.
    let top = (0..<grid.columns).filter { !isBlank(grid.cell(0, $0)) }
    #expect(!top.isEmpty)
    #expect(top.allSatisfy { near.contains($0) }, "top row lit at \(top), spike at \(c)")
    // And it is a continuous run down to the baseline.
    for r in 0..<grid.rows {
        #expect(near.contains { isBraille(grid.cell(r, $0)) }, "spike broken at row \(r)")
    }
}

@Test func logScalePutsDecadesAtEvenlySpacedRows() {
    var axes = Axes()
    axes.yScale = .log
    axes.add(LineSeries(xs: [0, 1, 2], ys: [1, 10, 100], style: StrokeStyle(color: .black)))
    let grid = Grid(lines(axes))
    func row(of label: String) -> Int? { (0..<grid.rows).first { grid.gutter($0) == label } }
    let r1 = try! #require(row(of: "1")), r10 = try! #require(row(of: "10")), r100 = try! #require(row(of: "100"))
    #expect(r1 > r10 && r10 > r100)
    #expect(abs((r1 - r10) - (r10 - r100)) <= 1)
    // From the geometry: decade d sits at fraction (d - log10 lo) / (log10 hi - log10 lo).
    let (lo, hi) = axes.resolvedLimits().y
    for (value, r) in [(1.0, r1), (10.0, r10), (100.0, r100)] {
        let f = (log10(value) - log10(lo)) / (log10(hi) - log10(lo))
        let expected = Double(grid.rows) * (1 - f)
        #expect(abs(Double(r) + 0.5 - expected) <= 1, "\(value) at row \(r), expected about \(expected)")
    }
    // The straight line in log space passes through those rows at x = 0, 1, 2.
    let xl = axes.resolvedLimits().x
    for (x, r) in [(0.0, r1), (1.0, r10), (2.0, r100)] {
        let c = grid.column(of: x, limits: xl)
        #expect((max(0, r - 1)...min(grid.rows - 1, r + 1)).contains { isBraille(grid.cell($0, c)) })
    }
}

@Test func logTickLabelsUseSuperscripts() {
    var axes = Axes()
    axes.yScale = .log
    axes.add(LineSeries(xs: [0, 1], ys: [1e-5, 1], style: StrokeStyle(color: .black)))
    let grid = Grid(lines(axes, 80, 24))
    let labels = (0..<grid.rows).map(grid.gutter).filter { !$0.isEmpty }
    #expect(labels.contains("10⁻⁴") || labels.contains("10⁻³"), "\(labels)")
    #expect(!labels.contains { $0.contains("$") || $0.contains("^") })
}

// MARK: Labels

@Test func tickLabelsSitAtTheirValues() {
    var axes = diagonalAxes()
    axes.yLimits = AxisLimits(lower: 0, upper: 2)
    let out = lines(axes)
    let grid = Grid(out)
    let ys = (0..<grid.rows).compactMap { r in parseNumber(grid.gutter(r)).map { (r, $0) } }
    #expect(ys.count >= 3)
    #expect(ys.map(\.1).contains(0.5), "\(ys)")
    #expect(ys.map(\.1).contains(0) && ys.map(\.1).contains(2))
    for (r, v) in ys {
        // Row r covers y in [2(rows-1-r)/rows, 2(rows-r)/rows].
        let lo = 2 * Double(grid.rows - 1 - r) / Double(grid.rows), hi = 2 * Double(grid.rows - r) / Double(grid.rows)
        #expect(v >= lo - 1e-9 && v <= hi + 1e-9, "label \(v) on row \(r)")
        #expect(grid.lines[grid.top + r][grid.axisColumn] == "┤")
    }
    let xs = grid.xTickLabels.compactMap(parseNumber)
    #expect(xs.count >= 3)
    #expect(xs.contains(0.5) || xs.contains(0.4), "\(grid.xTickLabels)")
    #expect(xs == xs.sorted())
    // Each x label is centred under a ┬.
    let labelLine = grid.lines[grid.axisLine + 1]
    var i = 0
    while i < labelLine.count {
        guard labelLine[i] != " " else { i += 1; continue }
        var j = i
        while j < labelLine.count, labelLine[j] != " " { j += 1 }
        let centre = i + (j - i) / 2
        #expect((centre - 1...centre + 1).contains { grid.lines[grid.axisLine][$0] == "┬" },
                "label \(String(labelLine[i..<j])) not under a tick")
        i = j
    }
}

@Test func titleLabelsAndLegendAreShown() {
    var axes = lossAxes()
    axes.add(ReferenceLine(.vertical, at: 250, style: StrokeStyle(color: .black), label: "train → NaN at step 250"))
    let out = lines(axes, 80, 20).map(stripANSI)
    #expect(out[0].trimmingSpaces == "loss")
    #expect(out.contains { $0.contains("loss") && $0.contains("↑") })
    let grid = Grid(out)
    #expect(out[grid.axisLine + 2].trimmingSpaces == "step")
    let legend = out.suffix(3).map(\.trimmingSpaces)
    #expect(legend == ["── train", "── val", "┆ train → NaN at step 250"])
    // The reference line is a dotted column at x = 250.
    let c = grid.column(of: 250, limits: axes.resolvedLimits().x)
    #expect((0..<grid.rows).allSatisfy { isBraille(grid.cell($0, c)) })
}

@Test func xTickLabelsNeverOverlap() {
    var axes = Axes()
    axes.add(LineSeries(xs: [123_456.789, 123_457.123], ys: [0, 1], style: StrokeStyle(color: .black)))
    for columns in [40, 53, 80, 131] {
        let grid = Grid(lines(axes, columns, 14))
        let line = grid.lines[grid.axisLine + 1]
        let words = String(line).split(separator: " ").map(String.init)
        #expect(words.count >= 2, "\(columns): \(words)")
        // Whole numeric labels, in order, never cut.
        let values = words.compactMap(parseNumber)
        #expect(values.count == words.count, "\(columns): \(words)")
        #expect(values == values.sorted())
        // Neighbouring labels keep at least two spaces between them.
        for i in line.indices.dropFirst().dropLast() where line[i] == " " {
            #expect(!(line[i - 1] != " " && line[i + 1] != " "), "\(columns): labels touch in \(String(line))")
        }
        // As many ┬ as labels.
        #expect(grid.lines[grid.axisLine].filter { $0 == "┬" }.count == words.count)
    }
}

// MARK: Pieces

@Test func mathTextBecomesPlainUnicode() {
    #expect(TerminalText.plain("$10^{-2}$") == "10⁻²")
    #expect(TerminalText.plain("$2\\times10^{3}$") == "2×10³")
    #expect(TerminalText.plain("$x_{i}$") == "xᵢ" || TerminalText.plain("$x_{i}$") == "x_i")
    #expect(TerminalText.plain("$10^{k}$") == "10^k")
    #expect(TerminalText.plain("step") == "step")
}

@Test func truncationKeepsWidth() {
    #expect(TerminalText.truncate("abcdef", to: 4) == "abc…")
    #expect(TerminalText.truncate("abc", to: 4) == "abc")
    #expect(TerminalText.width("损失") == 4)
    #expect(TerminalText.width("⠁─┤") == 3)
}

@Test func brailleCanvasDotsAndOverlay() {
    var canvas = BrailleCanvas(columns: 3, rows: 2)
    #expect(canvas.dotWidth == 6 && canvas.dotHeight == 8)
    canvas.set(0, 0)
    #expect(canvas.character(column: 0, row: 0) == "⠁")
    canvas.set(1, 3)
    #expect(canvas.character(column: 0, row: 0) == "⢁")
    canvas.set(-1, 0); canvas.set(6, 0); canvas.set(0, 8)  // ignored
    // A horizontal line across the bottom dot row of the second cell row.
    canvas.line(from: 0, 7, to: 5, 7)
    #expect(canvas.rowString(1) == "⣀⣀⣀")
    // A vertical run down the last dot column.
    canvas.verticalRun(x: 5, from: 0, to: 3)
    #expect(canvas.character(column: 2, row: 0) == "⢸")
    canvas.text("ab", column: 1, row: 1)
    #expect(canvas.rowString(1) == "⣀ab")
    #expect(canvas.isBlank(column: 1, row: 0))
}

import Canvas
import CairoCanvas
import Plot
import RunLogs

/// Runs a `descent plot` request: reads the logs, selects and smooths the curves,
/// builds the figure and writes it (or prints it in the terminal).
struct LossPlotJob {
    var request: LossPlotRequest

    func run() throws {
        let loaded = try loadCurves()
        for warning in loaded.warnings { Diagnostics.warning(warning) }
        let figure = try makeFigure(curves: loaded.curves, xName: loaded.xName)
        for note in figure.notes { Diagnostics.note(note) }
        if let exportPath = request.exportPath {
            try PlottedDataExport.write(loaded.curves, to: exportPath)
        }
        if request.terminal {
            let size = TerminalSize.current()
            if request.follow { print("\u{1B}[H\u{1B}[2J", terminator: "") }
            print(TerminalChart.render(panel: figure.figure.panels[0], columns: size.columns, rows: max(12, size.rows - 2),
                                       theme: figure.figure.theme, ansiColor: TerminalSize.isColorTerminal()))
            return
        }
        try FigureWriter.write(figure.figure, to: request.outputPath, format: request.format,
                               dpi: request.dpi, title: request.chart.title)
    }

    /// The curves of every run of every input, with the x axis name and reading warnings.
    func loadCurves() throws -> (xName: String, curves: [LossCurve], warnings: [String]) {
        var xNames: [String] = []
        var curves: [LossCurve] = []
        var warnings: [String] = []
        for (input, label) in zip(request.inputs, request.runLabels) {
            let logs: [RunLog]
            do {
                logs = try RunLogReader.readRuns(path: input, format: request.inputFormat)
            } catch let e as RunLogError {
                throw UserError(e.description)
            }
            for log in logs {
                warnings += log.warnings
                let run = runLabel(input: label, inner: log.runName, inputs: request.inputs.count, runs: logs.count)
                let selected = try request.selection.curves(from: log, run: run)
                xNames.append(selected.xName)
                curves += selected.curves
            }
        }
        if let w = request.smoothing {
            curves = curves.map { c in
                var c = c
                c.smoothed = TensorBoardSmoothing.smooth(c.ys, weight: w)
                return c
            }
        }
        var xName = xNames.allSatisfy { $0 == xNames[0] } ? xNames[0] : xNames.joined(separator: " / ")
        if request.selection.xKind == .relative {
            let unit = RelativeTimeUnit.fitting(curves.flatMap(\.xs).max() ?? 0)
            curves = curves.map { c in var c = c; c.xs = c.xs.map { $0 / unit.seconds }; return c }
            xName = "relative time (\(unit.symbol))"
        }
        return (xName, curves, warnings)
    }

    /// A run's legend name: the input's label, the inner run's name, or both.
    func runLabel(input: String, inner: String?, inputs: Int, runs: Int) -> String {
        guard let inner else { return input }
        if inputs == 1 && !request.hasExplicitLabels { return inner }
        return runs == 1 && request.hasExplicitLabels ? input : "\(input)/\(inner)"
    }

    func makeFigure(curves: [LossCurve], xName: String) throws -> (figure: Figure, notes: [String]) {
        let theme = request.look.theme
        let chart = request.chart
        let seriesNames = Set(curves.map(\.series))
        let defaultY: String
        if seriesNames.count == 1 { defaultY = seriesNames.first! }
        else if seriesNames.allSatisfy({ $0.lowercased().contains("loss") }) { defaultY = "loss" }
        else { defaultY = "value" }
        var options = LossChartOptions(title: chart.title, xLabel: chart.xLabel ?? xName, yLabel: chart.yLabel ?? defaultY)
        options.logY = chart.logY
        options.yLimits = chart.yLimits
        options.legend = chart.legend
        options.xTickStyle = request.selection.xKind == .wall ? .clockTime : .number
        options.logX = chart.logX
        options.xLimits = chart.xLimits
        options.ignoreOutliers = chart.ignoreOutliers
        options.styles = try request.look.styles(series: LossCurveChart.legendLabels(curves).map(MathText.plainText))
        let (axes, notes) = LossCurveChart.axes(curves, options: options, theme: theme)
        var figure = Figure(size: FigureWriter.size(pixels: request.pixelSize, dpi: request.dpi), panels: [axes], theme: theme)
        figure.transparentBackground = request.look.transparent
        return (figure, notes)
    }
}

/// The unit a relative-time axis reads best in.
struct RelativeTimeUnit {
    var seconds: Double
    var symbol: String

    static func fitting(_ span: Double) -> RelativeTimeUnit {
        if span > 2 * 3600 { return RelativeTimeUnit(seconds: 3600, symbol: "h") }
        if span > 2 * 60 { return RelativeTimeUnit(seconds: 60, symbol: "min") }
        return RelativeTimeUnit(seconds: 1, symbol: "s")
    }
}

import Canvas
import CairoCanvas
import Plot
import RunLogs

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a `descent plot` request: reads the logs, selects and smooths the curves,
/// builds the figure and writes it (or prints it in the terminal).
struct LossPlotJob {
    var request: LossPlotRequest

    func run() throws {
        let (xName, curves) = try loadCurves()
        let figure = makeFigure(curves: curves, xName: xName)
        for note in figure.notes { Diagnostics.note(note) }
        if let exportPath = request.exportPath {
            try PlottedDataExport.write(curves, to: exportPath)
        }
        if request.terminal {
            let size = TerminalSize.current()
            print(TerminalChart.render(figure.figure.panels[0], columns: size.columns, rows: max(12, size.rows - 2),
                                       theme: figure.figure.theme, ansiColor: TerminalSize.isColorTerminal()))
            return
        }
        try FigureWriter.write(figure.figure, to: request.outputPath, format: request.format,
                               dpi: request.dpi, title: request.chart.title)
    }

    func loadCurves() throws -> (String, [LossCurve]) {
        var xNames: [String] = []
        var curves: [LossCurve] = []
        for (input, label) in zip(request.inputs, request.runLabels) {
            let log: RunLog
            do {
                log = try RunLogReader.read(path: input)
            } catch let e as RunLogError {
                throw UserError(e.description)
            }
            let selected = try request.selection.curves(from: log, run: label)
            xNames.append(selected.xName)
            curves += selected.curves
        }
        if let w = request.smoothing {
            curves = curves.map { c in
                var c = c
                c.smoothed = TensorBoardSmoothing.smooth(c.ys, weight: w)
                return c
            }
        }
        let xName = xNames.allSatisfy { $0 == xNames[0] } ? xNames[0] : xNames.joined(separator: " / ")
        return (xName, curves)
    }

    func makeFigure(curves: [LossCurve], xName: String) -> (figure: Figure, notes: [String]) {
        let theme = Theme()
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
        options.pixelsPerPoint = request.dpi / 72
        let (axes, notes) = LossCurveChart.axes(curves, options: options, theme: theme)
        let points = Size(Double(request.pixelSize.width) * 72 / request.dpi, Double(request.pixelSize.height) * 72 / request.dpi)
        return (Figure(size: points, panels: [axes], theme: theme), notes)
    }
}

/// The terminal's size and colour support, for `--terminal`.
enum TerminalSize {
    static func current() -> (columns: Int, rows: Int) {
        var w = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 0, w.ws_row > 0 {
            return (Int(w.ws_col), Int(w.ws_row))
        }
        let env = { (name: String) -> Int? in getenv(name).flatMap { Int(String(cString: $0)) } }
        return (env("COLUMNS") ?? 100, env("LINES") ?? 30)
    }

    static func isColorTerminal() -> Bool {
        if getenv("NO_COLOR") != nil { return false }
        guard isatty(STDOUT_FILENO) != 0 else { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return true
    }
}

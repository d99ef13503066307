import ArgumentParser
import Plot
import RunLogs

/// `descent plot LOG...`: loss curves from training logs.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Plot loss curves from run logs (CSV/TSV, JSON Lines or plain training output).",
        discussion: """
        Reads each LOG ('-' for standard input) and draws one curve per run and series.
        Examples:
          descent plot run.csv -o loss.png --log-y
          python lab.py | descent plot - -o loss.png
          descent plot a.jsonl b.jsonl --label adam --label sgd --smooth 0.6
          descent plot run.csv --log-x --log-y --ignore-outliers --theme slides
          descent plot a.csv b.csv --color C0 --color tab:red --linestyle=-- --marker o
        """
    )

    @Argument(help: "Run logs to plot; '-' reads standard input.")
    var logs: [String]

    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("input-format"), help: "Force the log format.")
    var inputFormat: InputFormat?

    @Option(name: .customLong("x"), help: "Column for the x axis (default: step, else epoch, else the row number); 'wall' or 'relative' for wall-clock time.")
    var xColumn: String?

    @Option(name: .customLong("y"), help: "Comma-separated series to plot (default: every numeric column whose name contains 'loss').")
    var yColumns: String?

    @Option(name: .customLong("label"), help: "Run label, once per LOG in order (default: the file name).")
    var labels: [String] = []

    @Option(help: "TensorBoard smoothing weight W, 0 <= W < 1 (the raw curve stays visible, faint).")
    var smooth: Double?

    @Flag(name: .customLong("log-y"), help: "Logarithmic y axis.")
    var logY = false

    @Flag(name: .customLong("log-x"), help: "Logarithmic x axis (log-log learning curves with --log-y); points at x <= 0 are left out with a note.")
    var logX = false

    @Option(help: "Figure title.")
    var title: String?

    @Option(help: "x axis label (default: the x column's name).")
    var xlabel: String?

    @Option(help: "y axis label (default: from the series names).")
    var ylabel: String?

    @Option(parsing: .unconditional, help: "x limits LOW,HIGH; leave one side empty to keep it automatic (e.g. '100,'; may start with a minus sign: -1,2).")
    var xlim: String?

    @Option(parsing: .unconditional, help: "y limits LOW,HIGH; leave one side empty to keep it automatic (e.g. ',1'; may start with a minus sign: -1,2).")
    var ylim: String?

    @Flag(name: .customLong("ignore-outliers"), help: "y range from each series' 5th to 95th percentile (widened by a fifth), joined over the series; points outside are marked at the edge with a count.")
    var ignoreOutliers = false

    @OptionGroup var style: PlotStyleOptions

    @Option(help: "Legend position: best, outside (right of the plot), none, or a corner or edge such as 'upper left' (or upper-left).")
    var legend: LegendPlacement = .best

    @Option(name: .customLong("export-data"), help: "Also write the plotted points to this CSV file.")
    var exportData: String?

    @Flag(help: "Draw the plot in the terminal with braille characters instead of writing a file.")
    var terminal = false

    @Flag(help: "Keep watching the logs and redraw the output as they grow (Ctrl-C stops).")
    var follow = false

    @Flag(help: "Do not say which file was written when -o is not given.")
    var quiet = false

    /// The validated request these options make.
    func request() throws -> LossPlotRequest {
        try LossPlotRequest(
            inputs: logs, labels: labels, xColumn: xColumn,
            yColumns: yColumns.map { $0.split(separator: ",").map { String($0).trimmingSpaces } },
            smoothing: smooth, logY: logY, title: title, xLabel: xlabel, yLabel: ylabel,
            yLimits: ylim, legend: legend, exportPath: exportData, terminal: terminal, output: output,
            inputFormat: inputFormat, follow: follow,
            axes: LossPlotRequest.AxesChoice(logX: logX, xLimits: xlim, ignoreOutliers: ignoreOutliers), look: try style.look())
    }

    func run() throws {
        do {
            let request = try request()
            let job = LossPlotJob(request: request)
            if request.follow { try job.follow() } else { try job.run() }
            // Without -o the file's name was chosen for the user: say it.
            if output.output == nil && !terminal && !follow && !quiet { Diagnostics.note("wrote \(request.outputPath)") }
        } catch let error as UserError {
            throw reportFailure(error)
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

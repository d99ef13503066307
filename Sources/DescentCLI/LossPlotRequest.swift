import CairoCanvas
import Plot
import RunLogs

/// A validated `descent plot` invocation.
struct LossPlotRequest {
    var inputs: [String]
    var runLabels: [String]
    /// Whether the run labels came from `--label`.
    var hasExplicitLabels: Bool
    var selection: CurveSelection
    var smoothing: Double?
    var chart: LossChartOptions.Partial
    var exportPath: String?
    var terminal: Bool
    var outputPath: String
    var format: OutputFormat
    var pixelSize: (width: Int, height: Int)
    var dpi: Double
    var inputFormat: InputFormat?
    var follow: Bool
    var look: PlotLook

    /// The x axis and y range options beyond the basic ones.
    struct AxesChoice {
        var logX = false
        var xLimits: String?
        var ignoreOutliers = false
    }

    init(inputs: [String], labels: [String], xColumn: String?, yColumns: [String]?, smoothing: Double?,
         logY: Bool, title: String?, xLabel: String?, yLabel: String?, yLimits: String?, legend: LegendPlacement,
         exportPath: String?, terminal: Bool, output: OutputOptions, inputFormat: InputFormat? = nil, follow: Bool = false,
         axes: AxesChoice = AxesChoice(), look: PlotLook = PlotLook()) throws {
        self.look = look
        self.inputFormat = inputFormat
        if follow && inputs.contains("-") { throw UserError("--follow watches files; it cannot follow standard input ('-')") }
        self.follow = follow
        guard !inputs.isEmpty else { throw UserError("no log given: pass a file, or '-' for standard input") }
        // A bare "--" ends the options (POSIX), so `--linestyle -- --marker o` reads "--marker" as a log.
        if let option = inputs.first(where: { $0.hasPrefix("--") && !FileManager.default.fileExists(atPath: $0) }) {
            throw UserError("'\(option)' was read as a log: a bare '--' before it ends the options; write --linestyle=-- (or --linestyle dashed)")
        }
        if inputs.filter({ $0 == "-" }).count > 1 { throw UserError("standard input ('-') can be read only once") }
        if !labels.isEmpty && labels.count != inputs.count {
            throw UserError("--label given \(labels.count) time(s) for \(inputs.count) log(s): give one per log, in order")
        }
        if let s = smoothing, !(s >= 0 && s < 1) {
            throw UserError("--smooth \(s): expected a weight W with 0 <= W < 1 (TensorBoard's default is 0.6)")
        }
        if let y = yColumns, y.isEmpty || y.contains(where: \.isEmpty) {
            throw UserError("--y: expected comma-separated column names, e.g. --y loss,val_loss")
        }
        self.inputs = inputs
        self.runLabels = labels.isEmpty ? Self.defaultLabels(inputs) : labels
        self.hasExplicitLabels = !labels.isEmpty
        self.selection = CurveSelection(xName: xColumn, yNames: yColumns)
        self.smoothing = smoothing
        self.chart = LossChartOptions.Partial(title: title, xLabel: xLabel, yLabel: yLabel, logY: logY,
                                              yLimits: try Self.parseLimits(yLimits, option: "--ylim", log: logY ? "--log-y" : nil),
                                              legend: legend, logX: axes.logX,
                                              xLimits: try Self.parseLimits(axes.xLimits, option: "--xlim", log: axes.logX ? "--log-x" : nil),
                                              ignoreOutliers: axes.ignoreOutliers)
        self.exportPath = exportPath
        self.terminal = terminal
        self.pixelSize = try output.pixelSize()
        self.dpi = try output.validatedDPI()
        let path = output.output ?? Self.defaultOutput(inputs: inputs, format: output.format)
        self.outputPath = path
        self.format = try output.resolvedFormat(for: path)
        for target in [terminal ? nil : path, exportPath].compactMap({ $0 }) {
            if let input = inputs.first(where: { $0 != "-" && SamePath.check($0, target) }) {
                throw UserError("\(target): refusing to overwrite the input log '\(input)'; choose another output")
            }
        }
    }

    /// Run labels from file names (without extension), disambiguated by their folders.
    static func defaultLabels(_ inputs: [String]) -> [String] {
        let names = inputs.map { input -> String in
            if input == "-" { return "stdin" }
            let base = input.split(separator: "/").last.map(String.init) ?? input
            if let dot = base.lastIndex(of: "."), dot != base.startIndex { return String(base[..<dot]) }
            return base
        }
        if Set(names).count == names.count { return names }
        return RunName.numberingRepeats(inputs.map { $0 == "-" ? "stdin" : $0 })
    }

    static func defaultOutput(inputs: [String], format: String?) -> String {
        let ext = format?.lowercased() ?? "png"
        guard let first = inputs.first, first != "-" else { return "loss.\(ext)" }
        return defaultLabels([first])[0] + ".\(ext)"
    }

    /// `LOW,HIGH` of `option`; on a log axis (`log` names its flag) both sides must be positive.
    static func parseLimits(_ text: String?, option: String, log: String? = nil) throws -> AxisLimits {
        guard let text else { return AxisLimits() }
        let range = try RangeOption(text, option: option, openEnded: true)
        if let log, let bad = [range.lower, range.upper].compactMap({ $0 }).first(where: { $0 <= 0 }) {
            let shown = bad == bad.rounded() && abs(bad) < 1e15 ? String(Int64(bad)) : String(bad)
            throw UserError("\(option) '\(text)': \(shown) is not positive; a \(log) axis shows only values above 0")
        }
        return AxisLimits(lower: range.lower, upper: range.upper)
    }
}

extension LossChartOptions {
    /// The chart options the user gave; the rest come from the data.
    struct Partial {
        var title: String?
        var xLabel: String?
        var yLabel: String?
        var logY: Bool
        var yLimits: AxisLimits
        var legend: LegendPlacement
        var logX = false
        var xLimits = AxisLimits()
        var ignoreOutliers = false
    }
}

import Foundation

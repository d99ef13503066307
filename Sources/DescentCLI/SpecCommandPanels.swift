import Autodiff
import CairoCanvas
import Diagram
import FigureSpec
import Foundation
import Landscape
import Plot
import RunLogs
import Training

/// Spec panels that reuse a command: `plot`, `train`, `landscape` and `graph` panels take the
/// command's own options under the same names, and go through the same checks.
enum SpecCommandPanels {
    /// A stand-in output path: the spec writes the figure itself, the command only builds the panel.
    static let placeholderOutput = ["-o", "spec-panel.png"]

    static func strings(_ o: SpecMap, _ key: String) throws -> [String]? {
        guard let node = o.node(key) else { return nil }
        switch node {
        case let .scalar(s, _, _): return [s]
        case let .list(items, _):
            return try items.map { item in
                guard case let .scalar(s, _, _) = item else { throw SpecError(o.file, item.position, "'\(key)': expected a list of names") }
                return s
            }
        case .map: throw SpecError(o.file, node.position, "'\(key)': expected a name or a list of names")
        }
    }

    static func userError(_ error: Error, _ o: SpecMap, at position: SpecPosition) -> Error {
        if let e = error as? UserError { return SpecError(o.file, position, "\(o.contextDescription): \(e.description)") }
        return error
    }

    /// `kind: plot`: the loss curves of run logs (`logs: [a.csv, b.jsonl]`), as `descent plot`.
    static func plot(_ o: SpecMap, at position: SpecPosition) throws -> BuiltPanel {
        guard let logs = try strings(o, "logs"), !logs.isEmpty else { throw o.missing("logs") }
        guard !logs.contains("-") else { throw SpecError(o.file, o.entry("logs")?.value.position, "'logs': a spec reads files, not standard input") }
        // The figure's look (theme, font size, transparency) is the spec's, not a panel's.
        let bridge = SpecCommandBridge(command: PlotCommand.self,
                                       excluded: SpecCommandBridge.figureOutputKeys.union(["theme", "font-size", "transparent", "quiet"]),
                                       repeatable: ["label", "color", "linestyle", "marker", "linewidth"],
                                       ownKeys: ["logs", "title", "xlabel", "ylabel", "kind"])
        let command = try bridge.parse(PlotCommand.self, logs + (try bridge.arguments(o)) + placeholderOutput, options: o, at: position)
        do {
            let job = LossPlotJob(request: try command.request())
            let loaded = try job.loadCurves()
            let (figure, notes) = try job.makeFigure(curves: loaded.curves, xName: loaded.xName)
            var values: [String: [Double]] = [:]
            for curve in loaded.curves {
                let finite = curve.ys.filter(\.isFinite)
                values["final.\(curve.run).\(curve.series)"] = [finite.last ?? .nan]
            }
            // A descent run log's last line scores the IDX data's test set after training.
            for log in logs {
                guard let end = (try? TrainingLog.read(path: log))?.end else { continue }
                let run = RunName.of(log)
                for (key, value) in [("test_accuracy", end.testAccuracy), ("test_loss", end.testLoss)] {
                    guard let value else { continue }
                    values["\(key).\(run)"] = [value]
                    if values[key] == nil { values[key] = [value] }
                }
            }
            return BuiltPanel(panel: figure.panels[0], values: values, notes: loaded.warnings + notes, inputs: logs)
        } catch {
            throw userError(error, o, at: position)
        }
    }

    /// `kind: train`: trains as `descent train` does and draws the run's loss curve; the
    /// run log goes to a temporary file that is removed afterwards.
    static func train(_ o: SpecMap, at position: SpecPosition) throws -> BuiltPanel {
        let bridge = SpecCommandBridge(command: TrainCommand.self, excluded: ["plot", "log", "quiet", "check-gradients"],
                                       ownKeys: ["title", "xlabel", "ylabel", "log-y", "kind"])
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let log = scratch.path("run.jsonl")
        let command = try bridge.parse(TrainCommand.self, (try bridge.arguments(o)) + ["--quiet", "--log", log], options: o, at: position)
        do {
            try TrainJob(request: try TrainRequest(command)).run()
            // The loss of every step, and the validation loss when the run holds some out.
            var plotArgs = [log, "-o", "spec-panel.png", "--x", "step", "--y", command.validation == nil ? "loss" : "loss,val_loss"]
            let logY = try o.bool("log-y")
            if logY == true { plotArgs.append("--log-y") }
            let plot = try PlotCommand.parse(plotArgs)
            let job = LossPlotJob(request: try plot.request())
            let loaded = try job.loadCurves()
            var curves = loaded.curves
            for k in curves.indices where curves[k].run == "run" || curves[k].run.hasPrefix("descent-spec") { curves[k].run = "" }
            let (figure, notes) = try job.makeFigure(curves: curves, xName: loaded.xName)
            var axes = figure.panels[0].cartesianAxes!
            if logY == nil {
                // Log y when the loss is positive and spans more than two decades, as `train --plot` does.
                let finite = curves.flatMap(\.ys).filter(\.isFinite)
                if let lo = finite.min(), let hi = finite.max(), lo > 0, hi / lo > 100 { axes.yScale = .log }
            }
            var values: [String: [Double]] = [:]
            for curve in loaded.curves {
                let finite = curve.ys.filter(\.isFinite)
                values["initial_\(curve.series)"] = [finite.first ?? .nan]
                values["final_\(curve.series)"] = [finite.last ?? .nan]
                values[curve.series] = curve.ys
            }
            // A model's outputs on its training inputs before and after training, for bars.
            if let outputs = try? RunLogOutputs(TrainingLog.read(path: log), path: log) {
                values["outputs_initial"] = outputs.initial
                values["outputs_final"] = outputs.final
                values["targets"] = outputs.targets
            }
            // The run's weights, for a network panel that draws them (`run-panel`); none when the log has no params.
            let finalState = try? TrainingLogFinalState.read(path: log)
            return BuiltPanel(panel: axes, values: values, notes: notes, finalState: finalState)
        } catch {
            throw userError(error, o, at: position)
        }
    }

    /// `kind: landscape`: a loss surface with paths, as `descent landscape`.
    static func landscape(_ o: SpecMap, at position: SpecPosition, reveal: Int? = nil) throws -> BuiltPanel {
        let bridge = SpecCommandBridge(command: LandscapeCommand.self, repeatable: ["run"], ownKeys: ["title", "xlabel", "ylabel", "kind"])
        let arguments = try bridge.arguments(o)
        let command = try bridge.parse(LandscapeCommand.self, arguments + placeholderOutput, options: o, at: position)
        do {
            let job = LandscapeJob(request: try LandscapeRequest(command))
            // Animation frames share one backdrop (grid, colours, contours), keyed by the spec file and the panel's options.
            let backdrop = reveal.map { _ in
                LandscapeBackdrop.shared.value(for: o.file + "\u{0}" + arguments.joined(separator: "\u{0}")) { LandscapeBackdrop(job.request) }
            }
            let (panel, _, notes, values) = try job.makePanel(reveal: reveal, backdrop: backdrop)
            return BuiltPanel(panel: panel, values: values, notes: notes, inputs: command.runLogs)
        } catch {
            throw userError(error, o, at: position)
        }
    }

    /// `kind: graph`: a backprop graph (`expression`, `values: {x: -2, W: [[3, 2], [4, 1]]}`), as `descent graph`.
    /// Every variable and named intermediate gives its value (`q`) and gradient (`grad.q`); with
    /// `step` and `update` the graph is drawn after the step, and `q_after_step` are its values.
    static func graph(_ o: SpecMap, at position: SpecPosition) throws -> BuiltPanel {
        let title = try o.string("title")
        let run = try SpecGraphEvaluation(o, at: position, ownKeys: ["title"])
        var notes = run.notes
        let values = run.values
        do {
            let job = GraphJob(request: run.request)
            let options = job.options(stage: run.request.forwardOnly ? .forward : .backward)
            var panel = GraphPanel(try MeasuringCanvas.with { GraphDiagram(run.drawn, options: options, measuringWith: $0) })
            panel.maximumScale = 1.6
            if let title { panel.title = try SpecPanelBuilder.fill(title, values, o, "title") }
            if !run.drawn.problemNodes.isEmpty { notes.append("the graph has domain errors") }
            return BuiltPanel(panel: panel, values: values, notes: notes)
        } catch {
            throw userError(error, o, at: position)
        }
    }
}

/// A temporary folder for a panel's intermediate files (a training run's log), removed afterwards.
struct ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("descent-spec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func remove() { try? FileManager.default.removeItem(at: url) }
}

import Canvas
import FigureSpec
import Foundation
import Landscape
import Plot
import Training

/// `kind: boundary`: a two-feature data set scattered by class with a linear model's decision
/// boundary w1 x1 + w2 x2 + b = 0 at chosen epochs (the logistic neuron of 000, the perceptron of
/// 002 ch. 2-3), and its final weight vector. Trains as `descent train` does, with its options.
enum SpecBoundaryPanel {
    static func build(_ o: SpecMap, at position: SpecPosition) throws -> BuiltPanel {
        let shown = try o.numbers("show-epochs")
        let updates = try o.integer("show-updates")
        let legend = try o.string("legend").map { try SpecCurvePanels.legendPlacement($0, o) } ?? .best
        let bridge = SpecCommandBridge(command: TrainCommand.self, excluded: ["plot", "log", "quiet", "check-gradients", "log-params"],
                                       ownKeys: ["title", "xlabel", "ylabel", "kind", "show-epochs", "show-updates", "legend"])
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let logPath = scratch.path("run.jsonl")
        let command = try bridge.parse(TrainCommand.self, (try bridge.arguments(o)) + ["--quiet", "--log-params", "--log", logPath],
                                       options: o, at: position)
        let setup: ModelSetup
        let log: TrainingLog
        do {
            try TrainJob(request: try TrainRequest(command)).run()
            log = try TrainingLog.read(path: logPath)
            guard let header = log.header, let kind = header.model, let data = header.data,
                  kind == .logistic || kind == .perceptron else {
                throw UserError("a boundary panel draws a logistic neuron or a perceptron (model: logistic or perceptron)")
            }
            setup = try ModelSetup(RunLogModel.recipe(header, kind: kind, data: data))
        } catch let e as ModelSetup.Failure {
            throw SpecError(o.file, position, "\(o.contextDescription): \(e.description)")
        } catch let e as TrainingLog.Failure {
            throw SpecError(o.file, position, "\(o.contextDescription): \(e.description)")
        } catch {
            throw SpecCommandPanels.userError(error, o, at: position)
        }
        let data = setup.train
        guard data.featureCount == 2 else {
            throw SpecError(o.file, position, "\(o.contextDescription): the data has \(data.featureCount) features; a boundary is drawn in the plane of 2 (give features: [a, b])")
        }
        // The state after each epoch: the step record that ends it (epoch 0: the start).
        var states: [(epoch: Int, params: [Double])] = []
        if let first = log.steps.first?.params { states.append((0, first)) }
        for e in log.epochs {
            if let p = log.steps.last(where: { $0.step == e.steps })?.params { states.append((e.epoch, p)) }
        }
        guard let last = states.last else { throw SpecError(o.file, position, "\(o.contextDescription): the run logged no parameters") }
        // Boundaries by epoch, or (show-updates: N) after each of the first N updates that changed the weights.
        var drawn: [(name: String, params: [Double])]
        if let updates {
            var changes: [(String, [Double])] = [("start", log.steps.first?.params ?? last.params)]
            for (a, b) in zip(log.steps, log.steps.dropFirst()) where a.params != b.params && changes.count <= updates {
                if let p = b.params { changes.append(("update \(changes.count)", p)) }
            }
            if changes.last?.1 != last.params { changes.append(("final", last.params)) }
            drawn = changes
        } else {
            let wanted = shown.map { Set($0.map { Int($0) }) }
            drawn = states.filter { wanted?.contains($0.epoch) ?? true }.map { ("epoch \($0.epoch)", $0.params) }
        }

        var axes = Axes(xLabel: data.featureNames[0].replacingOccurrences(of: "_", with: " "),
                        yLabel: data.featureNames[1].replacingOccurrences(of: "_", with: " "))
        let xs = stride(from: 0, to: data.inputs.count, by: 2).map { data.inputs[$0] }
        let ys = stride(from: 1, to: data.inputs.count, by: 2).map { data.inputs[$0] }
        let labels = data.targets
        let names = data.classNames
        let classColors = [Color(hex: 0x0072B2), Color(hex: 0xD55E00)]
        for c in 0..<2 {
            let idx = labels.indices.filter { Int(labels[$0].rounded()) == c }
            axes.add(ScatterSeries(xs: idx.map { xs[$0] }, ys: idx.map { ys[$0] }, label: names?[c] ?? "class \(c)",
                                   marker: Marker(c == 0 ? .circle : .triangle, size: 6, fill: classColors[c].withAlpha(0.85), edge: .white)))
        }
        let pad = 0.15
        let (x0, x1) = (xs.min()!, xs.max()!), (y0, y1) = (ys.min()!, ys.max()!)
        let xr = (x0 - pad * (x1 - x0), x1 + pad * (x1 - x0)), yr = (y0 - pad * (y1 - y0), y1 + pad * (y1 - y0))
        axes.xLimits = AxisLimits(lower: xr.0, upper: xr.1)
        axes.yLimits = AxisLimits(lower: yr.0, upper: yr.1)
        // Earlier boundaries dashed and pale, the last one solid; each is named at its upper end.
        for (k, state) in drawn.enumerated() {
            guard let line = LinearBoundary.segment(w1: state.params[0], w2: state.params[1], b: state.params[2], x: xr, y: yr) else { continue }
            let final = k == drawn.count - 1
            let t = drawn.count > 1 ? Double(k) / Double(drawn.count - 1) : 1
            let color = Color(hex: 0x222222).lightened(0.7 * (1 - t))
            axes.add(LineSeries(xs: [line.0.0, line.1.0], ys: [line.0.1, line.1.1], label: final ? "boundary, \(state.name)" : nil,
                                style: StrokeStyle(color: color, width: final ? 2.2 : 1.3, dash: final ? [] : [5, 3])))
            // Each earlier line is named at its own height (lower to upper along the lines), so neighbours do not collide.
            let (bottom, top) = line.0.1 < line.1.1 ? (line.0, line.1) : (line.1, line.0)
            if !final {
                let f = drawn.count > 2 ? 0.12 + 0.5 * Double(k) / Double(drawn.count - 2) : 0.3
                let at = (bottom.0 + f * (top.0 - bottom.0), bottom.1 + f * (top.1 - bottom.1))
                axes.add(TextAnnotation(state.name, x: at.0, y: at.1, horizontal: .left, vertical: .center, offset: Point(5, 0),
                                        color: color.darker(0.2), size: 10, boxed: true))
            }
        }
        // The final weight vector, drawn from the boundary's point nearest the data's centre: it points to the class-1 side.
        let w = (last.params[0], last.params[1]), b = last.params[2]
        let norm = (w.0 * w.0 + w.1 * w.1).squareRoot()
        var values: [String: [Double]] = ["final_w1": [w.0], "final_w2": [w.1], "final_b": [b]]
        if norm > 0 {
            let c = ((x0 + x1) / 2, (y0 + y1) / 2)
            let d = (w.0 * c.0 + w.1 * c.1 + b) / norm
            let foot = (c.0 - d * w.0 / norm, c.1 - d * w.1 / norm)
            let length = 0.2 * min(xr.1 - xr.0, yr.1 - yr.0)
            axes.add(ArrowAnnotation(from: foot, to: (foot.0 + length * w.0 / norm, foot.1 + length * w.1 / norm), color: Color(hex: 0x009E73), width: 2))
            axes.add(TextAnnotation("$w$", x: foot.0 + length * w.0 / norm, y: foot.1 + length * w.1 / norm, horizontal: .left, vertical: .bottom,
                                    offset: Point(4, -2), color: Color(hex: 0x007A58)))
        }
        let correct = labels.indices.filter { i in
            let score = w.0 * xs[i] + w.1 * ys[i] + b
            return (score > 0 ? 1 : 0) == Int(labels[i].rounded())
        }.count
        values["accuracy"] = [Double(correct) / Double(labels.count)]
        axes.legend = legend
        return BuiltPanel(panel: axes, values: values)
    }
}

extension Dataset {
    /// Names of the two classes of the built-in two-class sets, for legends.
    var classNames: [String]? { name == "plants" ? ["non-toxic", "toxic"] : nil }
}

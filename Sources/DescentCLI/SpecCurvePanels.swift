import Canvas
import Foundation
import FigureSpec
import Landscape
import Plot
import Training

/// Spec panels of functions of one variable: curves with derivatives, tangents and secants,
/// the finite-difference error sweep, gradient-descent steps, and bar charts.
enum SpecCurvePanels {
    static func expression(_ o: SpecMap, _ key: String, variable: String?) throws -> ExpressionCurve {
        let text = try o.requiredString(key)
        do { return try ExpressionCurve(text, variable: variable) } catch {
            throw SpecError(o.file, o.entry(key)?.value.position, "'\(key)': \(error)")
        }
    }

    static func range(_ o: SpecMap, _ key: String, default fallback: ClosedRange<Double>? = nil) throws -> ClosedRange<Double> {
        guard let v = try o.numbers(key) else {
            if let fallback { return fallback }
            throw o.missing(key)
        }
        guard v.count == 2, v[0] < v[1], v.allSatisfy(\.isFinite) else {
            throw SpecError(o.file, o.entry(key)?.value.position, "'\(key)': expected [LOW, HIGH] with LOW < HIGH, both finite")
        }
        return v[0]...v[1]
    }

    static func limits(_ o: SpecMap, _ key: String) throws -> AxisLimits {
        guard let v = try o.numbers(key) else { return AxisLimits() }
        guard v.count == 2, v[0] < v[1] else { throw SpecError(o.file, o.entry(key)?.value.position, "'\(key)': expected [LOW, HIGH] with LOW < HIGH") }
        return AxisLimits(lower: v[0], upper: v[1])
    }

    static func method(_ text: String, _ o: SpecMap, _ node: SpecNode?) throws -> FiniteDifference.Method {
        let t = text == "central" || text == "centered" ? "centred" : text
        guard let m = FiniteDifference.Method(rawValue: t) else {
            throw SpecError(o.file, node?.position, "'\(text)': expected a difference method: forward or centred")
        }
        return m
    }

    /// `kind: curve`: one or more functions of one variable over `range`.
    static func curve(_ o: SpecMap) throws -> BuiltPanel {
        let variable = try o.string("variable")
        let range = try range(o, "range")
        let samples = try o.integer("samples") ?? 400
        guard (2...100_000).contains(samples) else { throw SpecError(o.file, o.entry("samples")?.value.position, "'samples': expected 2 to 100000") }
        guard let list = o.node("curves") else { throw o.missing("curves") }
        guard case let .list(items, _) = list, !items.isEmpty else {
            throw SpecError(o.file, list.position, "'curves': expected a list of curves (each with a function)")
        }
        var chart = CurveChart(xLabel: "", yLabel: "")
        var values: [String: [Double]] = [:]
        let theme = Theme()
        var drawnVariable = variable
        for (k, item) in items.enumerated() {
            let c = try SpecMap(item, file: o.file, context: "curve \(k + 1)")
            let f = try expression(c, "function", variable: variable)
            drawnVariable = drawnVariable ?? f.variable
            let derivative = try c.bool("derivative") ?? false
            let name = k == 0 ? "f" : "f\(k)"
            let color = try c.string("color").map { try SpecColors.color($0, c, "color") } ?? theme.color(k)
            let label = try c.string("label")
            let shifts = try c.numbers("shift") ?? [0]
            for (j, shift) in shifts.enumerated() {
                let (xs, base) = f.samples(over: range, count: samples, derivative: derivative)
                var curveLabel = label
                if shifts.count > 1 { curveLabel = (label ?? f.source) + (shift == 0 ? "" : (shift > 0 ? " + " : " − ") + ValueTemplate.plain(abs(shift))) }
                chart.curves.append(.init(xs: xs, ys: base.map { $0 + shift }, label: curveLabel,
                                          color: shifts.count > 1 ? theme.color(k + j) : color, dashed: try c.bool("dashed") ?? false))
            }
            for x in try c.numbers("points") ?? [] {
                let (v, d) = f.valueAndDerivative(x)
                let y = derivative ? d : v
                values["\(name)(\(ValueTemplate.key(x)))"] = [v]
                values["\(name)'(\(ValueTemplate.key(x)))"] = [d]
                let text = try c.string("point-label").map { try ValueTemplate.fill($0, values: ["x": [x], "y": [y], "slope": [d]]) }
                // The label sits on the side the curve falls away from, above the point.
                let slope = derivative ? (f.derivative(x + 1e-4) - f.derivative(x - 1e-4)) / 2e-4 : d
                let side: CurveChart.MarkedPoint.LabelSide = abs(slope) < 1e-6 ? .above : (slope > 0 ? .left : .right)
                chart.points.append(.init(x: x, y: y, label: text ?? "(\(ValueTemplate.plain(x)), \(ValueTemplate.plain(y)))", color: color,
                                          labelSide: side))
            }
            let span = try c.number("tangent-span") ?? (range.upperBound - range.lowerBound) / 4
            for x in try c.numbers("tangent") ?? [] {
                let (v, d) = f.valueAndDerivative(x)
                values["\(name)'(\(ValueTemplate.key(x)))"] = [d]
                chart.curves.append(.init(xs: [x - span, x + span], ys: [v - d * span, v + d * span],
                                          label: "tangent at $\(f.variable) = \(ValueTemplate.plain(x))$: slope \(ValueTemplate.plain(d))",
                                          color: SpecColors.tangent, dashed: false, width: 1.6))
                chart.points.append(.init(x: x, y: v, label: nil, color: SpecColors.tangent))
            }
            if let secantNode = c.node("secant") {
                let s = try SpecMap(secantNode, file: o.file, context: "the secant of curve \(k + 1)")
                guard let at = try s.number("at") else { throw s.missing("at") }
                let hs = try s.numbers("h") ?? [0.5]
                let m = try method(try s.string("method") ?? "centred", s, s.node("method"))
                try s.finish()
                for (j, h) in hs.enumerated() {
                    let (x0, x1) = m == .centred ? (at - h, at + h) : (at, at + h)
                    let slope = FiniteDifference.estimate(f.value, at: at, h: h, method: m)
                    values["secant(\(ValueTemplate.key(at)),\(ValueTemplate.key(h)))"] = [slope]
                    let shade = SpecColors.secant.lightened(hs.count > 1 ? 0.65 * Double(j) / Double(hs.count - 1) : 0)
                    chart.curves.append(.init(xs: [x0, x1], ys: [f.value(x0), f.value(x1)],
                                              label: "\(m == .centred ? "centred" : "forward") secant, $\(m == .centred ? "h" : "\\Delta x") = \(ValueTemplate.plain(h))$: slope \(ValueTemplate.plain((slope * 1e4).rounded() / 1e4))",
                                              color: shade, dashed: true, width: 1.4))
                    chart.points.append(.init(x: x0, y: f.value(x0), label: nil, color: shade))
                    chart.points.append(.init(x: x1, y: f.value(x1), label: nil, color: shade))
                }
            }
            if let numericNode = c.node("numeric") {
                // Finite-difference estimates as dots over the analytic derivative.
                let n = try SpecMap(numericNode, file: o.file, context: "the numeric gradients of curve \(k + 1)")
                let h = try n.number("h") ?? 0.01
                let m = try method(try n.string("method") ?? "centred", n, n.node("method"))
                let at = try n.numbers("at") ?? FiniteDifference.linear(range, count: try n.integer("count") ?? 13)
                try n.finish()
                let estimates = at.map { FiniteDifference.estimate(f.value, at: $0, h: h, method: m) }
                values["numeric"] = estimates
                chart.curves.append(.init(xs: at, ys: estimates, label: "numerical, $h = \(ValueTemplate.plain(h))$", color: Theme.teal, width: 0))
                chart.markerCurves.insert(chart.curves.count - 1)
            }
            try c.finish()
        }
        chart.logX = try o.bool("log-x") ?? false
        chart.logY = try o.bool("log-y") ?? false
        chart.yLimits = try limits(o, "ylim")
        chart.xLimits = try limits(o, "xlim")
        chart.xLabel = "$\(drawnVariable ?? "x")$"
        if let legend = try o.string("legend") { chart.legend = try legendPlacement(legend, o) }
        return BuiltPanel(panel: chart.axes(theme: theme), values: values)
    }

    /// `3 \times 10^{-8}` for 3e-8 (one significant digit), for labels in math text.
    static func scientific(_ v: Double) -> String {
        let e = Int((log10(abs(v))).rounded(.down))
        let m = (v / pow(10, Double(e))).rounded()
        return (m == 1 ? "" : "\(Int(m)) \\times ") + "10^{\(e)}"
    }

    static func legendPlacement(_ text: String, _ o: SpecMap) throws -> LegendPlacement {
        switch text {
        case "best": return .best
        case "none": return .none
        case "outside": return .outsideRight
        default:
            guard let loc = LegendLocation(rawValue: text) else {
                throw SpecError(o.file, o.entry("legend")?.value.position, "'legend': expected best, outside, none or a position such as 'upper left'")
            }
            return .inside(loc)
        }
    }

    /// `kind: fd-error`: |numerical - analytic| against h, log-log.
    static func finiteDifferenceError(_ o: SpecMap) throws -> BuiltPanel {
        let f = try expression(o, "function", variable: try o.string("variable"))
        guard let at = try o.number("at") else { throw o.missing("at") }
        let hRange = try range(o, "h", default: 1e-14...1)
        guard hRange.lowerBound > 0 else { throw SpecError(o.file, o.entry("h")?.value.position, "'h': step sizes must be positive") }
        let hs = FiniteDifference.logSpaced(hRange.lowerBound, hRange.upperBound, count: try o.integer("samples") ?? 80)
        var methods: [FiniteDifference.Method] = [.forward, .centred]
        if let node = o.node("methods") {
            guard case let .list(items, _) = node else { throw SpecError(o.file, node.position, "'methods': expected a list such as [forward, centred]") }
            methods = try items.map { item in
                guard case let .scalar(t, _, _) = item else { throw SpecError(o.file, item.position, "'methods': expected forward or centred") }
                return try method(t, o, item)
            }
        }
        var chart = CurveChart(xLabel: "step size $h$", yLabel: "|numerical − analytic|")
        chart.logX = true
        chart.logY = true
        var values: [String: [Double]] = [:]
        let theme = Theme()
        for (k, m) in methods.enumerated() {
            let errors = FiniteDifference.errors(f, at: at, hs: hs, method: m)
            // Exact zeros cannot sit on a log axis: they are left out (the line breaks).
            let shown = errors.map { $0 > 0 ? $0 : Double.nan }
            chart.curves.append(.init(xs: hs, ys: shown, label: m == .forward ? "forward difference" : "centred difference", color: theme.color(k)))
            if let best = zip(hs, errors).filter({ $0.1 > 0 }).min(by: { $0.1 < $1.1 }) {
                values["best_h_\(m.rawValue)"] = [best.0]
                values["best_error_\(m.rawValue)"] = [best.1]
                chart.points.append(.init(x: best.0, y: best.1, label: "best $h \\approx " + SpecCurvePanels.scientific(best.0) + "$", color: theme.color(k)))
            }
        }
        for h in try o.numbers("check-h") ?? [] {
            for m in methods { values["error_\(m.rawValue)(\(ValueTemplate.key(h)))"] = FiniteDifference.errors(f, at: at, hs: [h], method: m) }
        }
        if let legend = try o.string("legend") { chart.legend = try legendPlacement(legend, o) }
        return BuiltPanel(panel: chart.axes(theme: theme), values: values)
    }

    /// `kind: gd-steps`: gradient descent on a 1-D function at several learning rates, drawn
    /// on the curve (`show: curve`), as the loss per step on log y (`show: loss`) or as w per
    /// step (`show: w`). With `shifts: {sd, samples, seed}` the function is each example's loss
    /// of a data set that shifts it (`ShiftedSamples1D`), the curve drawn is their mean, and
    /// `batch: [full, 1]` (one per learning rate) picks full-batch or mini-batch steps.
    /// `reveal` draws only the first `reveal` steps of each run (an animation frame); the values are the whole runs'.
    static func gradientDescentSteps(_ o: SpecMap, reveal: Int? = nil) throws -> BuiltPanel {
        let f = try expression(o, "function", variable: try o.string("variable"))
        guard let start = try o.number("start") else { throw o.missing("start") }
        guard let rates = try o.numbers("lr"), !rates.isEmpty, rates.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw SpecError(o.file, o.entry("lr")?.value.position ?? o.position, "'lr': expected one or more positive learning rates")
        }
        let steps = try o.integer("steps") ?? 10
        guard (1...100_000).contains(steps) else { throw SpecError(o.file, o.entry("steps")?.value.position, "'steps': expected 1 to 100000") }
        let labels = try stringList(o, "labels", count: rates.count, what: "one label per learning rate")
        let show = try o.string("show") ?? "curve"
        guard ["curve", "loss", "w"].contains(show) else { throw SpecError(o.file, o.entry("show")?.value.position, "'show': expected curve, loss or w") }
        let every = try o.integer("every") ?? 1
        guard every >= 1 else { throw SpecError(o.file, o.entry("every")?.value.position, "'every': expected a whole number of steps >= 1") }
        let data = try shiftedSamples(o, f)
        let batches = try batchSizes(o, count: rates.count, data: data)
        let loss: (Double) -> Double = data.map { d in { d.value($0) } } ?? f.value
        let seed = UInt64(try o.integer("seed") ?? 0)
        let theme = Theme()
        let yLabel = ["curve": "", "loss": "loss", "w": "$\(f.variable)$"][show]!
        var chart = CurveChart(xLabel: show == "curve" ? "$\(f.variable)$" : "step", yLabel: yLabel)
        var values: [String: [Double]] = ["final_w": [], "final_loss": []]
        // Each run with the loss at every iterate; panels of one figure often draw the same runs.
        let computed = zip(rates, batches).map { rate, batch in
            let key = "\(f.source)|\(data?.shifts ?? [])|\(start)|\(rate)|\(steps)|\(batch.map(String.init) ?? "full")|\(seed)"
            return descentRuns.value(for: key) { () -> ([Double], [Double]) in
                let path = data.map { $0.descend(start: start, learningRate: rate, steps: steps, batch: batch, seed: seed) }
                    ?? GradientDescent1D.run(f, start: start, learningRate: rate, steps: steps)
                return (path, path.map(loss))
            }
        }
        let runs = computed.map(\.0)
        if show == "curve" {
            let xs = runs.flatMap { $0 }.filter(\.isFinite)
            let reach = max(abs(start), xs.map(abs).max() ?? 1) * 1.1
            let r = try range(o, "range", default: -reach...reach)
            let cx = FiniteDifference.linear(r, count: 400)
            let label = try o.string("function-label") ?? "$L(\(f.variable)) = \(f.source)$"
            chart.curves.append(.init(xs: cx, ys: cx.map(loss), label: label, color: Color(hex: 0x777777), width: 1.4))
        }
        for (k, (rate, path)) in zip(rates, runs).enumerated() {
            let color = theme.color(k)
            let name = (labels.isEmpty ? "" : labels[k] + ", ") + "$\\eta = \(ValueTemplate.plain(rate))$"
            let allLosses = computed[k].1
            values["final_w"]!.append(path.last ?? .nan)
            values["final_loss"]!.append(allLosses.last ?? .nan)
            if reveal != nil {
                chart.hidden.xs += show == "curve" ? path : path.indices.map(Double.init)
                chart.hidden.ys += show == "w" ? path : allLosses
            }
            let shown = min(path.count, (reveal ?? path.count) + 1)
            let path = Array(path.prefix(shown)), losses = Array(allLosses.prefix(shown))
            switch show {
            case "curve":
                // Iterates on the curve (every `every`-th), each step an arrow; points that leave the plotted range are dropped.
                let kept = Array(stride(from: 0, to: path.count, by: every)) + (path.count > 1 && (path.count - 1) % every != 0 ? [path.count - 1] : [])
                let (ws, ls) = (kept.map { path[$0] }, kept.map { losses[$0] })
                chart.curves.append(.init(xs: ws, ys: ls, label: name, color: color, width: 0))
                chart.markerCurves.insert(chart.curves.count - 1)
                for (a, b) in zip(zip(ws, ls), zip(ws.dropFirst(), ls.dropFirst())) where a.0.isFinite && b.0.isFinite && b.1.isFinite {
                    chart.arrows.append(.init(from: a, to: b, color: color))
                }
            default:
                let xs = (0..<path.count).map(Double.init)
                chart.curves.append(.init(xs: xs, ys: show == "loss" ? losses : path, label: name, color: color, markers: path.count <= 60))
            }
        }
        if show == "loss" { chart.logY = try o.bool("log-y") ?? true }
        chart.yLimits = try limits(o, "ylim")
        if let legend = try o.string("legend") { chart.legend = try legendPlacement(legend, o) }
        var axes = chart.axes(theme: theme)
        if show != "curve" { axes.xIntegerTicks = true }
        return BuiltPanel(panel: axes, values: values)
    }

    /// 1-D descents (iterates and their losses) by function, data, start, rate, steps, batch and seed.
    static let descentRuns = ProcessCache<String, ([Double], [Double])>()

    /// A list of `count` strings under `key` (empty when absent).
    static func stringList(_ o: SpecMap, _ key: String, count: Int, what: String) throws -> [String] {
        guard let items = try SpecCommandPanels.strings(o, key) else { return [] }
        guard case .list = o.node(key), items.count == count else {
            throw SpecError(o.file, o.entry(key)?.value.position, "'\(key)': expected \(what) (\(count))")
        }
        return items
    }

    /// `shifts: {sd: 0.05, samples: 50, seed: 0}`: the data set of shifted examples, if given.
    static func shiftedSamples(_ o: SpecMap, _ f: ExpressionCurve) throws -> ShiftedSamples1D? {
        guard let node = o.node("shifts") else { return nil }
        let m = try SpecMap(node, file: o.file, context: "'shifts'")
        guard let sd = try m.number("sd"), sd >= 0, sd.isFinite else { throw m.missing("sd") }
        let samples = try m.integer("samples") ?? 50
        guard (1...10_000).contains(samples) else { throw SpecError(o.file, m.entry("samples")?.value.position, "'samples': expected 1 to 10000") }
        let seed = try m.integer("seed") ?? 0
        guard seed >= 0 else { throw SpecError(o.file, m.entry("seed")?.value.position, "'seed': expected a whole number >= 0") }
        try m.finish()
        return ShiftedSamples1D(f, sd: sd, samples: samples, seed: UInt64(seed))
    }

    /// `batch: [full, 1]`: per learning rate, full batch (nil) or examples per step; only with `shifts`.
    static func batchSizes(_ o: SpecMap, count: Int, data: ShiftedSamples1D?) throws -> [Int?] {
        let texts = try stringList(o, "batch", count: count, what: "full or a batch size per learning rate")
        guard !texts.isEmpty else { return Array(repeating: nil, count: count) }
        guard let data else { throw SpecError(o.file, o.entry("batch")?.keyPosition, "'batch' needs 'shifts': the examples to draw batches from") }
        return try texts.map { text in
            if text == "full" { return nil }
            guard let b = Int(text), (1...data.shifts.count).contains(b) else {
                throw SpecError(o.file, o.entry("batch")?.value.position, "'batch': expected full or 1 to \(data.shifts.count), found '\(text)'")
            }
            return b
        }
    }

    /// `kind: bars`: values as bars (`values: [...]`, a computed value's name such as
    /// `A.outputs_final`, or `one-hot: {label: 9, classes: 10}`), or several `series` of them
    /// side by side per category, each with its `label` and optional `color`.
    static func bars(_ o: SpecMap, known: [String: [Double]]) throws -> BuiltPanel {
        let theme = Theme()
        let showValues = try o.bool("value-labels") ?? true
        var groups: [(heights: [Double], label: String?, color: Color?, valueLabels: Bool)] = []
        var levels: [(heights: [Double], label: String?, color: Color?)] = []
        if let node = o.node("series") {
            guard case let .list(items, _) = node, !items.isEmpty else { throw o.wrongType("series", node, "a list of {values, label, color}") }
            for item in items {
                let m = try SpecMap(item, file: o.file, context: "a bar series")
                guard m.node("values") != nil else { throw m.missing("values") }
                let color = try m.string("color").map { try SpecColors.color($0, m, "color") }
                let heights = try barHeights(m, known: known), label = try m.string("label")
                // `as: level`: a line across the category at each value (targets) instead of bars.
                switch try m.string("as") ?? "bars" {
                case "bars": groups.append((heights, label, color, try m.bool("value-labels") ?? showValues))
                case "level": levels.append((heights, label, color))
                case let other: throw SpecError(o.file, m.entry("as")?.value.position, "'as': expected bars or level, found '\(other)'")
                }
                try m.finish()
            }
        } else if let node = o.node("one-hot") {
            let h = try SpecMap(node, file: o.file, context: "'one-hot'")
            guard let label = try h.integer("label"), let classes = try h.integer("classes"), classes > 0, (0..<classes).contains(label) else {
                throw SpecError(o.file, node.position, "'one-hot': expected label and classes with 0 <= label < classes")
            }
            try h.finish()
            groups = [(OneHotTarget.vector(label: label, classes: classes), nil, nil, showValues)]
        } else if o.node("values") != nil {
            groups = [(try barHeights(o, known: known), nil, nil, showValues)]
        } else {
            throw o.missing("values")
        }
        guard let count = (groups.first?.heights ?? levels.first?.heights)?.count else { throw o.missing("values") }
        if let bad = (groups.map { ($0.heights, $0.label) } + levels.map { ($0.heights, $0.label) }).first(where: { $0.0.count != count }) {
            throw SpecError(o.file, o.node("series")?.position, "'series': every series needs \(count) values (one per category); '\(bad.1 ?? "?")' has \(bad.0.count)")
        }
        var categories = (0..<count).map { String($0) }
        if let node = o.node("categories") {
            guard case let .list(items, _) = node, items.count == count else {
                throw SpecError(o.file, node.position, "'categories': expected one name per bar (\(count))")
            }
            categories = items.compactMap { if case let .scalar(s, _, _) = $0 { return s } else { return nil } }
        }
        let format = try o.string("value-format") ?? (groups.count > 1 ? "%.2f" : "%.3g")
        var axes = Axes(title: nil, xLabel: try o.string("xlabel") ?? "", yLabel: try o.string("ylabel") ?? "")
        // Side by side within 0.8 of a category, as matplotlib's grouped bar example.
        let width = groups.count == 1 ? 0.7 : 0.8 / Double(groups.count)
        // Levels first, so the bars' value labels stay readable over them.
        for level in levels {
            let style = StrokeStyle(color: level.color ?? Color(hex: 0x111111), width: 2.2, dash: [6, 3])
            axes.add(LevelMarks(xs: (0..<count).map(Double.init), levels: level.heights, label: level.label, style: style, width: 0.9))
        }
        for (k, group) in groups.enumerated() {
            let offset = (Double(k) - Double(groups.count - 1) / 2) * width
            let xs = (0..<count).map { Double($0) + offset }
            let color = group.color ?? (groups.count == 1 ? Color(hex: 0x0072B2) : theme.color(k))
            axes.add(BarSeries(xs: xs, heights: group.heights, label: group.label, color: color, width: width * (groups.count == 1 ? 1 : 0.92),
                               valueLabels: group.valueLabels ? group.heights.map { String(format: format, $0) } : nil))
        }
        axes.xFixedTicks = categories.enumerated().map { Tick(value: Double($0.offset), label: $0.element) }
        axes.xLimits = AxisLimits(lower: -0.6, upper: Double(count) - 0.4)
        axes.yLimits = try limits(o, "ylim")
        let all = groups.flatMap(\.heights) + levels.flatMap(\.heights)
        if axes.yLimits.lower == nil { axes.yLimits.lower = min(0, all.min() ?? 0) }
        if groups.contains(where: { $0.label != nil }) || levels.contains(where: { $0.label != nil }) {
            if let legend = try o.string("legend") { axes.legend = try legendPlacement(legend, o) }
        } else {
            axes.legend = .none
        }
        var values: [String: [Double]] = [:]
        if groups.count == 1 { values["bars"] = groups[0].heights } else {
            for (k, g) in groups.enumerated() { values["bars\(k + 1)"] = g.heights }
            for (k, l) in levels.enumerated() { values["levels\(k + 1)"] = l.heights }
        }
        return BuiltPanel(panel: axes, values: values)
    }

    /// `values:` as numbers, the name of a value an earlier panel computed, or a list of numbers
    /// and names (each name one number: `[A.L, A.L_after_step]`).
    static func barHeights(_ o: SpecMap, known: [String: [Double]]) throws -> [Double] {
        guard let node = o.node("values") else { throw o.missing("values") }
        func named(_ text: String, _ position: SpecPosition, single: Bool) throws -> [Double] {
            guard let v = known[text] else {
                let message = "'values': no computed value '\(text)'"
                let near = SpecValues.nearest(text, among: known.keys.sorted()).map { "; did you mean '\($0)'?" } ?? ""
                throw SpecError(o.file, position, message + near + " (values are named by earlier panels, as A.outputs_final)")
            }
            guard !single || v.count == 1 else {
                throw SpecError(o.file, position, "'values': '\(text)' holds \(v.count) numbers; in a list each name gives one bar")
            }
            return v
        }
        switch node {
        case let .scalar(text, _, position) where Double(text) == nil:
            return try named(text, position, single: false)
        case let .list(items, _) where !items.isEmpty:
            return try items.flatMap { item -> [Double] in
                if case let .scalar(text, _, position) = item, Double(text) == nil { return try named(text, position, single: true) }
                return try SpecValues.numbers(item, file: o.file, what: "'values'")
            }
        default:
            guard let v = try o.numbers("values"), !v.isEmpty else { throw o.missing("values") }
            return v
        }
    }
}

/// The colours the curve panels use for tangents and secants (the course draws tangents
/// orange, numerical estimates teal), and a spec's colour names.
enum SpecColors {
    static let tangent = Color(hex: 0xE69F00)
    static let secant = Color(hex: 0x009E73)

    static func color(_ text: String, _ o: SpecMap, _ key: String) throws -> Color {
        guard let c = NamedColor.parse(text) else {
            throw SpecError(o.file, o.entry(key)?.value.position, "'\(key)': expected #rrggbb or one of \(NamedColor.names), found '\(text)'")
        }
        return c
    }
}

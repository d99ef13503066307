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
    /// on the curve (`show: curve`) or as the loss per step on log y (`show: loss`).
    static func gradientDescentSteps(_ o: SpecMap) throws -> BuiltPanel {
        let f = try expression(o, "function", variable: try o.string("variable"))
        guard let start = try o.number("start") else { throw o.missing("start") }
        guard let rates = try o.numbers("lr"), !rates.isEmpty, rates.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw SpecError(o.file, o.entry("lr")?.value.position ?? o.position, "'lr': expected one or more positive learning rates")
        }
        let steps = try o.integer("steps") ?? 10
        guard (1...100_000).contains(steps) else { throw SpecError(o.file, o.entry("steps")?.value.position, "'steps': expected 1 to 100000") }
        var labels: [String] = []
        if let node = o.node("labels") {
            guard case let .list(items, _) = node, items.count == rates.count else {
                throw SpecError(o.file, node.position, "'labels': expected one label per learning rate (\(rates.count))")
            }
            labels = items.compactMap { if case let .scalar(s, _, _) = $0 { return s } else { return nil } }
        }
        let show = try o.string("show") ?? "curve"
        guard show == "curve" || show == "loss" else { throw SpecError(o.file, o.entry("show")?.value.position, "'show': expected curve or loss") }
        let theme = Theme()
        var chart = CurveChart(xLabel: show == "curve" ? "$\(f.variable)$" : "step", yLabel: show == "curve" ? "" : "loss")
        var values: [String: [Double]] = ["final_w": [], "final_loss": []]
        let runs = rates.map { GradientDescent1D.run(f, start: start, learningRate: $0, steps: steps) }
        if show == "curve" {
            let xs = runs.flatMap { $0 }.filter(\.isFinite)
            let reach = max(abs(start), xs.map(abs).max() ?? 1) * 1.1
            let r = try range(o, "range", default: -reach...reach)
            let (cx, cy) = f.samples(over: r, count: 400)
            chart.curves.append(.init(xs: cx, ys: cy, label: try o.string("function-label") ?? "$L(\(f.variable)) = \(f.source)$",
                                      color: Color(hex: 0x777777), width: 1.4))
        }
        for (k, (rate, path)) in zip(rates, runs).enumerated() {
            let color = theme.color(k)
            let name = (labels.isEmpty ? "" : labels[k] + ", ") + "$\\eta = \(ValueTemplate.plain(rate))$"
            let losses = path.map(f.value)
            values["final_w"]!.append(path.last ?? .nan)
            values["final_loss"]!.append(losses.last ?? .nan)
            if show == "curve" {
                // Iterates on the curve, each step an arrow; points that leave the plotted range are dropped.
                chart.curves.append(.init(xs: path, ys: losses, label: name, color: color, width: 0))
                chart.markerCurves.insert(chart.curves.count - 1)
                for (a, b) in zip(zip(path, losses), zip(path.dropFirst(), losses.dropFirst())) where a.0.isFinite && b.0.isFinite && b.1.isFinite {
                    chart.arrows.append(.init(from: a, to: b, color: color))
                }
            } else {
                let steps = (0..<losses.count).map(Double.init)
                chart.curves.append(.init(xs: steps, ys: losses, label: name, color: color, markers: true))
            }
        }
        if show == "loss" { chart.logY = try o.bool("log-y") ?? true }
        chart.yLimits = try limits(o, "ylim")
        if let legend = try o.string("legend") { chart.legend = try legendPlacement(legend, o) }
        var axes = chart.axes(theme: theme)
        if show == "loss" { axes.xIntegerTicks = true }
        return BuiltPanel(panel: axes, values: values)
    }

    /// `kind: bars`: values as bars (`values: [...]`, or `one-hot: {label: 9, classes: 10}`).
    static func bars(_ o: SpecMap) throws -> BuiltPanel {
        var heights: [Double]
        if let node = o.node("one-hot") {
            let h = try SpecMap(node, file: o.file, context: "'one-hot'")
            guard let label = try h.integer("label"), let classes = try h.integer("classes"), classes > 0, (0..<classes).contains(label) else {
                throw SpecError(o.file, node.position, "'one-hot': expected label and classes with 0 <= label < classes")
            }
            try h.finish()
            heights = OneHotTarget.vector(label: label, classes: classes)
        } else if let v = try o.numbers("values") {
            heights = v
        } else {
            throw o.missing("values")
        }
        var categories = (0..<heights.count).map { String($0) }
        if let node = o.node("categories") {
            guard case let .list(items, _) = node, items.count == heights.count else {
                throw SpecError(o.file, node.position, "'categories': expected one name per bar (\(heights.count))")
            }
            categories = items.compactMap { if case let .scalar(s, _, _) = $0 { return s } else { return nil } }
        }
        let showValues = try o.bool("value-labels") ?? true
        var axes = Axes(title: nil, xLabel: try o.string("xlabel") ?? "", yLabel: try o.string("ylabel") ?? "")
        let xs = (0..<heights.count).map(Double.init)
        axes.add(BarSeries(xs: xs, heights: heights, color: Color(hex: 0x0072B2),
                           valueLabels: showValues ? heights.map { String(format: "%.3g", $0) } : nil))
        axes.xFixedTicks = zip(xs, categories).map { Tick(value: $0, label: $1) }
        axes.xLimits = AxisLimits(lower: -0.6, upper: Double(heights.count) - 0.4)
        axes.yLimits = try limits(o, "ylim")
        if axes.yLimits.lower == nil { axes.yLimits.lower = min(0, heights.min() ?? 0) }
        axes.legend = .none
        return BuiltPanel(panel: axes, values: ["bars": heights])
    }
}

/// Colours a spec may name, and the ones the curve panels use for tangents and secants (the
/// course draws tangents orange, numerical estimates teal).
enum SpecColors {
    static let tangent = Color(hex: 0xE69F00)
    static let secant = Color(hex: 0x009E73)
    static let named: [String: Color] = [
        "blue": Color(hex: 0x0072B2), "orange": Color(hex: 0xE69F00), "teal": Color(hex: 0x009E73), "green": Color(hex: 0x009E73),
        "purple": Color(hex: 0xCC79A7), "vermillion": Color(hex: 0xD55E00), "red": Color(hex: 0xD55E00), "sky": Color(hex: 0x56B4E9),
        "yellow": Color(hex: 0xB59B00), "black": Color(hex: 0x000000), "grey": Color(hex: 0x777777), "gray": Color(hex: 0x777777),
    ]

    /// A name from `named` or `#rrggbb`.
    static func color(_ text: String, _ o: SpecMap, _ key: String) throws -> Color {
        if let c = named[text.lowercased()] { return c }
        if text.hasPrefix("#"), text.count == 7, let v = UInt32(text.dropFirst(), radix: 16) { return Color(hex: v) }
        throw SpecError(o.file, o.entry(key)?.value.position, "'\(key)': expected #rrggbb or one of \(named.keys.sorted().joined(separator: ", ")), found '\(text)'")
    }
}

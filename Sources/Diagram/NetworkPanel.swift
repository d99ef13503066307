import Autodiff
import Canvas
import Foundation
import Plot

/// A fully connected network diagram as a panel of a figure: layer names above the columns,
/// sizes under them, output labels at the right, and for a trained network its edges coloured
/// by sign and widened by magnitude on a diverging colour map with a colour bar, and its neurons
/// filled by their activation. Laid out to fill its cell; text keeps the theme's sizes.
public struct NetworkPanel: Panel {
    public var diagram: NetworkDiagram
    /// A title above the diagram (math text).
    public var title: String?
    /// The diverging map of the edge weights (negative blue, positive red).
    public var colormap = Colormap.rdbu

    public init(_ diagram: NetworkDiagram) { self.diagram = diagram }

    public var kindName: String { "network diagram" }

    /// Edge strokes for the unweighted diagram, the thinnest and widest weighted ones.
    static let plainEdge = StrokeStyle(color: Color(hex: 0x8A8A8A), width: 0.7)
    static let edgeWidths = (thinnest: 0.5, widest: 4.0)
    static let neuronStroke = Color(hex: 0x333333)

    /// The colour bar of the edge weights, for a diagram with weights.
    public var colorBar: ColorBar? {
        guard let m = diagram.largestDrawnWeight else { return nil }
        let half = m > 0 ? m : 1
        return ColorBar(colormap: colormap, scale: ColorScale(lower: -half, upper: half, kind: .linear), label: "weight")
    }

    /// The box the columns are laid out in, inside `cell` (room for the labels around it).
    public func columnsBox(in cell: Rect, canvas: Canvas, theme: Theme) -> Rect {
        let parts = Margins(self, cell: cell, canvas: canvas, theme: theme)
        return parts.box
    }

    public func draw(in cell: Rect, on canvas: Canvas, theme: Theme) -> PanelLayout {
        let m = Margins(self, cell: cell, canvas: canvas, theme: theme)
        if let title, !title.isEmpty {
            RichTextLayout(title, font: theme.titleFont, canvas: canvas)
                .draw(on: canvas, at: Point(cell.midX, cell.minY + theme.padding), horizontal: .center, vertical: .top, color: theme.textColor)
        }
        let layout = NetworkLayout(diagram, in: m.box)
        drawEdges(layout)
        drawNodes(layout, on: canvas, theme: theme)
        drawLabels(layout, margins: m, on: canvas, theme: theme)
        if let bar = colorBar {
            bar.draw(at: Point(m.barX, m.box.minY), length: m.box.height, on: canvas, theme: theme)
        }
        return PanelLayout(cell: cell, content: m.box)

        func drawEdges(_ layout: NetworkLayout) {
            let scale = colorBar?.scale
            // Strong weights last, over the weak ones.
            let ordered = layout.edges.sorted { abs($0.weight ?? 0) < abs($1.weight ?? 0) }
            for e in ordered {
                var path = Path()
                path.move(to: e.start)
                path.line(to: e.end)
                canvas.stroke(path, style: edgeStyle(e.weight, scale: scale))
            }
        }
    }

    /// The stroke of an edge of weight `w` (grey and thin without weights; NaN or infinite weights dashed grey).
    func edgeStyle(_ w: Double?, scale: ColorScale?) -> StrokeStyle {
        guard let w, let scale else { return Self.plainEdge }
        guard let t = scale.fraction(w) else { return StrokeStyle(color: Color(hex: 0x8A8A8A), width: 1, dash: [3, 2]) }
        let share = min(1, abs(w) / max(abs(scale.upper), 1e-300))
        let width = Self.edgeWidths.thinnest + (Self.edgeWidths.widest - Self.edgeWidths.thinnest) * share
        return StrokeStyle(color: colormap.color(t), width: width, cap: .round)
    }

    /// The fill of a neuron with activation `a` in a layer whose activations span `range`: white to dark grey.
    static func fill(_ a: Double, range: (lower: Double, upper: Double)) -> Color {
        guard a.isFinite else { return Color(hex: 0xF0C0C0) }
        let t = min(1, max(0, (a - range.lower) / max(1e-300, range.upper - range.lower)))
        return Color.white.darker(0.85 * t)
    }

    /// The range a layer's fills span: [0, 1], widened to its activations.
    func activationRange(layer l: Int) -> (lower: Double, upper: Double)? {
        guard let a = diagram.activations?[l] else { return nil }
        let finite = a.filter(\.isFinite)
        return (min(0, finite.min() ?? 0), max(1, finite.max() ?? 1))
    }

    func drawNodes(_ layout: NetworkLayout, on canvas: Canvas, theme: Theme) {
        let r = layout.radius
        let stroke = StrokeStyle(color: Self.neuronStroke, width: max(0.6, min(1.4, r / 10)))
        let valueFont = theme.annotationFont
        for node in layout.nodes {
            let c = node.center
            switch node.slot {
            case .ellipsis:
                let dot = max(1.2, min(2.5, r * 0.14))
                let step = min(r * 0.7, 3.5 * dot + 2)
                for k in -1...1 { canvas.fill(.circle(center: Point(c.x, c.y + Double(k) * step), radius: dot), color: Self.neuronStroke) }
            case .bias:
                let box = Rect(x: c.x - r, y: c.y - r, width: 2 * r, height: 2 * r)
                canvas.fillAndStroke(.rect(box), fill: Color(hex: 0xEDEDED), stroke: StrokeStyle(color: Self.neuronStroke, width: stroke.width))
                let text = RichTextLayout("+1", font: valueFont, canvas: canvas)
                if text.width <= 2 * r - 2 && text.height <= 2 * r {
                    text.draw(on: canvas, at: c, horizontal: .center, vertical: .center, color: theme.textColor)
                }
            case .neuron(let i):
                var fill = Color.white
                var value: Double?
                if let range = activationRange(layer: node.layer), let a = diagram.activations?[node.layer][i] {
                    fill = Self.fill(a, range: range)
                    value = a
                }
                canvas.fillAndStroke(.circle(center: c, radius: r), fill: fill, stroke: stroke)
                if let value {
                    let text = RichTextLayout(Self.valueText(value), font: valueFont, canvas: canvas)
                    if text.width <= 2 * r - 3 && text.height <= 2 * r {
                        let dark = fill.red < 0.55
                        text.draw(on: canvas, at: c, horizontal: .center, vertical: .center, color: dark ? .white : theme.textColor)
                    }
                }
            }
        }
    }

    /// An activation inside its neuron: two decimals, or compact.
    static func valueText(_ v: Double) -> String {
        guard v.isFinite else { return NumberText.compact(v) }
        if v == v.rounded() && abs(v) < 1000 { return String(Int(v)) }
        if abs(v) < 100 { return String(format: "%.2f", v) }
        return NumberText.compact(v, digits: 3)
    }

    func drawLabels(_ layout: NetworkLayout, margins m: Margins, on canvas: Canvas, theme: Theme) {
        let r = layout.radius
        for l in diagram.layers.indices {
            let x = layout.columns[l]
            RichTextLayout(diagram.layerNames[l], font: theme.labelFont, canvas: canvas)
                .draw(on: canvas, at: Point(x, m.namesY), horizontal: .center, vertical: .top, color: theme.textColor)
            RichTextLayout(diagram.countLabel(layer: l), font: theme.tickFont, canvas: canvas)
                .draw(on: canvas, at: Point(x, m.countsY), horizontal: .center, vertical: .top, color: theme.textColor)
        }
        let last = diagram.layers.count - 1
        if let labels = diagram.outputLabels {
            for (i, label) in labels.enumerated() {
                guard let c = layout.center(layer: last, neuron: i) else { continue }
                RichTextLayout(label, font: theme.labelFont, canvas: canvas)
                    .draw(on: canvas, at: Point(c.x + r + m.labelGap, c.y), horizontal: .left, vertical: .center, color: theme.textColor)
            }
        }
        if let labels = diagram.inputLabels {
            for (i, label) in labels.enumerated() {
                guard let c = layout.center(layer: 0, neuron: i) else { continue }
                RichTextLayout(label, font: theme.labelFont, canvas: canvas)
                    .draw(on: canvas, at: Point(c.x - r - m.labelGap, c.y), horizontal: .right, vertical: .center, color: theme.textColor)
            }
        }
        var y = m.captionY
        for line in m.captionLines {
            let text = RichTextLayout(line, font: theme.annotationFont, canvas: canvas)
            text.draw(on: canvas, at: Point(m.cell.midX, y), horizontal: .center, vertical: .top, color: theme.textColor)
            y += text.height
        }
    }

    /// The room the labels take around the columns, measured with the canvas's fonts.
    struct Margins {
        var box: Rect
        var namesY: Double
        var countsY: Double
        var captionY: Double
        var barX: Double
        var labelGap: Double
        var cell: Rect
        /// The caption, broken at "; " where it is wider than the cell.
        var captionLines: [String] = []

        init(_ panel: NetworkPanel, cell: Rect, canvas: Canvas, theme: Theme) {
            let d = panel.diagram
            let pad = theme.padding
            let gap = 6.0
            labelGap = gap
            func size(_ s: String, _ f: Font) -> (width: Double, height: Double) {
                let t = RichTextLayout(s, font: f, canvas: canvas)
                return (t.width, t.height)
            }
            var top = cell.minY + pad
            if let title = panel.title, !title.isEmpty { top += size(title, theme.titleFont).height + pad }
            namesY = top
            let nameHeight = d.layerNames.map { size($0, theme.labelFont).height }.max() ?? 0
            let countHeight = size("0", theme.tickFont).height
            self.cell = cell
            if let caption = d.caption, !caption.isEmpty {
                captionLines = size(caption, theme.annotationFont).width <= cell.width - 2 * pad
                    ? [caption] : caption.components(separatedBy: "; ")
            }
            let captionHeight = captionLines.isEmpty ? 0 : captionLines.map { size($0, theme.annotationFont).height }.reduce(0, +) + pad
            var bottom = cell.maxY - pad - captionHeight
            captionY = bottom + pad
            bottom -= countHeight
            countsY = bottom
            bottom -= 0.5 * pad
            top += nameHeight + 0.5 * pad
            // Half the widest text over or under the first and last columns, and the side labels.
            let firstHalf = max(size(d.layerNames[0], theme.labelFont).width, size(d.countLabel(layer: 0), theme.tickFont).width) / 2
            let last = d.layers.count - 1
            let lastHalf = max(size(d.layerNames[last], theme.labelFont).width, size(d.countLabel(layer: last), theme.tickFont).width) / 2
            let inputs = (d.inputLabels?.map { size($0, theme.labelFont).width }.max()).map { $0 + gap } ?? 0
            let outputs = (d.outputLabels?.map { size($0, theme.labelFont).width }.max()).map { $0 + gap } ?? 0
            var right = cell.maxX - pad
            barX = right
            if let bar = panel.colorBar {
                let w = bar.width(canvas: canvas, theme: theme, length: max(40, bottom - top))
                right -= w
                barX = right + 1.5 * pad
            }
            let left = cell.minX + pad + max(firstHalf, inputs)
            right -= max(lastHalf, outputs)
            box = Rect(x: left, y: top, width: max(1, right - left), height: max(1, bottom - top))
            if panel.colorBar == nil { barX = box.maxX }
        }
    }
}

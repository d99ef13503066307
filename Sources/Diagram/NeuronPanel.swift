import Autodiff
import Canvas
import Plot

/// A single neuron as a panel (course text 003 fig. 1-2): input circles at the left, weighted
/// edges into a summation node that takes the bias from above, the activation in a box, and an
/// arrow to the output a. Laid out to fill its cell; text keeps the theme's sizes.
public struct NeuronPanel: Panel {
    public var diagram: NeuronDiagram
    public var title: String?

    public init(_ diagram: NeuronDiagram) { self.diagram = diagram }

    public var kindName: String { "neuron diagram" }

    /// Where the parts go in a cell.
    public struct Geometry: Sendable {
        public var inputs: [Point]
        public var inputRadius: Double
        public var sum: Point
        public var sumRadius: Double
        public var activationBox: Rect
        public var outputEnd: Point
        public var biasStart: Point
        public var box: Rect
    }

    static let ink = Color(hex: 0x333333)

    /// The layout inside `cell`, measured with the canvas's fonts.
    public func geometry(in cell: Rect, canvas: Canvas, theme: Theme) -> Geometry {
        let pad = theme.padding
        var top = cell.minY + pad
        if let title, !title.isEmpty { top += RichTextLayout(title, font: theme.titleFont, canvas: canvas).height + pad }
        let font = theme.labelFont
        func width(_ s: String) -> Double { RichTextLayout(s, font: font, canvas: canvas).width }
        let lineHeight = RichTextLayout("Xg", font: font, canvas: canvas).height
        let valueWidth = diagram.inputValues.map { v in v.map { width(NumberText.compact($0, digits: 3)) }.max() ?? 0 } ?? 0
        let outputWidth = width(diagram.outputLabel)
        // The bias label sits above the sum node; room for it at the top.
        top += lineHeight + 0.5 * pad
        let box = Rect(x: cell.minX + pad + (valueWidth > 0 ? valueWidth + 6 : 0), y: top,
                       width: max(10, cell.width - 2 * pad - (valueWidth > 0 ? valueWidth + 6 : 0) - outputWidth - 6),
                       height: max(10, cell.maxY - pad - top))
        let n = diagram.inputCount
        let pitch = box.height / Double(n)
        let inputRadius = max(6, min(22, 0.36 * pitch, 0.06 * box.width))
        let x0 = box.minX + inputRadius
        let inputs = (0..<n).map { k in Point(x0, box.midY + (Double(k) - Double(n - 1) / 2) * pitch) }
        let sumRadius = max(10, min(30, 0.1 * box.width, 0.2 * box.height))
        let textWidth = width(diagram.activationName)
        let boxWidth = max(2 * sumRadius, textWidth + 16), boxHeight = 1.6 * sumRadius
        // The z label needs the room between the sum and the activation's box; the arrow to a at least 30 points.
        let zRoom = max(30, width(diagram.sumLabel) + 16)
        let sumX = min(box.minX + 0.45 * box.width, box.maxX - 30 - boxWidth - zRoom - sumRadius)
        let sum = Point(max(x0 + inputRadius + 40 + sumRadius, sumX), box.midY)
        let activationBox = Rect(x: sum.x + sumRadius + zRoom, y: box.midY - boxHeight / 2, width: boxWidth, height: boxHeight)
        let outputEnd = Point(box.maxX, box.midY)
        let biasStart = Point(sum.x, box.minY)
        return Geometry(inputs: inputs, inputRadius: inputRadius, sum: sum, sumRadius: sumRadius, activationBox: activationBox,
                        outputEnd: outputEnd, biasStart: biasStart, box: box)
    }

    public func draw(in cell: Rect, on canvas: Canvas, theme: Theme) -> PanelLayout {
        if let title, !title.isEmpty {
            RichTextLayout(title, font: theme.titleFont, canvas: canvas)
                .draw(on: canvas, at: Point(cell.midX, cell.minY + theme.padding), horizontal: .center, vertical: .top, color: theme.textColor)
        }
        let g = geometry(in: cell, canvas: canvas, theme: theme)
        let line = StrokeStyle(color: Self.ink, width: 1.3)
        let font = theme.labelFont
        func label(_ s: String, at p: Point, _ h: HorizontalAnchor, _ v: VerticalAnchor) {
            RichTextLayout(s, font: font, canvas: canvas).draw(on: canvas, at: p, horizontal: h, vertical: v, color: theme.textColor)
        }
        // Inputs, weighted edges and their labels.
        for (i, p) in g.inputs.enumerated() {
            let dx = g.sum.x - p.x, dy = g.sum.y - p.y, length = (dx * dx + dy * dy).squareRoot()
            let start = Point(p.x + dx / length * g.inputRadius, p.y + dy / length * g.inputRadius)
            let end = Point(g.sum.x - dx / length * g.sumRadius, g.sum.y - dy / length * g.sumRadius)
            arrow(from: start, to: end, style: line, on: canvas)
            canvas.fillAndStroke(.circle(center: p, radius: g.inputRadius), fill: .white, stroke: line)
            label(diagram.inputLabels[i], at: p, .center, .center)
            if let v = diagram.inputValues?[i] { label(NumberText.compact(v, digits: 3), at: Point(p.x - g.inputRadius - 6, p.y), .right, .center) }
            // The weight's label just past the input, above its edge (below for the lower half, away from the others).
            let t = 0.3
            let at = Point(start.x + (end.x - start.x) * t, start.y + (end.y - start.y) * t)
            label(diagram.weightLabel(i), at: Point(at.x, dy < 0 ? at.y + 3 : at.y - 3), .left, dy < 0 ? .top : .bottom)
        }
        // The bias from above.
        arrow(from: g.biasStart, to: Point(g.sum.x, g.sum.y - g.sumRadius), style: line, on: canvas)
        label(diagram.biasLabel, at: Point(g.biasStart.x, g.biasStart.y - 3), .center, .bottom)
        canvas.fillAndStroke(.circle(center: g.sum, radius: g.sumRadius), fill: Color(hex: 0xF2F2F2), stroke: line)
        label("Σ", at: g.sum, .center, .center)
        // z into the activation, a out of it.
        let boxLeft = Point(g.activationBox.minX, g.sum.y), boxRight = Point(g.activationBox.maxX, g.sum.y)
        arrow(from: Point(g.sum.x + g.sumRadius, g.sum.y), to: boxLeft, style: line, on: canvas)
        label(diagram.sumLabel, at: Point((g.sum.x + g.sumRadius + boxLeft.x) / 2, g.sum.y - 5), .center, .bottom)
        canvas.fillAndStroke(.rect(g.activationBox), fill: Color(hex: 0xE8F1FA), stroke: line)
        label(diagram.activationName, at: Point(g.activationBox.midX, g.activationBox.midY), .center, .center)
        arrow(from: boxRight, to: g.outputEnd, style: line, on: canvas)
        label(diagram.outputLabel, at: Point(g.outputEnd.x + 6, g.outputEnd.y), .left, .center)
        return PanelLayout(cell: cell, content: g.box)
    }

    /// A line with a filled arrowhead at `end`.
    func arrow(from start: Point, to end: Point, style: StrokeStyle, on canvas: Canvas) {
        let dx = end.x - start.x, dy = end.y - start.y, length = max(1e-9, (dx * dx + dy * dy).squareRoot())
        let ux = dx / length, uy = dy / length
        let head = 8.0, half = 3.5
        let base = Point(end.x - ux * head, end.y - uy * head)
        var path = Path()
        path.move(to: start)
        path.line(to: base)
        canvas.stroke(path, style: style)
        canvas.fill(.polygon([end, Point(base.x - uy * half, base.y + ux * half), Point(base.x + uy * half, base.y - ux * half)]), color: style.color)
    }
}

import Testing
import Canvas
import Plot
@testable import Diagram

/// The network and neuron diagrams' geometry, drawn on a recording canvas (text 0.6 em a character).
@Suite("Network diagrams")
struct NetworkDiagramTests {
    static let cell = Rect(x: 0, y: 0, width: 480, height: 300)

    static func mnist() -> NetworkDiagram {
        var d = NetworkDiagram(layers: [784, 30, 10])
        d.outputLabels = (0...9).map(String.init)
        return d
    }

    static func draw(_ panel: any Panel, in cell: Rect = cell) -> RecordingCanvas {
        let canvas = RecordingCanvas(size: Size(cell.maxX, cell.maxY))
        _ = panel.draw(in: cell, on: canvas, theme: Theme())
        return canvas
    }

    /// Each drawn text's box, measured as the recording canvas measures it.
    static func textBoxes(_ canvas: RecordingCanvas) -> [(String, Rect)] {
        canvas.operations.compactMap { op in
            guard case let .text(s, origin, font, _, _) = op else { return nil }
            let e = canvas.measureText(s, font: font)
            return (s, Rect(x: origin.x, y: origin.y - e.ascent, width: e.width, height: e.height))
        }
    }

    @Test("784 -> 30 -> 10: abstracted layers show six neurons, an ellipsis and the last; the output layer all ten")
    func abstraction() {
        let d = Self.mnist()
        #expect(d.slots(layer: 0) == (0..<6).map(NetworkDiagram.Slot.neuron) + [.ellipsis, .neuron(783)])
        #expect(d.slots(layer: 1) == (0..<6).map(NetworkDiagram.Slot.neuron) + [.ellipsis, .neuron(29)])
        #expect(d.slots(layer: 2) == (0..<10).map(NetworkDiagram.Slot.neuron))
        let layout = NetworkLayout(d, in: Rect(x: 40, y: 30, width: 400, height: 240))
        // Every shown neuron to every shown neuron of the next layer: 7 x 7 + 7 x 10.
        #expect(layout.edges.count == 7 * 7 + 7 * 10)
        #expect(layout.nodes.filter { $0.slot == .ellipsis }.count == 2)
    }

    @Test("neurons do not overlap and lie inside the box, for small, tall and wide networks", arguments: [[784, 30, 10], [3, 4, 1], [2, 12, 12, 12, 2], [1, 1]])
    func noOverlap(layers: [Int]) {
        var d = NetworkDiagram(layers: layers)
        d.showBias = true
        let box = Rect(x: 20, y: 20, width: 300, height: 160)
        let layout = NetworkLayout(d, in: box)
        let r = layout.radius
        #expect(r > 2)
        for (k, a) in layout.nodes.enumerated() {
            #expect(a.center.x - r >= box.minX - 1e-9 && a.center.x + r <= box.maxX + 1e-9)
            #expect(a.center.y - r >= box.minY - 1e-9 && a.center.y + r <= box.maxY + 1e-9)
            for b in layout.nodes[(k + 1)...] {
                let dx = a.center.x - b.center.x, dy = a.center.y - b.center.y
                #expect((dx * dx + dy * dy).squareRoot() >= 2 * r, "\(a.slot) and \(b.slot) of layers \(a.layer), \(b.layer)")
            }
        }
    }

    @Test("labels, sizes and names are drawn inside the cell and do not overlap each other")
    func labelsInside() {
        let canvas = Self.draw(NetworkPanel(Self.mnist()))
        let boxes = Self.textBoxes(canvas)
        let texts = boxes.map(\.0)
        for expected in ["784 inputs", "30 neurons", "10 outputs", "Input", "Hidden", "Output"] + (0...9).map(String.init) {
            #expect(texts.contains(expected), "\(expected) drawn")
        }
        for (s, b) in boxes {
            #expect(b.minX >= Self.cell.minX && b.maxX <= Self.cell.maxX && b.minY >= Self.cell.minY && b.maxY <= Self.cell.maxY, "\(s) at \(b)")
        }
        for (k, (s, a)) in boxes.enumerated() {
            for (t, b) in boxes[(k + 1)...] {
                let overlap = a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY
                #expect(!overlap, "'\(s)' and '\(t)' overlap")
            }
        }
        // The ellipses: three dark dots per abstracted layer (the neurons are filled white).
        let dots = canvas.operations.filter { op in
            guard case let .fill(path, color) = op, path.elements.count > 2 else { return false }
            return color == NetworkPanel.neuronStroke
        }
        #expect(dots.count == 6)
    }

    @Test("output labels sit at the right of their neurons, level with them")
    func outputLabels() {
        let d = Self.mnist()
        let panel = NetworkPanel(d)
        let canvas = Self.draw(panel)
        let box = panel.columnsBox(in: Self.cell, canvas: canvas, theme: Theme())
        let layout = NetworkLayout(d, in: box)
        for i in 0...9 {
            let c = layout.center(layer: 2, neuron: i)!
            let label = Self.textBoxes(canvas).first { $0.0 == String(i) }!.1
            #expect(label.minX > c.x + layout.radius)
            #expect(abs(label.midY - c.y) < 1)
        }
    }

    @Test("weights colour edges by sign (blue negative, red positive) and widen them by magnitude; a colour bar spans -max..max")
    func weightedEdges() throws {
        var d = NetworkDiagram(layers: [2, 1])
        d.weights = [[-2, 0.5]]
        let panel = NetworkPanel(d)
        let bar = try #require(panel.colorBar)
        #expect(bar.scale.lower == -2 && bar.scale.upper == 2)
        let canvas = Self.draw(panel)
        let strokes: [StrokeStyle] = canvas.operations.compactMap { op in
            guard case let .stroke(path, style) = op, path.elements.count == 2 else { return nil }
            return style
        }
        // Drawn weakest first: 0.5 then -2.
        let weak = try #require(strokes.first), strong = try #require(strokes.dropFirst().first)
        #expect(weak.color.red > weak.color.blue)
        #expect(strong.color.blue > strong.color.red)
        #expect(strong.width > weak.width)
        #expect(Self.textBoxes(canvas).map(\.0).contains("weight"))
    }

    @Test("activations fill neurons darker the larger they are, with the value inside")
    func activations() {
        var d = NetworkDiagram(layers: [2, 1])
        d.weights = [[1, 1]]
        d.activations = [[0, 1], [0.25]]
        let canvas = Self.draw(NetworkPanel(d))
        let fills: [Color] = canvas.operations.compactMap { op in
            guard case let .fill(path, color) = op, path.elements.count > 2 else { return nil }
            return color
        }
        #expect(fills.count == 3)
        #expect(fills[0] == .white)
        #expect(fills[1].red < fills[2].red && fills[2].red < 1)
        #expect(Self.textBoxes(canvas).map(\.0).contains("0.25"))
    }

    @Test("a zero-width layer or labels that do not fit are problems")
    func problems() {
        #expect(NetworkDiagram(layers: [3, 0, 1]).problem?.contains("layer 2 has 0 neurons") == true)
        var d = NetworkDiagram(layers: [3, 1])
        d.outputLabels = ["a", "b"]
        #expect(d.problem != nil)
        #expect(NetworkDiagram(layers: [3, 1]).problem == nil)
    }

    @Test("a neuron: inputs, weights, bias, sum, activation and output, inside the cell")
    func neuron() {
        var d = NeuronDiagram(inputs: 3, activationName: "σ")
        d.inputValues = [1, 0, 1]
        d.weights = [0.5, -1, 2]
        d.bias = 0.1
        // z = 0.5 + 0 + 2 + 0.1 = 2.6 and a = σ(2.6) = 0.931, by hand.
        d.z = 2.6
        d.a = 0.9309
        let canvas = Self.draw(NeuronPanel(d))
        let boxes = Self.textBoxes(canvas)
        let texts = boxes.map(\.0)
        for t in ["Σ", "σ", "2.6", "0.931", "0.1", "-1"] { #expect(texts.contains { $0.contains(t) }, "\(t) drawn: \(texts)") }
        for (s, b) in boxes {
            #expect(b.minX >= Self.cell.minX && b.maxX <= Self.cell.maxX && b.minY >= Self.cell.minY && b.maxY <= Self.cell.maxY, "\(s) at \(b)")
        }
        let g = NeuronPanel(d).geometry(in: Self.cell, canvas: canvas, theme: Theme())
        #expect(g.inputs.count == 3)
        #expect(g.sum.x - g.sumRadius > g.inputs[0].x + g.inputRadius)
        #expect(g.activationBox.minX > g.sum.x + g.sumRadius)
    }
}

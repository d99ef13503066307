import Testing
import Canvas
import Autodiff
import Plot
import Foundation
@testable import Diagram

/// A figure of four panel kinds (loss curve, landscape with colour bar, 3D surface, backprop
/// graph) laid out together on a recording canvas.
@Suite("Mixed-panel figures")
struct MixedFigureTests {
    static func panels() throws -> [any Panel] {
        let epochs = (0..<50).map(Double.init)
        let (loss, _) = LossCurveChart.axes([LossCurve(run: "lab", series: "loss", xs: epochs, ys: epochs.map { 32.5 * exp(-$0 / 8) })],
                                            options: LossChartOptions(title: "Loss", xLabel: "epoch", yLabel: "loss $L$"),
                                            theme: Theme())
        let axis = (0..<41).map { -2 + Double($0) * 0.1 }
        let bowl = axis.flatMap { y in axis.map { x in x * x + 3 * y * y } }
        let (scale, colormap) = ColorScale.forSurface(bowl, log: nil, colormap: nil)
        var chart = LandscapeChart(xs: axis, ys: axis, values: bowl, xLimits: (-2, 2), yLimits: (-2, 2),
                                   xName: "$w_1$", yName: "$w_2$", valueName: "$L(w_1, w_2)$", colorScale: scale, colormap: colormap)
        chart.paths = [LandscapePath(xs: [1.5, 0.9, 0.5], ys: [1.5, 0.3, 0.1], losses: [9, 1.2, 0.3], label: "GD",
                                     color: Theme.optimizerColor("gd", index: 0))]
        let coarse = stride(from: -2.0, through: 2.0, by: 0.5).map { $0 }
        let mesh = coarse.flatMap { y in coarse.map { x in x * x + 3 * y * y } }
        let surface = chart.surface3D(meshXs: coarse, meshYs: coarse, meshValues: mesh, arrows: [])
        let evaluation = try Evaluation(ComputationGraph(parsing: "(x + y) * z"), values: ["x": -2, "y": 5, "z": -4])
        let graph = GraphPanel(GraphDiagram(evaluation, measuringWith: RecordingCanvas(size: Size(100, 100))))
        return [loss, chart.panel(), surface, graph]
    }

    /// The box a recorded text run covers (the recording canvas' metrics: 0.6 em a character,
    /// ascent 0.75 em, descent 0.25 em), upright or turned a quarter.
    static func textBoxes(_ canvas: RecordingCanvas) -> [(String, Rect)] {
        canvas.operations.compactMap { op in
            guard case let .text(s, p, font, _, rotation) = op else { return nil }
            let w = 0.6 * font.size * Double(s.count), a = 0.75 * font.size, d = 0.25 * font.size
            if abs(rotation) > 0.1 { return (s, Rect(x: p.x - a, y: p.y - w, width: a + d, height: w)) }
            return (s, Rect(x: p.x, y: p.y - a, width: w, height: a + d))
        }
    }

    @Test("a 2 x 2 figure of a loss curve, a landscape, a 3D surface and a graph keeps every panel's text in its cell")
    func twoByTwo() throws {
        let size = Size(900, 640)
        var figure = Figure(size: size, title: "Four kinds of panel", panels: try Self.panels(), columns: 2)
        figure.panelLetters = true
        let canvas = RecordingCanvas(size: size)
        let layouts = FigureRenderer.draw(figure, on: canvas)
        #expect(layouts.count == 4)
        for (i, a) in layouts.enumerated() {
            #expect(a.cell.contains(a.content), "panel \(i): content \(a.content) leaves its cell \(a.cell)")
            for b in layouts[(i + 1)...] {
                #expect(!a.content.intersects(b.content), "panel contents \(a.content) and \(b.content) overlap")
            }
        }
        // Each panel drawn alone into its cell: every text run stays inside that cell.
        for (panel, layout) in zip(figure.panels, layouts) {
            let alone = RecordingCanvas(size: size)
            _ = panel.draw(in: layout.cell, on: alone, theme: figure.theme)
            let boxes = Self.textBoxes(alone)
            #expect(!boxes.isEmpty, "\(panel.kindName) drew no text")
            for (text, box) in boxes {
                #expect(layout.cell.insetBy(-0.5).contains(box), "\(panel.kindName): '\(text)' at \(box) leaves its cell \(layout.cell)")
            }
        }
        // The letters, the title and the graph's numbers are there.
        let texts = canvas.texts
        for letter in ["(a)", "(b)", "(c)", "(d)"] { #expect(texts.contains(letter)) }
        #expect(texts.contains("Four kinds of panel"))
        #expect(texts.contains { $0.contains("12") }, "the graph's output f = -12 is drawn")
    }

    @Test("a graph too big for its cell is scaled down to fit and centred; one that fits keeps its size")
    func graphScaling() throws {
        let evaluation = try Evaluation(ComputationGraph(parsing: "(x + y) * z + max(x, w)"), values: ["x": 2, "y": 1, "z": -3, "w": 4])
        let panel = GraphPanel(GraphDiagram(evaluation, measuringWith: RecordingCanvas(size: Size(100, 100))))
        let natural = panel.diagram.size
        let small = Rect(x: 10, y: 20, width: natural.width / 2, height: natural.height)
        let layout = panel.draw(in: small, on: RecordingCanvas(size: Size(2000, 2000)), theme: Theme())
        #expect(abs(layout.content.width - natural.width / 2) < 1e-9)
        #expect(abs(layout.content.height - natural.height / 2) < 1e-9)
        #expect(abs(layout.content.midY - small.midY) < 1e-9 && abs(layout.content.midX - small.midX) < 1e-9)
        let big = Rect(x: 0, y: 0, width: natural.width * 3, height: natural.height * 3)
        #expect(panel.draw(in: big, on: RecordingCanvas(size: Size(2000, 2000)), theme: Theme()).content.width == natural.width)
    }
}

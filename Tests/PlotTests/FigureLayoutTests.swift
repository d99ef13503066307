import Testing
import Canvas
@testable import Plot

@Suite("Figure layout on a recording canvas")
struct FigureLayoutTests {
    func diagonalFigure(legend: LegendPlacement = .best, size: Size = Size(480, 300)) -> Figure {
        var axes = Axes(title: "Loss over epochs", xLabel: "epoch", yLabel: "loss")
        let xs = (0...100).map { Double($0) / 10 }
        axes.add(LineSeries(xs: xs, ys: xs, label: "train", style: StrokeStyle(color: .black)))
        axes.legend = legend
        return Figure(size: size, panels: [axes])
    }

    /// Text boxes under RecordingCanvas's fixed metrics (0.6 em advance, 0.75/0.25 em).
    func boxes(_ canvas: RecordingCanvas) -> [(String, Rect)] {
        canvas.operations.compactMap { op in
            guard case .text(let s, let p, let font, _, let rotation) = op, rotation == 0 else { return nil }
            return (s, Rect(x: p.x, y: p.y - 0.75 * font.size, width: 0.6 * font.size * Double(s.count), height: font.size))
        }
    }

    @Test("no text is clipped at the figure edge", arguments: [Size(480, 300), Size(250, 160), Size(900, 200)])
    func insideFigure(size: Size) {
        let canvas = RecordingCanvas(size: size)
        FigureRenderer.draw(diagonalFigure(size: size), on: canvas)
        let figure = Rect(x: 0, y: 0, width: size.width, height: size.height)
        for (s, box) in boxes(canvas) {
            #expect(box.minX >= figure.minX - 1e-9 && box.maxX <= figure.maxX + 1e-9, "\(s) at \(box)")
            #expect(box.minY >= figure.minY - 1e-9 && box.maxY <= figure.maxY + 1e-9, "\(s) at \(box)")
        }
    }

    @Test("tick labels never overlap")
    func ticksApart() {
        let canvas = RecordingCanvas(size: Size(300, 200))
        let layouts = FigureRenderer.draw(diagonalFigure(size: Size(300, 200)), on: canvas).compactMap(\.axes)
        let layout = layouts[0]
        let labels = layout.xTicks.filter { !$0.label.isEmpty }
        let font = Theme().tickLabelSize
        for (a, b) in zip(labels, labels.dropFirst()) {
            let wa = 0.6 * font * Double(MathText.plainText(a.label).count)
            let wb = 0.6 * font * Double(MathText.plainText(b.label).count)
            #expect(layout.x.map(b.value) - layout.x.map(a.value) >= (wa + wb) / 2)
        }
        #expect(labels.count >= 3)
    }

    @Test("the best legend position avoids the data")
    func bestLegend() throws {
        let canvas = RecordingCanvas(size: Size(480, 300))
        let layout = try #require(FigureRenderer.draw(diagonalFigure(), on: canvas)[0].axes)
        // The diagonal fills upper right and lower left; upper left comes first among the free corners.
        let legendText = boxes(canvas).first { $0.0 == "train" }!.1
        #expect(legendText.midX < layout.plotRect.midX)
        #expect(legendText.midY < layout.plotRect.midY)
    }

    @Test("an outside legend sits right of the plot area")
    func outsideLegend() throws {
        let canvas = RecordingCanvas(size: Size(480, 300))
        let layout = try #require(FigureRenderer.draw(diagonalFigure(legend: .outsideRight), on: canvas)[0].axes)
        let legendText = boxes(canvas).first { $0.0 == "train" }!.1
        #expect(legendText.minX > layout.plotRect.maxX)
        #expect(legendText.maxX <= 480)
    }

    @Test("data limits get margins; fixed limits are kept")
    func limits() {
        var axes = Axes()
        axes.add(LineSeries(xs: [0, 10], ys: [1, 3], style: StrokeStyle(color: .black)))
        axes.margin = 0.05
        let l = axes.resolvedLimits()
        #expect(abs(l.x.0 - -0.5) < 1e-12 && abs(l.x.1 - 10.5) < 1e-12)
        #expect(abs(l.y.0 - 0.9) < 1e-12 && abs(l.y.1 - 3.1) < 1e-12)
        axes.yLimits = AxisLimits(lower: 0, upper: nil)
        #expect(axes.resolvedLimits().y.0 == 0)
    }

    @Test("log axes ignore non-positive and non-finite values when scaling")
    func logLimits() {
        var axes = Axes()
        axes.yScale = .log
        axes.margin = 0
        axes.add(LineSeries(xs: [0, 1, 2, 3, 4], ys: [100, 0, -1, .nan, 0.1], style: StrokeStyle(color: .black)))
        let l = axes.resolvedLimits()
        #expect(abs(l.y.0 - 0.1) < 1e-12 && abs(l.y.1 - 100) < 1e-9)
    }

    @Test("log mapping puts decades evenly")
    func logMapping() {
        let m = AxisMapping(scale: .log, lower: 1, upper: 1000, start: 300, end: 0)
        #expect(abs(m.map(1) - 300) < 1e-9)
        #expect(abs(m.map(10) - 200) < 1e-9)
        #expect(abs(m.map(100) - 100) < 1e-9)
        #expect(abs(m.invert(150) - pow(10, 1.5)) < 1e-9)
    }
}

import Foundation

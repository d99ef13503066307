import Testing
import Foundation
import Canvas
import CairoCanvas
import Plot

/// Every kind of mark and axis the figure model offers, in a 2 × 2 panel figure, drawn
/// through Cairo and compared with a reviewed golden image; and the same figure checked
/// for geometry on a recording canvas.
@Suite("Figure model gallery")
struct FigureModelGalleryTests {
    static func figure() -> Figure {
        let theme = Theme()
        // Panel 1: y = x^2 with its tangent at x = 1 (slope 2, from d/dx x^2 = 2x), markers, annotation, arrow.
        var curve = Axes(title: "Line, scatter, annotation", xLabel: "$x$", yLabel: "$f(x) = x^2$")
        let xs = stride(from: -2.0, through: 2.0, by: 0.05).map { $0 }
        curve.add(LineSeries(xs: xs, ys: xs.map { $0 * $0 }, label: "$x^2$", style: StrokeStyle(color: theme.color(0), width: 1.6)))
        curve.add(LineSeries(xs: [-0.5, 2], ys: [-2, 3], label: "tangent at $x = 1$",
                             style: StrokeStyle(color: theme.color(1), width: 1.4, dash: [5, 3])))
        curve.add(ScatterSeries(xs: [-1, 1], ys: [1, 1], label: "$f(x) = 1$", marker: Marker(.circle, size: 7, fill: theme.color(2))))
        curve.add(TextAnnotation("slope $2x = 2$", x: 1, y: 1, horizontal: .left, vertical: .top, offset: Point(8, 6)))
        curve.add(ArrowAnnotation(from: (0.2, 3.2), to: (0, 0.1), color: theme.color(4)))
        // Panel 2: steps and a band.
        var band = Axes(title: "Step and band", xLabel: "epoch", yLabel: "accuracy")
        let epochs = (0...10).map(Double.init)
        let acc = epochs.map { 1 - 0.5 * exp(-$0 / 3) }
        band.add(BandSeries(xs: epochs, lower: acc.map { $0 - 0.05 }, upper: acc.map { min(1, $0 + 0.05) }, label: "±0.05",
                            color: theme.color(0).withAlpha(0.2)))
        band.add(LineSeries(xs: epochs, ys: acc, label: "mean", style: StrokeStyle(color: theme.color(0), width: 1.6),
                            interpolation: .stepsPost))
        band.add(ReferenceLine(.horizontal, at: 0.9, style: StrokeStyle(color: theme.color(4), width: 1, dash: [3, 3]), label: "target 0.9"))
        band.legend = .inside(.lowerRight)
        // Panel 3: log-log with a sub-decade x range.
        var loglog = Axes(title: "Log axes", xLabel: "$h$", yLabel: "error")
        loglog.xScale = .log
        loglog.yScale = .log
        let hs = stride(from: -1.0, through: -0.2, by: 0.05).map { pow(10, $0) }
        loglog.add(LineSeries(xs: hs, ys: hs.map { $0 * $0 }, label: "$h^2$", style: StrokeStyle(color: theme.color(2), width: 1.6),
                              marker: Marker(.square, size: 4, fill: theme.color(2))))
        // Panel 4: a legend outside.
        var outside = Axes(title: "Legend outside", xLabel: "step", yLabel: "$\\partial \\ell / \\partial w_k$")
        for k in 0..<3 {
            let steps = (0...50).map(Double.init)
            outside.add(LineSeries(xs: steps, ys: steps.map { exp(-$0 / Double(10 + 10 * k)) * cos($0 / 4) },
                                   label: "$w_{\(k + 1)}$", style: StrokeStyle(color: theme.color(k), width: 1.4)))
        }
        outside.legend = .outsideRight
        return Figure(size: Size(640, 440), title: "The figure model", panels: [curve, band, loglog, outside], columns: 2)
    }

    @Test("rendered through Cairo it matches the reviewed golden image")
    func golden() throws {
        let figure = Self.figure()
        let image = try FigureFileRenderer.renderRGB(size: figure.size, dpi: 108) { FigureRenderer.draw(figure, on: $0) }
        let png = try PNGFile.encode(rgb: image.pixels, width: image.width, height: image.height, dpi: 108,
                                     metadata: DocumentMetadata(software: "descent tests"))
        try GoldenImage.check(png: png, against: "figure-model")
    }

    @Test("four panels in a 2 × 2 grid, each inside its cell, none overlapping")
    func grid() {
        let figure = Self.figure()
        let canvas = RecordingCanvas(size: figure.size)
        let layouts = FigureRenderer.draw(figure, on: canvas).compactMap(\.axes)
        #expect(layouts.count == 4)
        for (i, a) in layouts.enumerated() {
            for b in layouts[(i + 1)...] { #expect(!a.plotRect.intersects(b.plotRect)) }
        }
        #expect(layouts[0].plotRect.maxX < layouts[1].plotRect.minX)
        #expect(layouts[0].plotRect.maxY < layouts[2].plotRect.minY)
        #expect(layouts[3].legendPlacement == .outsideRight)
        // The sub-decade log x axis still labels at least three ticks.
        #expect(layouts[2].xTicks.filter { !$0.label.isEmpty }.count >= 3)
    }
}

import Testing
import Canvas
import Foundation
@testable import Plot

/// The figure grid: spans, mosaics, weights, shared axes and panel letters.
@Suite("Figure grid")
struct FigureGridTests {
    func line(_ xs: [Double], _ ys: [Double]) -> Axes {
        var axes = Axes(xLabel: "x", yLabel: "y")
        axes.add(LineSeries(xs: xs, ys: ys, style: StrokeStyle(color: .black, width: 1)))
        axes.legend = .none
        return axes
    }

    @Test("a mosaic \"AB;CC\" gives two cells on top and one spanning the bottom row")
    func mosaic() throws {
        let grid = try FigureMosaic.parse("AB;CC")
        #expect(grid.rows == 2 && grid.columns == 2)
        #expect(grid.areas.map(\.name) == ["A", "B", "C"])
        #expect(grid.areas[2].row == 1 && grid.areas[2].column == 0 && grid.areas[2].columnSpan == 2 && grid.areas[2].rowSpan == 1)
        let tall = try FigureMosaic.parse("AB\nAC")
        #expect(tall.areas[0].rowSpan == 2 && tall.areas[0].columnSpan == 1)
    }

    @Test("mosaics that are not grids of rectangles are refused with the reason", arguments: [
        ("AB;C", "row 2 has 1 cells"), ("AB;BA", "not a rectangle"), ("ABA", "not a rectangle"), ("", "no cells"),
    ])
    func badMosaic(text: String, reason: String) {
        #expect { try FigureMosaic.parse(text) } throws: { ($0 as? FigureMosaic.Failure)?.description.contains(reason) == true }
    }

    @Test("a figure refuses a mosaic letter without a panel")
    func mosaicWithoutPanel() {
        #expect(throws: FigureMosaic.Failure.self) {
            try Figure(size: Size(400, 300), mosaic: "AB", panels: ["A": line([0, 1], [0, 1])])
        }
    }

    @Test("a spanning panel's cell covers its cells exactly; weights split the width in proportion")
    func spansAndWeights() throws {
        var figure = try Figure(size: Size(600, 400), mosaic: "AB;CC",
                                panels: ["A": line([0, 1], [0, 1]), "B": line([0, 1], [1, 0]), "C": line([0, 2], [0, 4])])
        var layouts = FigureRenderer.draw(figure, on: RecordingCanvas(size: figure.size))
        #expect(layouts[0].cell == Rect(x: 0, y: 0, width: 300, height: 200))
        #expect(layouts[1].cell == Rect(x: 300, y: 0, width: 300, height: 200))
        #expect(layouts[2].cell == Rect(x: 0, y: 200, width: 600, height: 200))
        figure.columnWeights = [2, 1]
        layouts = FigureRenderer.draw(figure, on: RecordingCanvas(size: figure.size))
        #expect(abs(layouts[0].cell.width - 400) < 1e-9 && abs(layouts[1].cell.minX - 400) < 1e-9)
        #expect(layouts[2].cell.width == 600)
    }

    @Test("shared x: both panels of a column get the union of their limits, and only the bottom one its tick labels")
    func sharedX() throws {
        var figure = Figure(size: Size(400, 500), panels: [line([0, 10], [0, 1]), line([5, 40], [3, 2])], columns: 1)
        figure.sharedX = .column
        let canvas = RecordingCanvas(size: figure.size)
        let layouts = FigureRenderer.draw(figure, on: canvas)
        let top = try #require(layouts[0].axes), bottom = try #require(layouts[1].axes)
        #expect(top.x.lower == bottom.x.lower && top.x.upper == bottom.x.upper)
        #expect(top.x.lower <= 0 && top.x.upper >= 40)
        // y stays separate.
        #expect(top.y.upper < 2)
        #expect(top.xTickLayouts.allSatisfy { $0 == nil })
        #expect(bottom.xTickLayouts.contains { $0 != nil })
        #expect(top.yTickLayouts.contains { $0 != nil })
    }

    @Test("shared y across a row: the right panel hides its y tick labels")
    func sharedY() throws {
        var figure = Figure(size: Size(600, 300), panels: [line([0, 1], [0, 1]), line([0, 1], [-5, 2])], columns: 2)
        figure.sharedY = .row
        let layouts = FigureRenderer.draw(figure, on: RecordingCanvas(size: figure.size))
        let left = try #require(layouts[0].axes), right = try #require(layouts[1].axes)
        #expect(left.y.lower == right.y.lower && left.y.upper == right.y.upper && left.y.lower <= -5)
        #expect(right.yTickLayouts.allSatisfy { $0 == nil } && left.yTickLayouts.contains { $0 != nil })
    }

    @Test("panel letters run (a), (b), ..., (z), (aa) and sit above each panel's content")
    func letters() {
        #expect(FigureRenderer.panelLetter(0) == "(a)")
        #expect(FigureRenderer.panelLetter(25) == "(z)")
        #expect(FigureRenderer.panelLetter(26) == "(aa)")
        var figure = Figure(size: Size(600, 300), panels: [line([0, 1], [0, 1]), line([0, 1], [1, 0])], columns: 2)
        figure.panelLetters = true
        let canvas = RecordingCanvas(size: figure.size)
        let layouts = FigureRenderer.draw(figure, on: canvas)
        for (letter, layout) in zip(["(a)", "(b)"], layouts) {
            guard case let .text(_, origin, _, _, _)? = canvas.operations.first(where: {
                if case let .text(s, _, _, _, _) = $0 { return s == letter } else { return false }
            }) else { Issue.record("no \(letter)"); continue }
            #expect(origin.y <= layout.cell.minY + 1e-9, "\(letter) is drawn above its panel's cell")
            #expect(origin.x < layout.content.minX)
        }
    }
}

/// The one scale type: transforms, fractions and ticks for linear and log scales.
@Suite("Scales")
struct ScaleTests {
    @Test("value(atFraction:) inverts fraction(_:) on linear and log scales", arguments: [
        (AxisScale.linear, -3.0, 7.0), (AxisScale.log, 1e-3, 1e4), (AxisScale.log, 2.0, 50.0),
    ])
    func roundTrip(scale: AxisScale, lower: Double, upper: Double) {
        for t in stride(from: 0.0, through: 1.0, by: 0.125) {
            let v = scale.value(atFraction: t, lower: lower, upper: upper)
            #expect(abs(scale.fraction(v, lower: lower, upper: upper) - t) < 1e-12)
        }
        let mapping = AxisMapping(scale: scale, lower: lower, upper: upper, start: 100, end: 20)
        for v in [lower, upper, scale.value(atFraction: 0.3, lower: lower, upper: upper)] {
            #expect(abs(mapping.invert(mapping.map(v)) - v) <= 1e-12 * abs(v))
        }
    }

    @Test("log fractions are fractions of decades: 10 is halfway from 1 to 100; the midpoint of 1..100 is 10")
    func logFractions() {
        #expect(abs(AxisScale.log.fraction(10, lower: 1, upper: 100) - 0.5) < 1e-15)
        #expect(abs(AxisScale.log.value(atFraction: 0.5, lower: 1, upper: 100) - 10) < 1e-12)
        #expect(AxisScale.linear.fraction(2.5, lower: 0, upper: 10) == 0.25)
        let colors = ColorScale(lower: 1, upper: 1000, isLog: true)
        #expect(abs(colors.fraction(10)! - 1.0 / 3) < 1e-15)
        #expect(colors.fraction(0) == 0 && colors.fraction(.nan) == nil && colors.fraction(1e6) == 1)
    }

    @Test("tick proposals: decades on a log scale, round steps on a linear one")
    func ticks() {
        let log = AxisScale.log.ticks(lower: 1, upper: 1e4, maxTicks: 6).filter(\.isMajor).map(\.value)
        #expect(log == [1, 10, 100, 1000, 10000])
        let linear = AxisScale.linear.ticks(lower: 0, upper: 1, maxTicks: 6).map(\.value)
        #expect(linear.count >= 5 && linear.first == 0 && abs(linear.last! - 1) < 1e-12)
        #expect(ColorScale(lower: 1, upper: 1e4, isLog: true).ticks(maxTicks: 6).filter(\.isMajor).map(\.value) == log)
    }

    @Test("the surface colour policy: log past 3 decades, diverging for signed values, linear otherwise")
    func colourPolicy() {
        let wide = (0..<100).map { pow(10, Double($0) / 20) }   // 1 to about 10^5
        #expect(ColorScale.forSurface(wide, log: nil, colormap: nil).scale.isLog)
        #expect(!ColorScale.forSurface(wide, log: false, colormap: nil).scale.isLog)
        let signed = ColorScale.forSurface([-1, 0.5, 3], log: nil, colormap: nil)
        #expect(signed.scale.lower == -3 && signed.scale.upper == 3 && signed.colormap.name == "rdbu")
        let narrow = ColorScale.forSurface([1, 2, 5], log: nil, colormap: nil)
        #expect(!narrow.scale.isLog && narrow.scale.lower == 1 && narrow.scale.upper == 5)
    }
}

import Foundation
import Canvas
import Testing
@testable import Plot

/// Colour maps against their published end colours, heatmap rasterising, label placement.
struct LandscapeMarkTests {
    /// First and last entries as published (matplotlib docs and the cividis paper): hex RGB.
    @Test(arguments: [("viridis", 0x440154, 0xFDE725), ("magma", 0x000004, 0xFCFDBF),
                      ("inferno", 0x000004, 0xFCFFA4), ("cividis", 0x00224E, 0xFEE838)])
    func colormapEndsMatchThePublishedColours(name: String, low: Int, high: Int) {
        let map = Colormap.named(name)!
        #expect(map.table.count == 768)
        let b = map.bytes
        func hex(_ k: Int) -> Int { Int(b[3 * k]) << 16 | Int(b[3 * k + 1]) << 8 | Int(b[3 * k + 2]) }
        #expect(hex(0) == low)
        #expect(hex(255) == high)
    }

    @Test func viridisMiddleIsTheTealEntry() {
        // matplotlib: viridis(0.5) = (0.127568, 0.566949, 0.550556), entry 128.
        let c = Colormap.viridis.color(0.5)
        #expect(abs(c.red - 0.127568) < 1e-6 && abs(c.green - 0.566949) < 1e-6 && abs(c.blue - 0.550556) < 1e-6)
    }

    @Test func divergingMapIsWhiteInTheMiddleAndBlueBelowRedAbove() {
        let map = Colormap.rdbu
        let mid = map.color(0.5)
        #expect(mid.red > 0.9 && mid.green > 0.9 && mid.blue > 0.9)
        #expect(map.color(0).blue > map.color(0).red)
        #expect(map.color(1).red > map.color(1).blue)
    }

    @Test func colorScalesMapLinearlyOrByLogarithm() {
        #expect(ColorScale(lower: 0, upper: 10, isLog: false).fraction(2.5) == 0.25)
        #expect(abs(ColorScale(lower: 1, upper: 1000, isLog: true).fraction(10)! - 1.0 / 3) < 1e-12)
        #expect(ColorScale(lower: 1, upper: 1000, isLog: true).fraction(0) == 0)
        #expect(ColorScale(lower: 0, upper: 1, isLog: false).fraction(.nan) == nil)
        #expect(ColorScale(lower: 0, upper: 1, isLog: false).fraction(5) == 1)
    }

    @Test func heatmapPutsHighYOnTopAndMarksInvalidCells() {
        let invalid = Color(hex: 0xFF00FF)
        let h = Heatmap(xs: [0, 1], ys: [0, 1], values: [0, 1, .nan, 1], colormap: .viridis,
                        scale: ColorScale(lower: 0, upper: 1, isLog: false), invalidColor: invalid)
        #expect(h.invalidCount == 1)
        // Image row 0 is y = 1: (x 0, y 1) is NaN, (x 1, y 1) is 1 (yellow); row 1 is y = 0.
        #expect(Array(h.image.rgba[0..<3]) == [255, 0, 255])
        #expect(Array(h.image.rgba[4..<7]) == [0xFD, 0xE7, 0x25])
        #expect(Array(h.image.rgba[8..<11]) == [0x44, 0x01, 0x54])
        #expect(h.extent == DataBounds(minX: -0.5, maxX: 1.5, minY: -0.5, maxY: 1.5))
    }

    @Test func contourLabelsStayInsideAndDoNotOverlap() {
        // Concentric circles 0.05 apart: many levels compete for space near each other.
        var lines: [ContourLines.Line] = []
        for k in 1...30 {
            let r = 0.05 * Double(k)
            let ts = (0...200).map { Double($0) / 200 * 2 * Double.pi }
            lines.append(.init(level: r, xs: ts.map { r * cos($0) }, ys: ts.map { r * sin($0) }))
        }
        let mark = ContourLines(lines: lines, style: StrokeStyle(color: .white, width: 0.6))
        let canvas = RecordingCanvas(size: Size(400, 400))
        let plot = Rect(x: 20, y: 20, width: 360, height: 360)
        let context = PlotContext(canvas: canvas, plotRect: plot,
                                  x: AxisMapping(scale: .linear, lower: -1.6, upper: 1.6, start: plot.minX, end: plot.maxX),
                                  y: AxisMapping(scale: .linear, lower: -1.6, upper: 1.6, start: plot.maxY, end: plot.minY),
                                  theme: Theme())
        let labels = mark.placeLabels(in: context)
        #expect(labels.count >= 5)
        for (i, a) in labels.enumerated() {
            #expect(plot.contains(Point(a.boundingBox.minX, a.boundingBox.minY)))
            #expect(plot.contains(Point(a.boundingBox.maxX, a.boundingBox.maxY)))
            for b in labels[(i + 1)...] { #expect(!a.boundingBox.intersects(b.boundingBox)) }
        }
    }

    @Test(arguments: [(0.5, "0.5"), (12.5, "12.5"), (1234.5, "1235"), (0.000123, "1.23e\u{2212}4"), (3.0e6, "3e6"), (-2.25, "\u{2212}2.25")])
    func levelLabelsHaveThreeSignificantDigits(value: Double, text: String) {
        #expect(ContourLines.format(value) == text)
    }
}

/// The quiver mark: arrows along the vectors on the canvas (y up in data, down on the canvas).
struct QuiverMarkTests {
    @Test func arrowsFollowTheVectorsAndClipAtTheReferenceLength() {
        let plot = Rect(x: 0, y: 0, width: 100, height: 100)
        let context = PlotContext(canvas: RecordingCanvas(size: Size(100, 100)), plotRect: plot,
                                  x: AxisMapping(scale: .linear, lower: 0, upper: 10, start: 0, end: 100),
                                  y: AxisMapping(scale: .linear, lower: 0, upper: 10, start: 100, end: 0), theme: Theme())
        // Norms 1, 1, 2, 0 (left out), 100 (clipped): the 90th percentile of [1, 1, 2, 100] is 100.
        let mark = QuiverMark(xs: [5, 5, 5, 5, 5], ys: [5, 5, 5, 5, 5], us: [1, 0, 2, 0, 100], vs: [0, 1, 0, 0, 0], cellSize: 20)
        let arrows = mark.arrows(in: context)
        #expect(arrows.count == 4)
        #expect(arrows[0].0 == Point(50, 50))
        #expect(abs(arrows[0].1.x - 50.2) < 1e-9 && arrows[0].1.y == 50)   // 20 * 1/100 to the right
        #expect(abs(arrows[1].1.y - 49.8) < 1e-9 && arrows[1].1.x == 50)   // up on the canvas
        #expect(abs(arrows[3].1.x - 70) < 1e-9)                            // the reference length
    }
}

/// Contour labels keep clear of the points they are told to avoid.
struct ContourLabelAvoidanceTests {
    /// The unit square on a 200 x 200 point plot.
    static func context() -> PlotContext {
        PlotContext(canvas: RecordingCanvas(size: Size(200, 200)), plotRect: Rect(x: 0, y: 0, width: 200, height: 200),
                    x: AxisMapping(scale: .linear, lower: 0, upper: 1, start: 0, end: 200),
                    y: AxisMapping(scale: .linear, lower: 0, upper: 1, start: 200, end: 0), theme: Theme())
    }

    @Test func labelsKeepClearOfAvoidedPoints() {
        let xs = (0...100).map { Double($0) / 100 }
        let line = ContourLines.Line(level: 0.5, xs: xs, ys: xs.map { _ in 0.5 })
        let context = Self.context()
        var mark = ContourLines(lines: [line], style: StrokeStyle(color: .white))
        let free = mark.placeLabels(in: context)
        #expect(free.count == 1 && abs(free[0].center.x - 100) < 2)   // the middle of the line
        mark.avoid = [(0.5, 0.5)]
        let moved = mark.placeLabels(in: context)
        #expect(moved.count == 1)
        // Clear of a minimum's cross (7 points from its centre) with a gap.
        #expect(!moved[0].covers(Point(100, 100), pad: 10))
    }

    @Test func aSegmentCrossesARotatedLabelExactlyWhereItsBoxIs() {
        // A 20 x 10 label turned 90 degrees at (50, 50): on the canvas it spans x 45...55, y 40...60.
        let label = ContourLines.Label(text: "4", center: Point(50, 50), angle: .pi / 2, width: 20, height: 10)
        #expect(label.crosses(Point(0, 58), Point(100, 58), pad: 0))       // through its lower part
        #expect(!label.crosses(Point(0, 62), Point(100, 62), pad: 0))      // below it
        #expect(label.crosses(Point(0, 62), Point(100, 62), pad: 2.5))     // within the padding
        #expect(label.crosses(Point(52, 52), Point(53, 53), pad: 0))       // wholly inside
        #expect(!label.crosses(Point(56, 0), Point(56, 100), pad: 0))      // right of it, parallel
        #expect(!label.crosses(Point(0, 0), Point(30, 30), pad: 0))        // short of it on the diagonal
        #expect(label.crosses(Point(0, 0), Point(45.5, 45.5), pad: 0))     // reaching its corner
    }

    @Test func labelsMoveOffArrowsWhereTheLineLeavesRoom() {
        let xs = (0...100).map { Double($0) / 100 }
        let line = ContourLines.Line(level: 0.5, xs: xs, ys: xs.map { _ in 0.5 })
        let context = Self.context()
        var mark = ContourLines(lines: [line], style: StrokeStyle(color: .white))
        // One upward arrow through the middle of the line, where the label goes without it.
        mark.avoidArrows = QuiverMark(xs: [0.5], ys: [0.45], us: [0], vs: [1], cellSize: 20)
        let arrows = mark.avoidArrows!.arrows(in: context)
        #expect(arrows.count == 1)
        let placed = mark.placeLabels(in: context)
        #expect(placed.count == 1)
        #expect(!placed[0].crosses(arrows[0].0, arrows[0].1, pad: mark.arrowClearance))
        // Arrows across the whole line: the label still goes on, across one.
        let columns = (0...20).map { Double($0) / 20 }
        mark.avoidArrows = QuiverMark(xs: columns, ys: columns.map { _ in 0.45 }, us: columns.map { _ in 0 }, vs: columns.map { _ in 1 },
                                      cellSize: 20)
        #expect(mark.placeLabels(in: context).count == 1)
    }

    @Test func labelsStayOutOfKeepOutRectangles() {
        let xs = (0...100).map { Double($0) / 100 }
        let line = ContourLines.Line(level: 0.5, xs: xs, ys: xs.map { _ in 0.5 })
        var context = Self.context()
        // A legend-sized box over the middle of the line, where the label would go.
        let legend = Rect(x: 70, y: 85, width: 60, height: 30)
        context.keepOut = [legend]
        let labels = ContourLines(lines: [line], style: StrokeStyle(color: .white)).placeLabels(in: context)
        #expect(labels.count == 1)
        #expect(!labels[0].boundingBox.intersects(legend))
    }

    @Test func theFigureRendererKeepsContourLabelsFromUnderAnInsideLegend() throws {
        let xs = (0...100).map { Double($0) / 100 }
        var axes = Axes()
        axes.xLimits = AxisLimits(lower: 0, upper: 1)
        axes.yLimits = AxisLimits(lower: 0, upper: 1)
        axes.add(ContourLines(lines: [.init(level: 0.5, xs: xs, ys: xs.map { _ in 0.5 })], style: StrokeStyle(color: .white)))
        axes.add(LegendRow(LegendEntry(label: "a long legend entry", sample: .patch(.white))))
        axes.legend = .inside(.center)
        let canvas = RecordingCanvas(size: Size(400, 300))
        let layout = try #require(FigureRenderer.draw(Figure(size: Size(400, 300), panels: [axes]), on: canvas).first?.axes)
        let legend = try #require(layout.legend).rect(at: .center, in: layout.plotRect)
        let label = try #require(canvas.operations.compactMap { op -> Point? in
            if case let .text(s, p, _, _, _) = op, s == "0.5" { return p } else { return nil }
        }.first)
        #expect(!legend.insetBy(-3).contains(label))
        #expect(abs(label.y - layout.y.map(0.5)) < 10)   // still on its line
    }
}

import Canvas
import Foundation
import Testing
@testable import Plot

/// Paths that run under others are widened so they show; start and end circles go on top.
struct OptimizerPathStackTests {
    static let plot = Rect(x: 0, y: 0, width: 200, height: 200)
    static func context(_ canvas: Canvas) -> PlotContext {
        PlotContext(canvas: canvas, plotRect: plot,
                    x: AxisMapping(scale: .linear, lower: 0, upper: 1, start: 0, end: 200),
                    y: AxisMapping(scale: .linear, lower: 0, upper: 1, start: 200, end: 0), theme: Theme())
    }
    static func path(_ y: Double, _ color: Color) -> OptimizerPathMark {
        let xs = (0...20).map { 0.1 + 0.04 * Double($0) }
        return OptimizerPathMark(xs: xs, ys: xs.map { _ in y }, label: "p", color: color)
    }

    static func path(_ y: Double, _ color: Color, to end: Double) -> OptimizerPathMark {
        let xs = (0...20).map { 0.1 + 0.04 * Double($0) }.filter { $0 <= end + 1e-9 }
        return OptimizerPathMark(xs: xs, ys: xs.map { _ in y }, label: "p", color: color)
    }

    @Test func aPathHiddenUnderAnotherGetsABorderWiderThanItAndItsHalo() {
        let stack = OptimizerPathStack([Self.path(0.5, Color(hex: 0xD55E00)), Self.path(0.5, Color(hex: 0x0072B2))])
        let borders = stack.borders(in: Self.context(RecordingCanvas(size: Size(200, 200))))
        #expect(borders[1].segments.isEmpty)
        // Every one of its 20 steps is hidden; the border is wider than the top line plus its halo, by a visible margin each side.
        #expect(borders[0].segments.count == 20)
        #expect(borders[0].width >= OptimizerPathMark.standardWidth + OptimizerPathMark.haloExtra + 2)
    }

    @Test func onlyTheHiddenStretchGetsABorder() {
        // The top path covers x = 0.1 ... 0.5 of the bottom one: its first 10 steps of 0.04.
        let stack = OptimizerPathStack([Self.path(0.5, Color(hex: 0xD55E00)), Self.path(0.5, Color(hex: 0x0072B2), to: 0.5)])
        let borders = stack.borders(in: Self.context(RecordingCanvas(size: Size(200, 200))))
        #expect(borders[0].segments.count == 10)
        #expect(borders[0].segments.allSatisfy { $0.1.x <= 0.5 * 200 + 1e-9 })
    }

    @Test func pathsApartGetNoBorder() {
        // 0.1 apart in data is 20 points on the canvas.
        let stack = OptimizerPathStack([Self.path(0.4, Color(hex: 0xD55E00)), Self.path(0.5, Color(hex: 0x0072B2))])
        let borders = stack.borders(in: Self.context(RecordingCanvas(size: Size(200, 200))))
        #expect(borders.allSatisfy { $0.segments.isEmpty })
    }

    @Test func endCirclesArePaintedAfterEveryLine() {
        let canvas = RecordingCanvas(size: Size(200, 200))
        let top = Color(hex: 0x0072B2)
        OptimizerPathStack([Self.path(0.5, Color(hex: 0xD55E00)), Self.path(0.5, top)]).draw(in: Self.context(canvas))
        let ops = canvas.operations
        let lastLine = ops.lastIndex { if case let .stroke(_, s) = $0 { return s.color == top && s.width == OptimizerPathMark.standardWidth } else { return false } }
        // The bottom path's end circle (radius 4.2 at its last iterate, (0.9, 0.5) -> (180, 100)), in its colour.
        let bottomEnd = ops.firstIndex(of: .fill(.circle(center: Point(180, 100), radius: 4.2), Color(hex: 0xD55E00)))
        #expect(lastLine != nil && bottomEnd != nil)
        #expect(bottomEnd! > lastLine!)
    }
}

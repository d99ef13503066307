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

    @Test func aPathHiddenUnderAnotherIsDrawnWiderThanItAndItsHalo() {
        let stack = OptimizerPathStack([Self.path(0.5, Color(hex: 0xD55E00)), Self.path(0.5, Color(hex: 0x0072B2))])
        let widths = stack.lineWidths(in: Self.context(RecordingCanvas(size: Size(200, 200))))
        #expect(widths[1] == OptimizerPathMark.standardWidth)
        // Wider than the top line plus its halo, by a visible border on each side.
        #expect(widths[0] >= widths[1] + OptimizerPathMark.haloExtra + 2)
    }

    @Test func pathsApartKeepTheirWidth() {
        // 0.1 apart in data is 20 points on the canvas.
        let stack = OptimizerPathStack([Self.path(0.4, Color(hex: 0xD55E00)), Self.path(0.5, Color(hex: 0x0072B2))])
        let widths = stack.lineWidths(in: Self.context(RecordingCanvas(size: Size(200, 200))))
        #expect(widths == [OptimizerPathMark.standardWidth, OptimizerPathMark.standardWidth])
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

import Testing
import Canvas
@testable import Plot

/// The terminal preview of panels it can draw only in part, or not at all.
@Suite("Terminal preview of any panel")
struct TerminalPanelTests {
    @Test("marks the terminal cannot draw are named on a line of their own")
    func omittedMarks() {
        var axes = Axes(title: "bowl", xLabel: "w", yLabel: "L")
        axes.add(Heatmap(xs: [0, 1], ys: [0, 1], values: [0, 1, 1, 2], colormap: .viridis, scale: ColorScale(lower: 0, upper: 2, isLog: false)))
        axes.add(ContourLines(lines: [.init(level: 1, xs: [0, 1], ys: [1, 0])], style: StrokeStyle(color: .white, width: 1), labelColor: .white))
        axes.add(LineSeries(xs: [0, 1], ys: [0, 1], label: "path", style: StrokeStyle(color: .black, width: 1)))
        #expect(TerminalChart.omittedMarks(axes) == ["heatmap", "contour lines"])
        let lines = TerminalChart.renderLines(axes, columns: 80, rows: 20, theme: Theme(), ansiColor: false)
        #expect(lines.count == 20)
        #expect(lines.last == "not drawn here: heatmap, contour lines")
    }

    @Test("a line chart has no such line")
    func nothingOmitted() {
        var axes = Axes(xLabel: "step", yLabel: "loss")
        axes.add(LineSeries(xs: [0, 1, 2], ys: [3, 2, 1], label: "loss", style: StrokeStyle(color: .black, width: 1)))
        #expect(TerminalChart.omittedMarks(axes).isEmpty)
        let text = TerminalChart.render(panel: axes, columns: 60, rows: 14, theme: Theme(), ansiColor: false)
        #expect(!text.contains("not drawn here"))
    }

    @Test("a panel without 2D axes says what it is")
    func noAxes() {
        let mesh = SurfaceMesh3D(xs: [0, 1], ys: [0, 1], values: [0, 1, 1, 2], colormap: .viridis,
                                 scale: ColorScale(lower: 0, upper: 2, isLog: false), paths: [], xLabel: "x", yLabel: "y")
        let panel = SurfacePanel(mesh: mesh, colorBar: ColorBar(colormap: .viridis, scale: ColorScale(lower: 0, upper: 2, isLog: false), label: "L"))
        #expect(TerminalChart.render(panel: panel, columns: 60, rows: 14, theme: Theme(), ansiColor: false)
                == "(a 3D surface panel: not drawn in the terminal)")
    }
}

import Testing
import Canvas
@testable import Plot

/// Long titles and axis labels shrink or are cut to fit the figure; a legend with more entries
/// than fit ends with "... and N more" inside the figure.
@Suite("Long titles, labels and legends")
struct LongTextLayoutTests {
    func figure(title: String, yLabel: String, series: Int, size: Size = Size(480, 300)) -> Figure {
        var axes = Axes(title: title, xLabel: "step", yLabel: yLabel)
        let xs = (0...20).map(Double.init)
        for i in 0..<series {
            axes.add(LineSeries(xs: xs, ys: xs.map { 1 / ($0 + 1) + Double(i) * 0.001 }, label: "run\(i)",
                                style: StrokeStyle(color: .black)))
        }
        axes.legend = .outsideRight
        return Figure(size: size, panels: [axes])
    }

    /// Every horizontal text's box (RecordingCanvas metrics: 0.6 em advance).
    func boxes(_ canvas: RecordingCanvas) -> [(String, Rect)] {
        canvas.operations.compactMap { op in
            guard case .text(let s, let p, let font, _, let rotation) = op, rotation == 0 else { return nil }
            return (s, Rect(x: p.x, y: p.y - 0.75 * font.size, width: 0.6 * font.size * Double(s.count), height: font.size))
        }
    }

    @Test("a 300-character title and a 150-character y label stay inside the figure")
    func longTextInside() throws {
        let size = Size(480, 300)
        let canvas = RecordingCanvas(size: size)
        let title = String(repeating: "A very long title about learning rates ", count: 8)
        let label = String(repeating: "training loss on the held-out batch ", count: 4)
        let layouts = FigureRenderer.draw(figure(title: title, yLabel: label, series: 2, size: size), on: canvas).compactMap(\.axes)
        let yLabel = try #require(layouts[0].yLabel)
        #expect(yLabel.width <= size.height, "the rotated y label fits the figure's height")
        let texts = boxes(canvas)
        #expect(texts.contains { $0.0.hasPrefix("A very long title") })
        for (s, box) in texts {
            #expect(box.minX >= -1e-9 && box.maxX <= size.width + 1e-9, "\(s.prefix(30)) at \(box)")
            #expect(box.minY >= -1e-9 && box.maxY <= size.height + 1e-9, "\(s.prefix(30)) at \(box)")
        }
    }

    @Test("300 series: the legend ends with '... and N more' and fits the figure; N + shown = 300")
    func legendOverflow() throws {
        let size = Size(480, 300)
        let canvas = RecordingCanvas(size: size)
        FigureRenderer.draw(figure(title: "three hundred", yLabel: "loss", series: 300, size: size), on: canvas)
        let texts = boxes(canvas)
        let more = try #require(texts.first { $0.0.hasPrefix("... and ") })
        let n = try #require(Int(more.0.split(separator: " ")[2]))
        let shown = texts.filter { $0.0.hasPrefix("run") }.count
        #expect(n + shown == 300)
        #expect(more.1.maxY <= size.height)
    }
}

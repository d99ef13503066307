import Foundation
import Testing
import Canvas
import CairoCanvas
import Plot

/// `descent plot`'s conventions end to end: --xlim, --log-x, --ignore-outliers, per-series
/// styles, --font-size, --theme and --transparent; each bad value is one clear line.
@Suite("descent plot conventions")
struct PlotConventionTests {
    static func png(_ arguments: [String], csv: String = "step,loss,val_loss\n0,2,2.2\n1,1,1.3\n2,0.5,0.9\n3,0.25,0.7\n") throws -> [UInt8] {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = try dir.write("run.csv", csv)
        let out = dir.path("out.png")
        let r = try DescentProcess.run(["plot", log, "-o", out, "--size", "320x240", "--dpi", "72"] + arguments)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: out)))
    }

    static func pixels(_ arguments: [String]) throws -> [UInt8] { try PNGFile.decodeRGB(try png(arguments)).pixels }

    @Test("a leading minus is a value: --xlim -5,10 as --xlim=-5,10")
    func xlimLeadingMinus() throws {
        let spaced = try Self.pixels(["--xlim", "-5,10"])
        #expect(spaced == (try Self.pixels(["--xlim=-5,10"])))
        #expect(spaced != (try Self.pixels([])))
    }

    @Test("matplotlib's short line styles mean the named ones; -- differs from solid")
    func shortLineStyles() throws {
        let dashed = try Self.pixels(["--linestyle=--"])
        #expect(dashed == (try Self.pixels(["--linestyle", "dashed"])))
        #expect(dashed != (try Self.pixels(["--linestyle", "-"])))
        #expect((try Self.pixels(["--linestyle", "-."])) == (try Self.pixels(["--linestyle", "dashdot"])))
    }

    @Test("every style option changes the picture")
    func optionsChangeThePicture() throws {
        let plain = try Self.pixels([])
        for options in [["--color", "tab:red"], ["--marker", "o"], ["--linewidth", "4"], ["--font-size", "16"], ["--theme", "slides"],
                        ["--log-x"], ["--color", "C2", "--color", "#000000"]] {
            #expect(try Self.pixels(options) != plain, "\(options)")
        }
    }

    @Test("--transparent writes an RGBA PNG and an SVG without the white page")
    func transparentFiles() throws {
        let clear = try Self.png(["--transparent"])
        #expect(try PNGChunks(clear).colorType == 6)
        #expect(try PNGChunks(try Self.png([])).colorType == 2)
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = try dir.write("run.csv", "step,loss\n0,1\n1,0.5\n")
        for (name, extra) in [("clear.svg", ["--transparent"]), ("white.svg", [])] {
            let r = try DescentProcess.run(["plot", log, "-o", dir.path(name)] + extra)
            #expect(r.status == 0, "stderr: \(r.stderr)")
        }
        let page = "<rect width=\"480\" height=\"300\" fill=\"#ffffff\"/>"
        #expect(!(try String(contentsOfFile: dir.path("clear.svg"), encoding: .utf8)).contains(page))
        #expect((try String(contentsOfFile: dir.path("white.svg"), encoding: .utf8)).contains(page))
    }

    @Test("a transparent raster is clear where nothing is drawn and opaque on the lines")
    func transparentRaster() throws {
        let size = Size(100, 80)
        let image = try FigureFileRenderer.renderRGBA(size: size, dpi: 72) { canvas in
            var p = Path()
            p.move(to: Point(0, 40)); p.line(to: Point(100, 40))
            canvas.stroke(p, style: StrokeStyle(color: Color(hex: 0x0072B2), width: 4))
        }
        func pixel(_ x: Int, _ y: Int) -> [UInt8] { Array(image.pixels[(y * image.width + x) * 4..<(y * image.width + x) * 4 + 4]) }
        #expect(pixel(5, 5) == [0, 0, 0, 0])
        #expect(pixel(50, 40) == [0x00, 0x72, 0xB2, 255])
    }

    @Test("a transparent figure laid over white is the opaque figure, up to rounding")
    func transparentOverWhite() throws {
        let curve = LossCurve(run: "r", series: "loss", xs: [0, 1, 2, 3], ys: [2, 1, 0.5, 0.25])
        var figure = Figure(size: Size(240, 160), panels: [LossCurveChart.axes([curve], options: LossChartOptions(xLabel: "step", yLabel: "loss"),
                                                                              theme: Theme()).axes])
        let opaque = try FigureFileRenderer.renderRGB(size: figure.size, dpi: 72) { FigureRenderer.draw(figure, on: $0) }
        figure.transparentBackground = true
        let clear = try FigureFileRenderer.renderRGBA(size: figure.size, dpi: 72) { FigureRenderer.draw(figure, on: $0) }
        var worst = 0, transparent = 0
        for i in 0..<(opaque.width * opaque.height) {
            let a = Double(clear.pixels[4 * i + 3]) / 255
            if a == 0 { transparent += 1 }
            for k in 0..<3 {
                let over = Double(clear.pixels[4 * i + k]) * a + 255 * (1 - a)
                worst = max(worst, Int(abs(over - Double(opaque.pixels[3 * i + k])).rounded()))
            }
        }
        #expect(worst <= 2)
        #expect(transparent > opaque.width * opaque.height / 2)
    }

    @Test("a PNG encoded straight from the Cairo surface decodes to the pixels of the packed RGB raster")
    func directPNGMatchesPackedPixels() throws {
        // Colours with distinct red, green and blue bytes, so a swapped channel shows.
        func draw(_ canvas: Canvas) {
            canvas.fill(.rect(Rect(x: 10, y: 10, width: 60, height: 30)), color: Color(hex: 0x123456))
            var p = Path()
            p.move(to: Point(0, 70)); p.line(to: Point(130, 20))
            canvas.stroke(p, style: StrokeStyle(color: Color(hex: 0xD55E00), width: 3))
            canvas.drawText("Descent", at: Point(20, 90), font: Font(family: "DejaVu Sans", size: 14), color: Color(hex: 0x0072B2))
        }
        let size = Size(131, 97)  // odd sizes: the surface's row stride is wider than its pixels
        let packed = try FigureFileRenderer.renderRGB(size: size, dpi: 72, draw: draw)
        let png = try FigureFileRenderer.render(format: .png, size: size, dpi: 72,
                                                metadata: DocumentMetadata(title: "t", command: nil, software: "test"), draw: draw)
        let decoded = try PNGFile.decodeRGB(png)
        #expect(decoded.width == packed.width && decoded.height == packed.height)
        #expect(decoded.pixels == packed.pixels)
        #expect(packed.pixels[3 * (20 * packed.width + 20)..<3 * (20 * packed.width + 20) + 3] == [0x12, 0x34, 0x56])
    }

    @Test("--ignore-outliers says on stderr how many points are marked at the edge")
    func outlierNote() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        var csv = "step,loss\n"
        for i in 0..<100 { csv += "\(i),\(i == 30 || i == 70 ? 500 : 1 + Double(i % 7) / 10)\n" }
        let log = try dir.write("run.csv", csv)
        let r = try DescentProcess.run(["plot", log, "-o", dir.path("out.png"), "--ignore-outliers"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("loss: outside the y range, marked at the edge: 2 above (up to 500)"), "\(r.stderr)")
    }

    @Test(arguments: [
        (["plot", "@run.csv", "--color", "mauve"], "--color 'mauve': expected #rrggbb, C0..C9, tab:blue..tab:cyan, or one of"),
        (["plot", "@run.csv", "--linestyle", "wiggly"], "--linestyle 'wiggly': expected solid, dashed, dotted, dashdot, none, or -, --, :, -."),
        (["plot", "@run.csv", "--marker", "*"], "--marker '*': expected one of o s ^ v D x + . none"),
        (["plot", "@run.csv", "--linewidth", "0"], "--linewidth '0': expected a width in points, more than 0 and at most 50"),
        (["plot", "@run.csv", "--linewidth", "thick"], "--linewidth 'thick': expected a width in points"),
        (["plot", "@run.csv", "--font-size", "2"], "--font-size '2': expected a size in points from 4 to 72"),
        (["plot", "@run.csv", "--font-size", "nan"], "--font-size 'nan': expected a size in points from 4 to 72"),
        (["plot", "@run.csv", "--theme", "poster"], "The value 'poster' is invalid for '--theme <theme>'"),
        (["plot", "@run.csv", "--xlim", "5,1"], "--xlim '5,1': expected LOW,HIGH (either may be empty)"),
        (["plot", "@run.csv", "--xlim", "-1e309,1"], "--xlim '-1e309,1': '-1e309' is not finite"),
        (["plot", "@run.csv", "--log-x", "--xlim", "0,10"], "--xlim '0,10': 0 is not positive; a --log-x axis shows only values above 0"),
        (["plot", "@run.csv", "--log-y", "--ylim=-1,2"], "--ylim '-1,2': -1 is not positive; a --log-y axis shows only values above 0"),
        (["plot", "@run.csv", "--color", "red", "--color", "blue"], "--color given 2 times for 1 series (loss): give at most one per series"),
        (["plot", "@run.csv", "--linestyle", "none", "--marker", "none"], "series 'loss' has --linestyle none and --marker none"),
        (["plot", "@run.csv", "--linestyle", "--", "--marker", "o"], "'--marker' was read as a log: a bare '--' before it ends the options; write --linestyle=--"),
    ])
    func badValues(arguments: [String], message: String) throws {
        try OneLineFailure.expect(arguments, message: message)
    }
}

import Canvas
import CairoCanvas
import Foundation
import Landscape
import Plot
import Training

/// Runs a `descent landscape` request: evaluates the grid, runs or reads the paths, traces
/// the contours, and writes the figure (and the CSV export).
struct LandscapeJob {
    var request: LandscapeRequest

    static let invalidColor = Color(hex: 0xFF00FF)

    func run() throws {
        let surface = request.surface
        let grid = surface.grid(over: request.domain, resolution: request.resolution)
        let paths = try makePaths()
        let (scale, colormap) = colorScale(grid)
        let levels = contourLevels(grid, scale: scale)
        var contourLines: [ContourLines.Line] = []
        for level in levels {
            for line in MarchingSquares.lines(grid, level: level) {
                contourLines.append(.init(level: level, xs: line.points.map(\.x), ys: line.points.map(\.y)))
            }
        }
        let heatmap = Heatmap(xs: grid.xs, ys: grid.ys, values: grid.values, colormap: colormap, scale: scale,
                              invalidColor: Self.invalidColor, smooth: request.resolution >= 150)

        var axes = Axes(title: nil, xLabel: surface.xName, yLabel: surface.yName)
        axes.xLimits = AxisLimits(lower: request.domain.x.lowerBound, upper: request.domain.x.upperBound)
        axes.yLimits = AxisLimits(lower: request.domain.y.lowerBound, upper: request.domain.y.upperBound)
        axes.showGrid = false
        axes.add(heatmap)
        // The gradient field goes under the contours, so their labels stay readable over it.
        if request.quiver > 0 {
            let field = GradientField.sample(surface, over: request.domain, count: request.quiver)
            axes.add(QuiverMark(xs: field.points.map(\.x), ys: field.points.map(\.y), us: field.gradients.map(\.x),
                                vs: field.gradients.map(\.y)))
        }
        if !contourLines.isEmpty {
            // White reads on the dark perceptual maps; the diverging map is white in the middle, so dark grey there.
            let ink = colormap.name == "rdbu" ? Color(hex: 0x333333) : Color.white
            var contours = ContourLines(lines: contourLines, style: StrokeStyle(color: ink.withAlpha(colormap.name == "rdbu" ? 0.6 : 0.75), width: 0.7),
                                        labelColor: ink)
            contours.avoid = surface.minima.map { ($0.x, $0.y) } + paths.flatMap { $0.points.map { ($0.x, $0.y) } }
            axes.add(contours)
        }
        let minima = surface.minima.filter { request.domain.x.contains($0.x) && request.domain.y.contains($0.y) }
        // Paths are listed in the given order but drawn last-first, so the smooth full-batch
        // path lies on top of the noisy ones that share its start.
        var pathMarks: [OptimizerPathMark] = []
        for (k, path) in paths.enumerated() {
            let arrows = request.gradients ? gradientArrows(along: path) : nil
            var mark = OptimizerPathMark(xs: path.points.map(\.x), ys: path.points.map(\.y), label: path.label,
                                         color: Self.color(for: path.kind, index: k), stepArrows: request.arrows,
                                         gradients: arrows?.gradients, gradientScale: arrows?.scale ?? 1)
            mark.inLegend = false
            pathMarks.append(mark)
            axes.add(LegendRow(OptimizerPathMark.legendEntry(label: mark.label, color: mark.color)))
        }
        if request.gradients && !request.threeD, let first = pathMarks.first {
            axes.add(LegendRow(LegendEntry(label: "$\\nabla L$ (uphill) at each iterate", sample: .arrow(first.gradientColor))))
        }
        axes.add(OptimizerPathStack(pathMarks.reversed()))
        axes.add(MinimaMark(points: minima.map { ($0.x, $0.y) }))
        if surface is NetworkSlice { axes.add(MinimaMark(points: [(0, 0)], label: "trained weights")) }
        axes.legend = paths.isEmpty && minima.isEmpty && !(surface is NetworkSlice) ? .none : .best

        let invalid = heatmap.invalidCount
        if invalid > 0 {
            Diagnostics.note("\(invalid) of \(grid.values.count) grid cells are NaN or infinite; they are drawn in magenta")
        }
        for path in paths {
            if let step = path.divergedAtStep {
                Diagnostics.note("\(path.label): the loss or a parameter became NaN or infinite at step \(step); the path stops there")
            }
        }
        let colorBar = ColorBar(colormap: colormap, scale: scale, label: surface.valueName + (scale.isLog ? " (log scale)" : ""),
                                invalidNote: invalid > 0 ? (Self.invalidColor, "NaN / Inf") : nil)
        let title = request.title ?? surface.title
        let points = Size(Double(request.pixelSize.width) * 72 / request.dpi, Double(request.pixelSize.height) * 72 / request.dpi)
        let figure = Figure(size: points, title: title, panels: [axes])

        if let exportPath = request.exportPath {
            do {
                try AtomicFile.write(text: LandscapeExport.csv(grid: grid, paths: paths), to: exportPath)
            } catch let e as OutputError {
                throw UserError(e.description)
            }
        }
        if request.threeD {
            try write3D(grid: grid, paths: paths, scale: scale, colormap: colormap, colorBar: colorBar, title: title, size: points)
            return
        }
        let metadata = DocumentMetadata(title: MathText.plainText(title), command: CommandLineText.current,
                                        software: "descent \(DescentCommand.version)")
        do {
            try FigureFileRenderer.write(to: request.outputPath, format: request.format, size: points, dpi: request.dpi,
                                         metadata: metadata) { canvas in
                ColorBarFigureRenderer.draw(figure, colorBar: colorBar, on: canvas)
            }
        } catch let error as OutputError {
            throw UserError(error.description)
        }
    }

    /// The --3d drawing: title, the mesh, a legend of the paths at the top left, the colour bar at the right.
    func write3D(grid: Grid, paths: [OptimizerPath], scale: ColorScale, colormap: Colormap, colorBar: ColorBar, title: String,
                 size: Size) throws {
        let surface = request.surface
        let coarse = surface.grid(over: request.domain, resolution: request.mesh + 1)
        let paths3D = paths.enumerated().map { k, p in
            SurfaceMesh3D.Path3D(xs: p.points.map(\.x), ys: p.points.map(\.y), values: p.losses, label: p.label,
                                 color: Self.color(for: p.kind, index: k))
        }
        var mesh = SurfaceMesh3D(xs: coarse.xs, ys: coarse.ys, values: coarse.values, colormap: colormap, scale: scale,
                                 paths: paths3D, xLabel: surface.xName, yLabel: surface.yName)
        if request.gradients {
            // Downhill (-gradient) arrows draped on the surface, as in 002 ch. 6.1.1.
            mesh.arrows = paths.flatMap { path in
                let (gradients, scale) = gradientArrows(along: path)
                return zip(path.points, gradients).map { p, g in
                    SurfaceArrow3D.downhill(fromX: p.x, y: p.y, gradient: g, scale: scale) { surface.value($0, $1) }
                }
            }
        }
        let theme = Theme()
        let metadata = DocumentMetadata(title: MathText.plainText(title), command: CommandLineText.current,
                                        software: "descent \(DescentCommand.version)")
        do {
            try FigureFileRenderer.write(to: request.outputPath, format: request.format, size: size, dpi: request.dpi,
                                         metadata: metadata) { canvas in
                canvas.fill(.rect(Rect(x: 0, y: 0, width: size.width, height: size.height)), color: theme.background)
                let head = FigureRenderer.titleLayout(title, theme: theme, width: size.width, canvas: canvas)
                head.draw(on: canvas, at: Point(size.width / 2, theme.padding), horizontal: .center, vertical: .top, color: theme.textColor)
                let legendHeight = mesh.legendHeight(theme: theme)
                let top = 2 * theme.padding + head.height + legendHeight
                let barLength = size.height - top - 4 * theme.padding
                let barSpace = colorBar.width(canvas: canvas, theme: theme, length: barLength)
                let area = Rect(x: 3 * theme.padding, y: top + theme.padding, width: size.width - barSpace - 5 * theme.padding,
                                height: size.height - top - 5 * theme.padding)
                mesh.draw(in: area, on: canvas, theme: theme)
                colorBar.draw(at: Point(size.width - barSpace + theme.padding, top + theme.padding), length: barLength,
                              on: canvas, theme: theme)
                mesh.drawLegend(at: Point(theme.padding * 2, top - legendHeight), on: canvas, theme: theme)
            }
        } catch let error as OutputError {
            throw UserError(error.description)
        }
    }

    /// Paths projected onto a network slice, live paths, then run-log paths.
    func makePaths() throws -> [OptimizerPath] {
        var out = request.slicePaths
        for spec in request.paths {
            if let f = request.objective {
                out.append(PathRunner.run(spec, on: f, start: request.start))
            } else if let d = request.dataSurface {
                out.append(PathRunner.run(spec, on: d, start: request.start, seed: request.seed))
            }
        }
        for (file, log) in request.runLogs {
            let name = RunName.of(file)
            do {
                out.append(try RunLogPath.path(log, path: file, label: name) { request.surface.value($0, $1) })
            } catch let e as RunLogPath.Failure {
                throw UserError(e.description)
            }
        }
        return out
    }

    /// The colour scale: log when asked, or automatically when the positive surface spans 3
    /// decades; a symmetric diverging scale for signed surfaces.
    func colorScale(_ grid: Grid) -> (ColorScale, Colormap) {
        guard let (lo, hi) = grid.finiteRange else { return (ColorScale(lower: 0, upper: 1, isLog: false), request.colormap ?? .viridis) }
        if lo < 0 && hi > 0 && request.logColor != true {
            let m = max(-lo, hi)
            return (ColorScale(lower: -m, upper: m, isLog: false), request.colormap ?? .rdbu)
        }
        let positive = grid.smallestPositive
        let auto = ContourLevels.spansDecades(smallestPositive: positive, max: hi)
        if (request.logColor ?? auto), let p = positive, hi > p {
            // A sharp minimum (exact zeros, 1e-12 in one cell) would take over the bar: the low
            // end is the 0.5th percentile of the positive values, as long as that is below the top.
            let low = Self.percentile(grid.values.filter { $0 > 0 && $0.isFinite }, 0.005)
            return (ColorScale(lower: low < hi ? max(p, low) : p, upper: hi, isLog: true), request.colormap ?? .viridis)
        }
        return (ColorScale(lower: lo, upper: hi > lo ? hi : lo + 1, isLog: false), request.colormap ?? .viridis)
    }

    static func percentile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(q * Double(sorted.count)))]
    }

    func contourLevels(_ grid: Grid, scale: ColorScale) -> [Double] {
        guard request.levels > 0, let (lo, hi) = grid.finiteRange else { return [] }
        if request.logLevels || (scale.isLog && lo >= 0) {
            let low = max(scale.isLog ? scale.lower : (grid.smallestPositive ?? 1), 1e-300)
            let nice = ContourLevels.niceLogarithmic(low: low, high: hi, count: request.levels)
            return nice.count >= 2 ? nice : ContourLevels.logarithmic(low: low, high: hi, count: request.levels)
        }
        // Round levels, as matplotlib's contour picks them (MaxNLocator): about `levels` of them, strictly inside the range.
        let nice = NiceTickLocator.values(lower: lo, upper: hi, maxTicks: request.levels + 1).filter { $0 > lo && $0 < hi }
        return nice.isEmpty ? ContourLevels.linear(low: lo, high: hi, count: request.levels) : nice
    }

    /// The course's colours: full batch teal, mini-batch orange, SGD purple; others from the palette.
    static func color(for kind: String, index: Int) -> Color {
        switch kind {
        case "gd": return Theme.teal
        case "minibatch": return Theme.orange
        case "single": return Theme.purple
        case "momentum": return Color(hex: 0x0072B2)
        case "nesterov": return Color(hex: 0x000000)
        case "adam": return Color(hex: 0xD55E00)
        case "rmsprop": return Color(hex: 0x56B4E9)
        case "adagrad": return Color(hex: 0xB59B00)
        default:
            // Run logs: Okabe-Ito colours that read on the dark and the bright end of the maps and in the legend.
            let others = [Color(hex: 0xD55E00), Color(hex: 0xCC79A7), Color(hex: 0xE69F00), Color(hex: 0x56B4E9)]
            return others[index % others.count]
        }
    }

    /// The gradient at each iterate of `path`, and the arrow scale (data units per unit of
    /// gradient) that makes the longest of them 12% of the domain's wider side.
    func gradientArrows(along path: OptimizerPath) -> (gradients: [(Double, Double)], scale: Double) {
        let d = request.domain
        let span = max(d.x.upperBound - d.x.lowerBound, d.y.upperBound - d.y.lowerBound)
        let g = path.points.map { p -> (Double, Double) in let v = request.surface.gradient(p.x, p.y); return (v.x, v.y) }
        let biggest = g.map { ($0.0 * $0.0 + $0.1 * $0.1).squareRoot() }.filter(\.isFinite).max() ?? 0
        return (g, biggest > 0 ? 0.12 * span / biggest : 1)
    }
}

/// The CSV export: the grid as x,y,loss rows, a blank line, then optimizer,step,x,y,loss rows.
enum LandscapeExport {
    static func csv(grid: Grid, paths: [OptimizerPath]) -> String {
        var out = "x,y,loss\n"
        out.reserveCapacity(grid.values.count * 40)
        for (j, y) in grid.ys.enumerated() {
            let ys = PlottedDataExport.number(y)
            for (i, x) in grid.xs.enumerated() {
                out += PlottedDataExport.number(x); out += ","; out += ys; out += ","
                out += PlottedDataExport.number(grid.values[j * grid.xs.count + i]); out += "\n"
            }
        }
        out += "\noptimizer,step,x,y,loss\n"
        for path in paths {
            let name = PlottedDataExport.field(path.label)
            for (k, p) in path.points.enumerated() {
                out += "\(name),\(k),\(PlottedDataExport.number(p.x)),\(PlottedDataExport.number(p.y)),\(PlottedDataExport.number(path.losses[k]))\n"
            }
        }
        return out
    }
}

import Canvas
import CairoCanvas
import Foundation
import Landscape
import Plot
import Training

/// Runs a `descent landscape` request: evaluates the grid, runs or reads the paths, traces
/// the contours, builds the figure through `LandscapeChart` and writes it (and the CSV export).
struct LandscapeJob {
    var request: LandscapeRequest

    func run() throws {
        let (panel, title, notes, _) = try makePanel()
        for note in notes { Diagnostics.note(note) }
        let figure = Figure(size: FigureWriter.size(pixels: request.pixelSize, dpi: request.dpi), title: title, panels: [panel])
        try FigureWriter.write(figure, to: request.outputPath, format: request.format, dpi: request.dpi, title: title)
    }

    /// The landscape panel (flat with its colour bar, or 3D), its title, the notes for the
    /// user and what it computed (each path's first and last loss and end point); writes the
    /// CSV export when asked.
    /// `reveal` draws only each path's first `reveal` steps (an animation frame); the values are the whole paths'.
    func makePanel(reveal: Int? = nil, backdrop given: LandscapeBackdrop? = nil) throws
        -> (panel: any Panel, title: String, notes: [String], values: [String: [Double]]) {
        let surface = request.surface
        let backdrop = given ?? LandscapeBackdrop(request)
        let grid = backdrop.grid
        let paths = try makePaths()
        var chart = LandscapeChart(xs: grid.xs, ys: grid.ys, values: grid.values,
                                   xLimits: (request.domain.x.lowerBound, request.domain.x.upperBound),
                                   yLimits: (request.domain.y.lowerBound, request.domain.y.upperBound),
                                   xName: surface.xName, yName: surface.yName, valueName: surface.valueName,
                                   colorScale: backdrop.scale, colormap: backdrop.colormap)
        chart.contours = backdrop.contours
        if request.quiver > 0 && !request.threeD {
            let field = GradientField.sample(surface, over: request.domain, count: request.quiver)
            chart.quiver = (field.points.map(\.x), field.points.map(\.y), field.gradients.map(\.x), field.gradients.map(\.y))
        }
        var search: RandomSearch?
        if request.randomSearch > 0 {
            let s = RandomSearch(surface, over: request.domain, count: request.randomSearch, seed: request.seed)
            chart.randomSearch = RandomSearchPoints(xs: s.points.map(\.x), ys: s.points.map(\.y), losses: s.losses, best: s.best)
            search = s
        }
        let drawn = paths.map { path -> OptimizerPath in
            guard let reveal, path.points.count > reveal + 1 else { return path }
            var p = path
            p.points = Array(p.points.prefix(reveal + 1)); p.losses = Array(p.losses.prefix(reveal + 1))
            return p
        }
        if reveal != nil {
            chart.hidden = (paths.flatMap { $0.points.map(\.x) }, paths.flatMap { $0.points.map(\.y) })
        }
        chart.paths = drawn.enumerated().map { k, path in
            let arrows = request.gradients ? gradientArrows(along: path) : nil
            return LandscapePath(xs: path.points.map(\.x), ys: path.points.map(\.y), losses: path.losses, label: path.label,
                                 color: k < request.pathColors.count ? request.pathColors[k] : Theme.optimizerColor(path.kind, index: k),
                                 gradients: arrows?.gradients,
                                 gradientScale: arrows?.scale ?? 1)
        }
        chart.minima = surface.minima.filter { request.domain.x.contains($0.x) && request.domain.y.contains($0.y) }.map { ($0.x, $0.y) }
        chart.marksTrainedWeights = surface is NetworkSlice
        chart.stepArrows = request.arrows
        chart.smooth = request.resolution >= 150

        var notes = chart.notes
        for path in paths {
            if let step = path.divergedAtStep {
                notes.append("\(path.label): the loss or a parameter became NaN or infinite at step \(step); the path stops there")
            }
        }
        if let exportPath = request.exportPath {
            do {
                try AtomicFile.write(text: LandscapeExport.csv(grid: grid, paths: paths), to: exportPath)
            } catch let e as OutputError {
                throw UserError(e.description)
            }
        }
        let panel: any Panel = request.threeD ? surfacePanel(chart, paths: paths) : chart.panel()
        var values: [String: [Double]] = [
            "start_loss": paths.map { $0.losses.first ?? .nan }, "final_loss": paths.map { $0.losses.last ?? .nan },
            "final_x": paths.map { $0.points.last?.x ?? .nan }, "final_y": paths.map { $0.points.last?.y ?? .nan },
        ]
        if let search {
            let best = search.best
            values["random_best_loss"] = [best.map { search.losses[$0] } ?? .nan]
            values["random_best_x"] = [best.map { search.points[$0].x } ?? .nan]
            values["random_best_y"] = [best.map { search.points[$0].y } ?? .nan]
        }
        return (panel, request.title ?? surface.title, notes, values)
    }

    /// The --3d view: a coarse mesh, the paths lifted onto it, and downhill arrows draped on it.
    func surfacePanel(_ chart: LandscapeChart, paths: [OptimizerPath]) -> SurfacePanel {
        let surface = request.surface
        let coarse = surface.grid(over: request.domain, resolution: request.mesh + 1)
        var arrows: [SurfaceArrow3D] = []
        if request.gradients {
            // Downhill (-gradient) arrows draped on the surface, as in 002 ch. 6.1.1.
            arrows = paths.flatMap { path in
                let (gradients, scale) = gradientArrows(along: path)
                return zip(path.points, gradients).map { p, g in
                    SurfaceArrow3D.downhill(fromX: p.x, y: p.y, gradient: g, scale: scale) { surface.value($0, $1) }
                }
            }
        }
        return chart.surface3D(meshXs: coarse.xs, meshYs: coarse.ys, meshValues: coarse.values, arrows: arrows)
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

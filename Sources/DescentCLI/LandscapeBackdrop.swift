import Foundation
import Landscape
import Plot

/// What a landscape panel draws under its paths: the grid, its colour scale and map, and the
/// traced contour lines. The same for every frame of an animation, so the frames share one
/// (`LandscapeBackdrop.shared`, keyed by the panel's options).
struct LandscapeBackdrop: Sendable {
    var grid: Grid
    var scale: ColorScale
    var colormap: Colormap
    var contours: [ContourLines.Line]

    /// Evaluates and traces the backdrop of `request`.
    init(_ request: LandscapeRequest) {
        grid = request.surface.grid(over: request.domain, resolution: request.resolution)
        (scale, colormap) = ColorScale.forSurface(grid.values, log: request.logColor, colormap: request.colormap)
        let levels = request.levels > 0
            ? ContourLevels.choose(for: grid.values, count: request.levels, logLevels: request.logLevels, colorScale: scale) : []
        let grid = self.grid
        contours = levels.flatMap { level in
            MarchingSquares.lines(grid, level: level).map { ContourLines.Line(level: level, xs: $0.points.map(\.x), ys: $0.points.map(\.y)) }
        }
    }

    /// Backdrops of the animation frames being drawn, by the panel options that make them.
    static let shared = ProcessCache<String, LandscapeBackdrop>(limit: 64)
}

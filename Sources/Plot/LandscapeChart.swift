import Canvas

/// One optimizer path as the landscape charts draw it (plain data from the landscape module).
public struct LandscapePath: Sendable {
    public var xs: [Double]
    public var ys: [Double]
    /// The loss at each iterate (the 3D view lifts the path onto the surface by it).
    public var losses: [Double]
    public var label: String
    public var color: Color
    /// ∇L at each iterate and the arrow scale (data units per unit of gradient), when arrows are drawn.
    public var gradients: [(Double, Double)]?
    public var gradientScale: Double

    public init(xs: [Double], ys: [Double], losses: [Double], label: String, color: Color,
                gradients: [(Double, Double)]? = nil, gradientScale: Double = 1) {
        self.xs = xs; self.ys = ys; self.losses = losses; self.label = label; self.color = color
        self.gradients = gradients; self.gradientScale = gradientScale
    }
}

/// Builds a loss-landscape panel: the surface as a heatmap with its colour bar, contour lines
/// with labels, an optional gradient field, optimizer paths and known minima.
public struct LandscapeChart: Sendable {
    /// Grid points (`values[j * xs.count + i]` at (xs[i], ys[j])).
    public var xs: [Double]
    public var ys: [Double]
    public var values: [Double]
    public var xLimits: (Double, Double)
    public var yLimits: (Double, Double)
    public var xName: String
    public var yName: String
    /// What the surface's values are ("L(w, b)"), for the colour bar.
    public var valueName: String
    public var colorScale: ColorScale
    public var colormap: Colormap
    public var contours: [ContourLines.Line] = []
    /// Points, and the gradient at each, of a quiver under the contours.
    public var quiver: (xs: [Double], ys: [Double], us: [Double], vs: [Double])?
    public var paths: [LandscapePath] = []
    /// Known minima inside the plane.
    public var minima: [(Double, Double)] = []
    /// Marks the centre of a network slice as the trained weights.
    public var marksTrainedWeights = false
    /// Points of the paths not drawn (yet) that still keep the legend's place: an animation frame's later iterates.
    public var hidden: (xs: [Double], ys: [Double]) = ([], [])
    /// Random-search guesses, drawn over the contours and under the paths.
    public var randomSearch: RandomSearchPoints?
    /// Arrows along each step of the paths.
    public var stepArrows = false
    /// Smooth (bilinear) heatmap pixels, for fine grids.
    public var smooth = true

    /// Cells that cannot be shown (NaN, ±Inf) are painted in this colour.
    public static let invalidColor = Color(hex: 0xFF00FF)

    public init(xs: [Double], ys: [Double], values: [Double], xLimits: (Double, Double), yLimits: (Double, Double),
                xName: String, yName: String, valueName: String, colorScale: ColorScale, colormap: Colormap) {
        self.xs = xs; self.ys = ys; self.values = values; self.xLimits = xLimits; self.yLimits = yLimits
        self.xName = xName; self.yName = yName; self.valueName = valueName
        self.colorScale = colorScale; self.colormap = colormap
    }

    /// How many grid cells cannot be shown (NaN, ±Inf, or not positive on a log scale).
    public var invalidCount: Int { values.reduce(0) { $0 + (colorScale.fraction($1) == nil ? 1 : 0) } }

    /// What to tell the user about the surface: cells that cannot be drawn.
    public var notes: [String] {
        let invalid = invalidCount
        return invalid > 0 ? ["\(invalid) of \(values.count) grid cells are NaN or infinite; they are drawn in magenta"] : []
    }

    /// The flat map with its colour bar.
    public func panel() -> ColorBarAxes {
        let heatmap = Heatmap(xs: xs, ys: ys, values: values, colormap: colormap, scale: colorScale,
                              invalidColor: Self.invalidColor, smooth: smooth)
        var axes = Axes(title: nil, xLabel: xName, yLabel: yName)
        axes.xLimits = AxisLimits(lower: xLimits.0, upper: xLimits.1)
        axes.yLimits = AxisLimits(lower: yLimits.0, upper: yLimits.1)
        axes.showGrid = false
        axes.add(heatmap)
        // The gradient field goes under the contours, so their labels stay readable over it.
        // White arrows vanish in the white middle of the diverging map: dark grey there, as the contours.
        var arrows: QuiverMark?
        if let quiver {
            let ink = colormap.name == "rdbu" ? Color(hex: 0x333333).withAlpha(0.8) : Color.white.withAlpha(0.85)
            arrows = QuiverMark(xs: quiver.xs, ys: quiver.ys, us: quiver.us, vs: quiver.vs, color: ink)
            axes.add(arrows!)
        }
        if !contours.isEmpty {
            // White reads on the dark perceptual maps; the diverging map is white in the middle, so dark grey there.
            let diverging = colormap.name == "rdbu"
            let ink = diverging ? Color(hex: 0x333333) : Color.white
            var marks = ContourLines(lines: contours, style: StrokeStyle(color: ink.withAlpha(diverging ? 0.6 : 0.75), width: 0.7),
                                     labelColor: ink)
            marks.avoidArrows = arrows
            marks.avoid = minima + paths.flatMap { zip($0.xs, $0.ys).map { ($0, $1) } }
                + (randomSearch.map { Array(zip($0.xs, $0.ys)) } ?? [])
            axes.add(marks)
        }
        for mark in randomSearch?.marks() ?? [] { axes.add(mark) }
        // Paths are listed in the given order but drawn last-first, so the smooth full-batch
        // path lies on top of the noisy ones that share its start.
        var pathMarks: [OptimizerPathMark] = []
        for path in paths {
            var mark = OptimizerPathMark(xs: path.xs, ys: path.ys, label: path.label, color: path.color, stepArrows: stepArrows,
                                         gradients: path.gradients, gradientScale: path.gradientScale)
            mark.inLegend = false
            pathMarks.append(mark)
            axes.add(LegendRow(OptimizerPathMark.legendEntry(label: mark.label, color: mark.color)))
        }
        if let first = pathMarks.first, first.gradients != nil {
            axes.add(LegendRow(LegendEntry(label: "$\\nabla L$ (uphill) at each iterate", sample: .arrow(first.gradientColor))))
        }
        axes.add(OptimizerPathStack(pathMarks.reversed()))
        axes.add(MinimaMark(points: minima))
        if !hidden.xs.isEmpty { axes.add(HiddenExtent(xs: hidden.xs, ys: hidden.ys)) }
        if marksTrainedWeights { axes.add(MinimaMark(points: [(0, 0)], label: "trained weights")) }
        axes.legend = paths.isEmpty && minima.isEmpty && !marksTrainedWeights && randomSearch == nil ? .none : .best
        return ColorBarAxes(axes: axes, colorBar: colorBar(invalid: heatmap.invalidCount > 0))
    }

    /// The colour bar of the surface, with a swatch for cells that cannot be shown.
    public func colorBar(invalid: Bool) -> ColorBar {
        ColorBar(colormap: colormap, scale: colorScale, label: valueName + (colorScale.isLog ? " (log scale)" : ""),
                 invalidNote: invalid ? (Self.invalidColor, "NaN / Inf") : nil)
    }

    /// The 3D view: a coarse mesh of the surface (`meshXs` x `meshYs`, values row by row as
    /// for the map), the paths lifted onto it, and downhill arrows draped on it.
    public func surface3D(meshXs: [Double], meshYs: [Double], meshValues: [Double], arrows: [SurfaceArrow3D]) -> SurfacePanel {
        let paths3D = paths.map {
            SurfaceMesh3D.Path3D(xs: $0.xs, ys: $0.ys, values: $0.losses, label: $0.label, color: $0.color)
        }
        var mesh = SurfaceMesh3D(xs: meshXs, ys: meshYs, values: meshValues, colormap: colormap, scale: colorScale,
                                 paths: paths3D, xLabel: xName, yLabel: yName)
        mesh.arrows = arrows
        return SurfacePanel(mesh: mesh, colorBar: colorBar(invalid: values.contains { colorScale.fraction($0) == nil }))
    }
}

extension Theme {
    /// The course's colours for optimizer paths, keyed by optimizer: full batch teal,
    /// mini-batch orange, SGD purple, the others from the Okabe-Ito palette; paths of
    /// unknown kinds (run logs) cycle through colours that read on both ends of the maps.
    public static func optimizerColor(_ kind: String, index: Int) -> Color {
        switch kind {
        case "gd": return teal
        case "minibatch": return orange
        case "single", "sgd": return purple
        case "momentum": return Color(hex: 0x0072B2)
        case "nesterov": return Color(hex: 0x000000)
        case "adam": return Color(hex: 0xD55E00)
        case "rmsprop": return Color(hex: 0x56B4E9)
        case "adagrad": return Color(hex: 0xB59B00)
        default:
            let others = [Color(hex: 0xD55E00), Color(hex: 0xCC79A7), Color(hex: 0xE69F00), Color(hex: 0x56B4E9)]
            return others[index % others.count]
        }
    }
}

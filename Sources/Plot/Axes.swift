import Canvas

/// Fixed limits for one axis; a nil end is taken from the data.
public struct AxisLimits: Sendable, Equatable {
    public var lower: Double?
    public var upper: Double?
    public init(lower: Double? = nil, upper: Double? = nil) { self.lower = lower; self.upper = upper }
}

/// How an axis' tick values read.
public enum TickStyle: Sendable, Equatable {
    /// Plain numbers (1, 2, 2.5, 5 × 10^k steps).
    case number
    /// Seconds since the Unix epoch shown as UTC clock time, at nice time steps.
    case clockTime
}

/// Where the legend goes.
public enum LegendPlacement: Sendable, Equatable {
    /// No legend.
    case none
    /// Inside the axes, in the corner or edge position that hides the fewest data points.
    case best
    /// Inside the axes at a fixed position.
    case inside(LegendLocation)
    /// Outside the axes, to the right of the plot area.
    case outsideRight
}

/// The nine legend positions inside an axes, in matplotlib's order of preference.
public enum LegendLocation: String, Sendable, Equatable, CaseIterable {
    case upperRight = "upper right", upperLeft = "upper left", lowerLeft = "lower left"
    case lowerRight = "lower right", centerRight = "center right", centerLeft = "center left"
    case lowerCenter = "lower center", upperCenter = "upper center", center = "center"
}

/// One panel of a figure: a data area with two axes, ticks, grid, labels, a legend and marks.
public struct Axes: Sendable {
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var xScale: AxisScale = .linear
    public var yScale: AxisScale = .linear
    /// Only whole numbers as x tick values (epochs, steps).
    public var xIntegerTicks = false
    /// How x tick labels read.
    public var xTickStyle: TickStyle = .number
    /// Fixed x ticks (categories of a bar chart): drawn as given instead of chosen.
    public var xFixedTicks: [Tick]?
    public var xLimits = AxisLimits()
    public var yLimits = AxisLimits()
    /// Fraction of the data span added on each side when limits come from the data.
    public var margin = 0.04
    public var showGrid = true
    /// Tick labels drawn (a panel sharing its axis with the one below or to its left hides them).
    public var xTickLabelsVisible = true
    public var yTickLabelsVisible = true
    public var legend: LegendPlacement = .best
    /// Equal data units per point on both axes (for landscapes and geometry).
    public var equalAspect = false
    public var marks: [any PlotMark] = []

    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel
    }

    public mutating func add(_ mark: any PlotMark) { marks.append(mark) }

    /// Legend rows of all marks, in drawing order.
    public var legendEntries: [LegendEntry] { marks.compactMap(\.legendEntry) }

    /// The visible data limits: fixed limits where given, else the data bounds with margins.
    public func resolvedLimits() -> (x: (Double, Double), y: (Double, Double)) {
        var bounds: DataBounds?
        for mark in marks {
            if let b = mark.dataBounds(xScale: xScale, yScale: yScale) {
                bounds = bounds.map { $0.union(b) } ?? b
            }
        }
        let x = Self.limits(fixed: xLimits, dataMin: bounds?.minX, dataMax: bounds?.maxX, scale: xScale, margin: margin)
        let y = Self.limits(fixed: yLimits, dataMin: bounds?.minY, dataMax: bounds?.maxY, scale: yScale, margin: margin)
        return (x, y)
    }

    static func limits(fixed: AxisLimits, dataMin: Double?, dataMax: Double?, scale: AxisScale, margin: Double) -> (Double, Double) {
        let fallback: (Double, Double) = scale == .log ? (1, 10) : (0, 1)
        var lo = dataMin ?? fallback.0, hi = dataMax ?? fallback.1
        if let l = fixed.lower { lo = l }
        if let u = fixed.upper { hi = u }
        if let l = fixed.lower, dataMax == nil || dataMax! <= l, fixed.upper == nil { hi = scale == .log ? l * 10 : l + 1 }
        if let u = fixed.upper, dataMin == nil || dataMin! >= u, fixed.lower == nil { lo = scale == .log ? u / 10 : u - 1 }
        var t0 = scale.transform(lo), t1 = scale.transform(hi)
        if t0 == t1 {
            // A flat series: open up a unit (or a decade) around it.
            let d = scale == .log ? 0.5 : max(abs(t0) * 0.05, 0.5)
            t0 -= d; t1 += d
        } else {
            let pad = (t1 - t0) * margin
            if fixed.lower == nil { t0 -= pad }
            if fixed.upper == nil { t1 += pad }
        }
        let biggest = Double.greatestFiniteMagnitude
        var lower = scale.inverse(t0), upper = scale.inverse(t1)
        // Margins must not push a limit past the largest finite number (a diverging run).
        if !lower.isFinite { lower = scale == .log ? Double.leastNormalMagnitude : -biggest }
        if !upper.isFinite { upper = biggest }
        if scale == .log && lower <= 0 { lower = Double.leastNormalMagnitude }
        return (lower, upper)
    }
}

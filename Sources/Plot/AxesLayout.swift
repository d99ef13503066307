import Canvas

/// Where everything of one axes panel goes: the plot area, the ticks and the text blocks.
///
/// Margins are measured from the real text extents, so labels are never clipped by the
/// figure edge, whatever the fonts or tick labels.
public struct AxesLayout {
    public var plotRect: Rect
    public var x: AxisMapping
    public var y: AxisMapping
    public var xTicks: [Tick]
    public var yTicks: [Tick]
    var xTickLayouts: [RichTextLayout?]
    var yTickLayouts: [RichTextLayout?]
    var title: RichTextLayout?
    var xLabel: RichTextLayout?
    var yLabel: RichTextLayout?
    var legend: LegendBox?
    /// Where the legend goes: the axes' request, or outside when it would not fit inside.
    public var legendPlacement: LegendPlacement
    let cell: Rect

    /// Lays out `axes` inside `cell`.
    public init(axes: Axes, cell: Rect, canvas: Canvas, theme: Theme) {
        self.cell = cell
        let limits = axes.resolvedLimits()
        let tickFont = theme.tickFont
        let chooser = AxisTickChooser(canvas: canvas, font: tickFont)
        let pad = theme.padding
        let gap = 0.45 * theme.tickLabelSize
        // Long titles and labels shrink, then are cut, to fit the panel.
        let across = cell.width - 2 * pad, along = cell.height - 2 * pad
        title = axes.title.flatMap { $0.isEmpty ? nil : LabelFitting.fitted($0, font: theme.titleFont, room: across, canvas: canvas) }
        xLabel = axes.xLabel.flatMap { $0.isEmpty ? nil : LabelFitting.fitted($0, font: theme.labelFont, room: across, canvas: canvas) }
        let titleHeight = title?.height ?? 0
        yLabel = axes.yLabel.flatMap { $0.isEmpty ? nil : LabelFitting.fitted($0, font: theme.labelFont, room: along - 2 * titleHeight, canvas: canvas) }
        // An outside legend starts at the plot's top, below the title.
        let legendRoom = cell.height - 2 * pad - (titleHeight > 0 ? titleHeight + 1.2 * gap : 0.6 * theme.tickLabelSize)
        let entries = LegendBox.fitting(axes.legendEntries, height: legendRoom, canvas: canvas, theme: theme)
        let legendSize: Size? = (axes.legend == .none || entries.isEmpty) ? nil : LegendBox.measure(entries, canvas: canvas, theme: theme)
        var placement = axes.legend
        if let s = legendSize, placement != .outsideRight, placement != .none {
            // A legend that would cover most of the plot area goes outside instead.
            let guess = cell.insetBy(5 * theme.padding)
            if s.height > 0.8 * guess.height || s.width > 0.6 * guess.width { placement = .outsideRight }
        }
        self.legendPlacement = placement
        let outsideLegendWidth = placement == .outsideRight ? (legendSize.map { $0.width + pad } ?? 0) : 0

        var plot = cell.insetBy(5 * pad)
        var xTicks: [Tick] = [], yTicks: [Tick] = []
        var xl: [RichTextLayout?] = [], yl: [RichTextLayout?] = []
        let tickSpace = theme.majorTickLength + gap
        for _ in 0..<3 {
            xTicks = axes.xFixedTicks ?? chooser.ticks(scale: axes.xScale, lower: limits.x.0, upper: limits.x.1, length: plot.width,
                                                       horizontal: true, integer: axes.xIntegerTicks, style: axes.xTickStyle)
            yTicks = chooser.ticks(scale: axes.yScale, lower: limits.y.0, upper: limits.y.1, length: plot.height, horizontal: false)
            // Large offset, small spread: labels relative to an offset the axis label names (not for fixed category ticks).
            if axes.xFixedTicks == nil, let name = TickOffset.apply(&xTicks, scale: axes.xScale, style: axes.xTickStyle, label: axes.xLabel), name != axes.xLabel {
                xLabel = LabelFitting.fitted(name, font: theme.labelFont, room: across, canvas: canvas)
            }
            if let name = TickOffset.apply(&yTicks, scale: axes.yScale, label: axes.yLabel), name != axes.yLabel {
                yLabel = LabelFitting.fitted(name, font: theme.labelFont, room: along, canvas: canvas)
            }
            xl = xTicks.map { $0.label.isEmpty || !axes.xTickLabelsVisible ? nil : RichTextLayout($0.label, font: tickFont, canvas: canvas) }
            yl = yTicks.map { $0.label.isEmpty || !axes.yTickLabelsVisible ? nil : RichTextLayout($0.label, font: tickFont, canvas: canvas) }
            let xTickHeight = xl.compactMap { $0?.height }.max() ?? 0
            let yTickWidth = yl.compactMap { $0?.width }.max() ?? 0
            let yTickHalfHeight = (yl.compactMap { $0?.height }.max() ?? 0) / 2

            var left = pad + yTickWidth + tickSpace
            if let yLabel { left += yLabel.height + 0.6 * theme.labelSize }
            var bottom = pad + xTickHeight + tickSpace
            if let xLabel { bottom += xLabel.height + 0.6 * theme.labelSize }
            var top = pad + yTickHalfHeight
            if let title { top = max(top, pad + title.height + 1.2 * gap) }
            var right = pad + outsideLegendWidth
            // x tick labels centred on the first and last ticks may hang past the plot area.
            let xMap = AxisMapping(scale: axes.xScale, lower: limits.x.0, upper: limits.x.1, start: 0, end: plot.width)
            for (t, layout) in zip(xTicks, xl) {
                guard let layout else { continue }
                let p = xMap.map(t.value)
                left = max(left, pad + layout.width / 2 - p)
                right = max(right, pad + layout.width / 2 - (plot.width - p) + outsideLegendWidth)
            }
            plot = Rect(x: cell.minX + left, y: cell.minY + top,
                        width: max(10, cell.width - left - right), height: max(10, cell.height - top - bottom))
        }
        if axes.equalAspect {
            plot = Self.equalAspect(plot, x: limits.x, y: limits.y, xScale: axes.xScale, yScale: axes.yScale)
        }
        self.plotRect = plot
        self.xTicks = xTicks
        self.yTicks = yTicks
        self.xTickLayouts = xl
        self.yTickLayouts = yl
        self.x = AxisMapping(scale: axes.xScale, lower: limits.x.0, upper: limits.x.1, start: plot.minX, end: plot.maxX)
        self.y = AxisMapping(scale: axes.yScale, lower: limits.y.0, upper: limits.y.1, start: plot.maxY, end: plot.minY)
        if let legendSize {
            legend = LegendBox(entries: entries, size: legendSize, canvas: canvas, theme: theme)
        }
    }

    static func equalAspect(_ r: Rect, x: (Double, Double), y: (Double, Double), xScale: AxisScale, yScale: AxisScale) -> Rect {
        let dx = abs(xScale.transform(x.1) - xScale.transform(x.0))
        let dy = abs(yScale.transform(y.1) - yScale.transform(y.0))
        guard dx > 0, dy > 0 else { return r }
        let unit = min(r.width / dx, r.height / dy)
        let w = dx * unit, h = dy * unit
        return Rect(x: r.minX + (r.width - w) / 2, y: r.minY + (r.height - h) / 2, width: w, height: h)
    }
}

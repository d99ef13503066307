import Canvas

/// Draws a `Figure` onto any `Canvas`: lays out the panels, then draws grid, marks,
/// spines, ticks, labels, titles and legends in that order.
public enum FigureRenderer {
    /// Draws `figure` and returns each panel's layout, in placement order (for tests and
    /// callers that annotate).
    @discardableResult
    public static func draw(_ figure: Figure, on canvas: Canvas) -> [PanelLayout] {
        let theme = figure.theme
        let top = drawBackgroundAndTitle(figure, on: canvas)
        let area = Rect(x: 0, y: top, width: figure.size.width, height: figure.size.height - top)
        let grid = FigureGrid(figure, area: area)
        var layouts: [PanelLayout] = []
        for (i, placement) in SharedAxes.apply(figure).enumerated() {
            var cell = grid.cell(placement)
            if figure.panelLetters {
                let letter = RichTextLayout(panelLetter(i), font: theme.panelLetterFont, canvas: canvas)
                letter.draw(on: canvas, at: Point(cell.minX + theme.padding, cell.minY + theme.padding),
                            horizontal: .left, vertical: .top, color: theme.textColor)
                let used = theme.padding + letter.height
                cell = Rect(x: cell.minX, y: cell.minY + used, width: cell.width, height: max(1, cell.height - used))
            }
            layouts.append(placement.panel.draw(in: cell, on: canvas, theme: theme))
        }
        return layouts
    }

    /// "(a)", "(b)", ..., "(z)", "(aa)", ...
    public static func panelLetter(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var n = index, name = ""
        repeat { name = String(letters[n % 26]) + name; n = n / 26 - 1 } while n >= 0
        return "(\(name))"
    }

    /// Paints the background and the figure title (centred over the whole figure); returns
    /// the height the title takes at the top.
    public static func drawBackgroundAndTitle(_ figure: Figure, on canvas: Canvas) -> Double {
        let theme = figure.theme
        if !figure.transparentBackground {
            canvas.fill(.rect(Rect(x: 0, y: 0, width: figure.size.width, height: figure.size.height)), color: theme.background)
        }
        var top = 0.0
        if let title = figure.title, !title.isEmpty {
            let layout = titleLayout(title, theme: theme, width: figure.size.width, canvas: canvas)
            layout.draw(on: canvas, at: Point(figure.size.width / 2, theme.padding), horizontal: .center, vertical: .top,
                        color: theme.textColor)
            top = theme.padding + layout.height
        }
        return top
    }

    /// The figure title in the theme's title font, set smaller (down to 60%) when it would be wider than the figure.
    public static func titleLayout(_ title: String, theme: Theme, width: Double, canvas: Canvas) -> RichTextLayout {
        let font = theme.figureTitleFont
        let layout = RichTextLayout(title, font: font, canvas: canvas)
        let room = width - 2 * theme.padding
        guard layout.width > room, layout.width > 0 else { return layout }
        var smaller = font
        smaller.size = font.size * max(0.6, room / layout.width)
        return RichTextLayout(title, font: smaller, canvas: canvas)
    }

    static func drawAxes(_ axes: Axes, layout: AxesLayout, on canvas: Canvas, theme: Theme) {
        let plot = layout.plotRect
        var context = PlotContext(canvas: canvas, plotRect: plot, x: layout.x, y: layout.y, theme: theme)
        // The legend is placed first (its best spot depends only on where the marks lie), so
        // marks can keep their labels out from under it; it is drawn last, over them.
        let legendRect = layout.legend.flatMap { placeLegend($0, axes: axes, layout: layout, context: context) }
        if let legendRect, layout.legendPlacement != .outsideRight { context.keepOut.append(legendRect) }
        if axes.showGrid { drawGrid(layout, on: canvas, theme: theme) }
        canvas.withSavedState {
            canvas.clip(to: plot.insetBy(-1))
            for mark in axes.marks { mark.draw(in: context) }
        }
        drawSpinesAndTicks(layout, on: canvas, theme: theme)
        drawLabels(layout, on: canvas, theme: theme)
        if let legend = layout.legend, let legendRect { legend.draw(in: legendRect, on: canvas) }
    }

    /// Where the legend box goes, or nil when there is none.
    static func placeLegend(_ legend: LegendBox, axes: Axes, layout: AxesLayout, context: PlotContext) -> Rect? {
        let plot = layout.plotRect
        switch layout.legendPlacement {
        case .none: return nil
        case .outsideRight:
            return Rect(x: plot.maxX + context.theme.padding, y: plot.minY, width: legend.size.width, height: legend.size.height)
        case .inside(let location):
            return legend.rect(at: location, in: plot)
        case .best:
            let points = axes.marks.flatMap { $0.occupiedPoints(in: context) }
            return legend.rect(at: legend.bestLocation(in: plot, avoiding: points), in: plot)
        }
    }

    static func drawGrid(_ layout: AxesLayout, on canvas: Canvas, theme: Theme) {
        let plot = layout.plotRect
        var path = Path()
        for t in layout.xTicks where t.isMajor {
            let x = layout.x.map(t.value)
            path.move(to: Point(x, plot.minY)); path.line(to: Point(x, plot.maxY))
        }
        for t in layout.yTicks where t.isMajor {
            let y = layout.y.map(t.value)
            path.move(to: Point(plot.minX, y)); path.line(to: Point(plot.maxX, y))
        }
        canvas.stroke(path, style: StrokeStyle(color: theme.gridColor, width: theme.gridWidth))
    }

    static func drawSpinesAndTicks(_ layout: AxesLayout, on canvas: Canvas, theme: Theme) {
        let plot = layout.plotRect
        var spines = Path()
        spines.move(to: Point(plot.minX, plot.minY)); spines.line(to: Point(plot.minX, plot.maxY))
        spines.line(to: Point(plot.maxX, plot.maxY))
        canvas.stroke(spines, style: StrokeStyle(color: theme.spineColor, width: theme.spineWidth, cap: .square))
        var ticks = Path()
        for t in layout.xTicks {
            let x = layout.x.map(t.value)
            let len = t.isMajor ? theme.majorTickLength : theme.minorTickLength
            ticks.move(to: Point(x, plot.maxY)); ticks.line(to: Point(x, plot.maxY + len))
        }
        for t in layout.yTicks {
            let y = layout.y.map(t.value)
            let len = t.isMajor ? theme.majorTickLength : theme.minorTickLength
            ticks.move(to: Point(plot.minX, y)); ticks.line(to: Point(plot.minX - len, y))
        }
        canvas.stroke(ticks, style: StrokeStyle(color: theme.tickColor, width: theme.spineWidth))
        let gap = 0.45 * theme.tickLabelSize
        for (t, label) in zip(layout.xTicks, layout.xTickLayouts) {
            guard let label else { continue }
            label.draw(on: canvas, at: Point(layout.x.map(t.value), plot.maxY + theme.majorTickLength + gap),
                       horizontal: .center, vertical: .top, color: theme.textColor)
        }
        for (t, label) in zip(layout.yTicks, layout.yTickLayouts) {
            guard let label else { continue }
            label.draw(on: canvas, at: Point(plot.minX - theme.majorTickLength - gap, layout.y.map(t.value)),
                       horizontal: .right, vertical: .center, color: theme.textColor)
        }
    }

    static func drawLabels(_ layout: AxesLayout, on canvas: Canvas, theme: Theme) {
        let plot = layout.plotRect, cell = layout.cell
        // A label longer than its axis stays centred on it as far as the panel allows, never past the panel's edge.
        func along(_ mid: Double, _ length: Double, _ low: Double, _ high: Double) -> Double {
            let half = length / 2
            guard high - low > length else { return (low + high) / 2 }
            return min(max(mid, low + half), high - half)
        }
        if let title = layout.title {
            title.draw(on: canvas, at: Point(along(plot.midX, title.width, cell.minX + theme.padding, cell.maxX - theme.padding),
                                             plot.minY - 0.9 * theme.tickLabelSize * 0.45 - 2),
                       horizontal: .center, vertical: .bottom, color: theme.textColor)
        }
        if let xLabel = layout.xLabel {
            xLabel.draw(on: canvas, at: Point(along(plot.midX, xLabel.width, cell.minX + theme.padding, cell.maxX - theme.padding),
                                              cell.maxY - theme.padding),
                        horizontal: .center, vertical: .bottom, color: theme.textColor)
        }
        if let yLabel = layout.yLabel {
            yLabel.draw(on: canvas, at: Point(cell.minX + theme.padding,
                                              along(plot.midY, yLabel.width, cell.minY + theme.padding, cell.maxY - theme.padding)),
                        horizontal: .center, vertical: .top, rotation: Double.pi / 2, color: theme.textColor)
        }
    }
}

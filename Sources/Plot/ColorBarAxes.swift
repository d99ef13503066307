import Canvas

/// A panel of 2D axes with a colour bar at its right (a landscape's heatmap and its scale):
/// the axes are laid out in the width the bar leaves, and the bar spans their plot area.
public struct ColorBarAxes: Panel {
    public var axes: Axes
    public var colorBar: ColorBar

    public init(axes: Axes, colorBar: ColorBar) {
        self.axes = axes; self.colorBar = colorBar
    }

    public var kindName: String { "axes with a colour bar" }

    public var cartesianAxes: Axes? {
        get { axes }
        set { if let newValue { axes = newValue } }
    }

    public func draw(in cell: Rect, on canvas: Canvas, theme: Theme) -> PanelLayout {
        let noteSpace = colorBar.invalidNote == nil ? 0.0 : colorBar.barWidth + theme.padding + 4
        // The bar's width depends on its tick labels, which depend on its length: guess the
        // length, lay the axes out, and lay them out again if the real length needs another width.
        var barSpace = colorBar.width(canvas: canvas, theme: theme, length: cell.height * 0.75)
        var layout = AxesLayout(axes: axes, cell: inner(cell, barSpace), canvas: canvas, theme: theme)
        let needed = colorBar.width(canvas: canvas, theme: theme, length: layout.plotRect.height - noteSpace)
        if needed != barSpace {
            barSpace = needed
            layout = AxesLayout(axes: axes, cell: inner(cell, barSpace), canvas: canvas, theme: theme)
        }
        FigureRenderer.drawAxes(axes, layout: layout, on: canvas, theme: theme)
        let plot = layout.plotRect
        let x = layout.legendPlacement == .outsideRight ? cell.maxX - barSpace : plot.maxX + 1.5 * theme.padding
        colorBar.draw(at: Point(x, plot.minY), length: plot.height - noteSpace, on: canvas, theme: theme)
        return PanelLayout(cell: cell, content: plot, axes: layout)
    }

    func inner(_ cell: Rect, _ barSpace: Double) -> Rect {
        Rect(x: cell.minX, y: cell.minY, width: max(10, cell.width - barSpace), height: cell.height)
    }
}

import Canvas

/// A panel holding a 3D surface view: the legend of its paths at the top left, the mesh,
/// and its colour bar at the right.
public struct SurfacePanel: Panel {
    public var mesh: SurfaceMesh3D
    public var colorBar: ColorBar

    public init(mesh: SurfaceMesh3D, colorBar: ColorBar) {
        self.mesh = mesh; self.colorBar = colorBar
    }

    public var kindName: String { "3D surface" }

    public func draw(in cell: Rect, on canvas: Canvas, theme: Theme) -> PanelLayout {
        let pad = theme.padding
        let legendHeight = mesh.legendHeight(theme: theme)
        let top = cell.minY + pad + legendHeight
        let barLength = cell.maxY - top - 4 * pad
        let barSpace = colorBar.width(canvas: canvas, theme: theme, length: barLength)
        let area = Rect(x: cell.minX + 3 * pad, y: top + pad, width: cell.width - barSpace - 5 * pad,
                        height: cell.maxY - top - 5 * pad)
        mesh.draw(in: area, on: canvas, theme: theme)
        colorBar.draw(at: Point(cell.maxX - barSpace + pad, top + pad), length: barLength, on: canvas, theme: theme)
        mesh.drawLegend(at: Point(cell.minX + 2 * pad, top - legendHeight), on: canvas, theme: theme)
        return PanelLayout(cell: cell, content: area)
    }
}

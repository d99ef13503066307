import Canvas
import Plot

/// A computation-graph diagram as a panel of a figure: drawn at its own size when the cell
/// has room, else scaled down uniformly to fit, and centred in the cell.
public struct GraphPanel: Panel {
    public var diagram: GraphDiagram
    /// The largest scale the diagram is drawn at (1: never enlarged past its natural size).
    public var maximumScale = 1.0

    public init(_ diagram: GraphDiagram) { self.diagram = diagram }

    public var kindName: String { "computation graph" }

    /// The scale the diagram is drawn at in `cell`.
    public func scale(in cell: Rect) -> Double {
        let size = diagram.size
        guard size.width > 0, size.height > 0 else { return 1 }
        return min(maximumScale, cell.width / size.width, cell.height / size.height)
    }

    public func draw(in cell: Rect, on canvas: Canvas, theme: Theme) -> PanelLayout {
        let s = scale(in: cell)
        let w = diagram.size.width * s, h = diagram.size.height * s
        let box = Rect(x: cell.minX + (cell.width - w) / 2, y: cell.minY + (cell.height - h) / 2, width: w, height: h)
        if s == 1 && box.minX == 0 && box.minY == 0 {
            diagram.draw(on: canvas)
        } else {
            canvas.withSavedState {
                canvas.translate(by: Point(box.minX, box.minY))
                canvas.scale(by: s)
                diagram.draw(on: canvas)
            }
        }
        return PanelLayout(cell: cell, content: box)
    }
}

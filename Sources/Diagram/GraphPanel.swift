import Canvas
import Plot

/// A computation-graph diagram as a panel of a figure: drawn at its own size when the cell
/// has room, else scaled down uniformly to fit, and centred in the cell.
public struct GraphPanel: Panel {
    public var diagram: GraphDiagram
    /// The largest scale the diagram is drawn at (1: never enlarged past its natural size).
    public var maximumScale = 1.0
    /// A title above the diagram (math text).
    public var title: String?

    public init(_ diagram: GraphDiagram) { self.diagram = diagram }

    public var kindName: String { "computation graph" }

    /// The scale the diagram is drawn at in `cell`.
    public func scale(in cell: Rect) -> Double {
        let size = diagram.size
        guard size.width > 0, size.height > 0 else { return 1 }
        return min(maximumScale, cell.width / size.width, cell.height / size.height)
    }

    public func draw(in fullCell: Rect, on canvas: Canvas, theme: Theme) -> PanelLayout {
        var cell = fullCell
        if let title, !title.isEmpty {
            let text = RichTextLayout(title, font: theme.titleFont, canvas: canvas)
            text.draw(on: canvas, at: Point(cell.midX, cell.minY + theme.padding), horizontal: .center, vertical: .top, color: theme.textColor)
            let used = theme.padding + text.height
            cell = Rect(x: cell.minX, y: cell.minY + used, width: cell.width, height: max(1, cell.height - used))
        }
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
        return PanelLayout(cell: fullCell, content: box)
    }
}

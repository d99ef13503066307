import Canvas

/// Small matrices typeset in brackets, side by side, each after its name: `J = [[1, 2], [3, -1]]`
/// (a Jacobian, an updated weight matrix), scaled down to fit the cell and centred in it.
public struct MatrixPanel: Panel {
    /// One typeset matrix: its name (math text, drawn before an equals sign) and its entries' text row by row.
    public struct Entry: Sendable {
        public var name: String
        public var cells: [[String]]
        public init(name: String, cells: [[String]]) { self.name = name; self.cells = cells }
    }

    public var entries: [Entry]
    /// A title above the matrices (math text).
    public var title: String?
    /// Point size of the entries and names.
    public var fontSize = 18.0

    public init(_ entries: [Entry]) { self.entries = entries }

    public var kindName: String { "matrices" }

    static let gap = 40.0

    public func draw(in fullCell: Rect, on canvas: Canvas, theme: Theme) -> PanelLayout {
        var cell = fullCell
        if let title, !title.isEmpty {
            let text = RichTextLayout(title, font: theme.titleFont, canvas: canvas)
            text.draw(on: canvas, at: Point(cell.midX, cell.minY + theme.padding), horizontal: .center, vertical: .top, color: theme.textColor)
            let used = 2 * theme.padding + text.height
            cell = Rect(x: cell.minX, y: cell.minY + used, width: cell.width, height: max(1, cell.height - used))
        }
        let font = Font(family: theme.fontFamily, size: fontSize)
        let pieces = entries.map { e in
            (RichTextLayout(e.name.isEmpty ? "" : e.name + " =", font: font, canvas: canvas), MatrixLayout(cells: e.cells, font: font, canvas: canvas))
        }
        let nameGap = fontSize * 0.4
        let widths = pieces.map { $0.0.width + ($0.0.width > 0 ? nameGap : 0) + $0.1.width }
        let total = widths.reduce(0, +) + Self.gap * Double(max(0, pieces.count - 1))
        let height = pieces.map { max($0.0.height, $0.1.height) }.max() ?? 0
        guard total > 0, height > 0 else { return PanelLayout(cell: fullCell, content: cell) }
        let s = min(1.5, (cell.width - 2 * theme.padding) / total, (cell.height - 2 * theme.padding) / height)
        let box = Rect(x: cell.midX - total * s / 2, y: cell.midY - height * s / 2, width: total * s, height: height * s)
        canvas.withSavedState {
            canvas.translate(by: Point(box.minX, box.minY))
            canvas.scale(by: s)
            var x = 0.0
            for ((name, matrix), w) in zip(pieces, widths) {
                name.draw(on: canvas, at: Point(x, height / 2), horizontal: .left, vertical: .center, color: theme.textColor)
                let mx = x + w - matrix.width
                matrix.draw(on: canvas, at: Point(mx, height / 2), horizontal: .left, vertical: .center, color: theme.textColor)
                x += w + Self.gap
            }
        }
        return PanelLayout(cell: fullCell, content: box)
    }
}

import Canvas

/// A small matrix or vector typeset in square brackets: cells right-aligned in columns (so the
/// digits line up), an optional caption line above (a shape such as "(10, 784)"), measured once and
/// drawn anywhere with the anchors `RichTextLayout` takes.
public struct MatrixLayout: Sendable {
    var cells: [[RichTextLayout]]
    var columnWidths: [Double]
    var rowHeight: Double
    var caption: RichTextLayout?
    /// Space between columns.
    let gap: Double
    public let width: Double
    public let height: Double
    /// Height of the bracketed block (the caption's line excluded).
    public let blockHeight: Double

    static let bracketWidth = 4.0
    static let bracketPad = 3.0
    static let rowGap = 2.5
    /// Cells drawn centred: the ellipses of an abbreviated matrix.
    static let ellipses: Set<String> = ["\u{2026}", "\u{22EE}", "\u{22F1}", "\u{22EF}"]

    /// `cells` row by row (all rows of one length), as text (math markup allowed).
    public init(cells texts: [[String]], font: Font, canvas: Canvas, caption: String? = nil, captionFont: Font? = nil) {
        let measured = texts.map { row in row.map { RichTextLayout($0, font: font, canvas: canvas) } }
        cells = measured
        let columns = texts.first?.count ?? 0
        gap = font.size * 0.7
        columnWidths = (0..<columns).map { j in measured.map { $0[j].width }.max() ?? 0 }
        rowHeight = (measured.flatMap { $0 }.map(\.height).max() ?? font.size)
        self.caption = caption.map { RichTextLayout($0, font: captionFont ?? font, canvas: canvas) }
        let inner = columnWidths.reduce(0, +) + gap * Double(max(0, columns - 1))
        let blockWidth = inner + 2 * (Self.bracketWidth + Self.bracketPad)
        blockHeight = Double(cells.count) * rowHeight + Double(max(0, cells.count - 1)) * Self.rowGap + 4
        width = max(blockWidth, self.caption?.width ?? 0)
        height = blockHeight + (self.caption.map { $0.height + 1 } ?? 0)
    }

    /// Draws the matrix with its anchor at `point` (as `RichTextLayout.draw`; `.baseline` is the top).
    public func draw(on canvas: Canvas, at point: Point, horizontal: HorizontalAnchor = .left,
                     vertical: VerticalAnchor = .top, color: Color, bracketColor: Color? = nil) {
        let x0: Double
        switch horizontal {
        case .left: x0 = point.x
        case .center: x0 = point.x - width / 2
        case .right: x0 = point.x - width
        }
        let y0: Double
        switch vertical {
        case .top, .baseline: y0 = point.y
        case .center: y0 = point.y - height / 2
        case .bottom: y0 = point.y - height
        }
        var top = y0
        if let caption {
            caption.draw(on: canvas, at: Point(x0 + width / 2, top), horizontal: .center, vertical: .top, color: color)
            top += caption.height + 1
        }
        let inner = columnWidths.reduce(0, +) + gap * Double(max(0, columnWidths.count - 1))
        let blockWidth = inner + 2 * (Self.bracketWidth + Self.bracketPad)
        let left = x0 + (width - blockWidth) / 2
        // Brackets: a vertical bar with short serifs at both ends, as LaTeX's bmatrix.
        let stroke = StrokeStyle(color: bracketColor ?? color, width: 1, cap: .butt, join: .miter)
        let bottom = top + blockHeight
        canvas.stroke(.polyline([Point(left + Self.bracketWidth, top), Point(left, top), Point(left, bottom), Point(left + Self.bracketWidth, bottom)]), style: stroke)
        let right = left + blockWidth
        canvas.stroke(.polyline([Point(right - Self.bracketWidth, top), Point(right, top), Point(right, bottom), Point(right - Self.bracketWidth, bottom)]), style: stroke)
        var y = top + 2
        for row in cells {
            var x = left + Self.bracketWidth + Self.bracketPad
            for (j, cell) in row.enumerated() {
                // Numbers right-aligned (digits line up); ellipses centred in their column.
                if Self.ellipses.contains(cell.runs.first?.text ?? "") {
                    cell.draw(on: canvas, at: Point(x + columnWidths[j] / 2, y + rowHeight / 2), horizontal: .center, vertical: .center, color: color)
                } else {
                    cell.draw(on: canvas, at: Point(x + columnWidths[j], y + rowHeight / 2), horizontal: .right, vertical: .center, color: color)
                }
                x += columnWidths[j] + gap
            }
            y += rowHeight + Self.rowGap
        }
    }
}

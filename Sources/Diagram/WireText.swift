import Canvas
import Plot
import Autodiff

/// One measured text on a wire or beside a node: a number on one line, or a tensor in brackets
/// (in full up to 3 x 3; a bigger one as its shape above its corner entries and ellipses).
struct WireText {
    enum Content { case line(RichTextLayout), matrix(MatrixLayout) }
    var content: Content

    init(_ line: RichTextLayout) { content = .line(line) }

    /// The largest tensor shown entry by entry, per side.
    static let fullSide = 3
    /// Significant digits of a tensor's entries (one fewer than a scalar's: they stand side by side).
    static let digits = 3

    init(tensor t: Tensor, prefix: String = "", font: Font, canvas: Canvas) {
        let (rows, columns) = t.matrixShape
        let big = rows > Self.fullSide || columns > Self.fullSide
        // Indices shown: all, or the first two, an ellipsis (-1) and the last.
        func shown(_ n: Int) -> [Int] { n > Self.fullSide ? [0, 1, -1, n - 1] : Array(0..<n) }
        let cells = shown(rows).map { i in
            shown(columns).map { j -> String in
                if i < 0 { return j < 0 ? "\u{22F1}" : "\u{22EE}" }
                if j < 0 { return "\u{2026}" }
                return WireLabel.text(t.data[i * columns + j], digits: Self.digits)
            }
        }
        let caption = big ? prefix + t.shapeText : (prefix.isEmpty ? nil : String(prefix.reversed().drop { $0 == " " }.reversed()))
        content = .matrix(MatrixLayout(cells: cells, font: font, canvas: canvas, caption: caption))
    }

    var width: Double {
        switch content { case .line(let l): return l.width; case .matrix(let m): return m.width }
    }

    var height: Double {
        switch content { case .line(let l): return l.height; case .matrix(let m): return m.height }
    }

    func draw(on canvas: Canvas, at point: Point, horizontal: HorizontalAnchor, vertical: VerticalAnchor, color: Color) {
        switch content {
        case .line(let l): l.draw(on: canvas, at: point, horizontal: horizontal, vertical: vertical, color: color)
        case .matrix(let m): m.draw(on: canvas, at: point, horizontal: horizontal, vertical: vertical, color: color)
        }
    }
}

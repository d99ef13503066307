import Canvas

/// The cells of a figure's grid below its title: column widths and row heights from the
/// figure's weights (equal by default), and the rectangle each placed panel spans.
struct FigureGrid {
    let area: Rect
    /// Left edges of the columns and top edges of the rows, each with the far edge appended.
    let xs: [Double]
    let ys: [Double]

    init(_ figure: Figure, area: Rect) {
        self.area = area
        xs = Self.edges(start: area.minX, length: area.width, count: figure.columns, weights: figure.columnWeights)
        ys = Self.edges(start: area.minY, length: area.height, count: figure.rows, weights: figure.rowWeights)
    }

    static func edges(start: Double, length: Double, count: Int, weights: [Double]?) -> [Double] {
        guard let weights, weights.count == count, weights.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            let step = length / Double(count)
            return (0...count).map { start + Double($0) * step }
        }
        let total = weights.reduce(0, +)
        var out = [start], at = 0.0
        for w in weights { at += w; out.append(start + length * at / total) }
        return out
    }

    /// The rectangle spanned by `placement` (clamped to the grid).
    func cell(_ placement: PlacedPanel) -> Rect {
        let columns = xs.count - 1, rows = ys.count - 1
        let c0 = min(max(0, placement.column), columns - 1), r0 = min(max(0, placement.row), rows - 1)
        let c1 = min(columns, c0 + placement.columnSpan), r1 = min(rows, r0 + placement.rowSpan)
        if c1 == c0 + 1 && r1 == r0 + 1 && xsAreEqual {
            // One cell of an even grid: the same arithmetic as a plain grid of equal cells.
            let w = area.width / Double(columns), h = area.height / Double(rows)
            return Rect(x: area.minX + Double(c0) * w, y: area.minY + Double(r0) * h, width: w, height: h)
        }
        return Rect(x: xs[c0], y: ys[r0], width: xs[c1] - xs[c0], height: ys[r1] - ys[r0])
    }

    var xsAreEqual: Bool {
        let w = area.width / Double(xs.count - 1), h = area.height / Double(ys.count - 1)
        return zip(xs, xs.dropFirst()).allSatisfy { abs($1 - $0 - w) < 1e-9 } && zip(ys, ys.dropFirst()).allSatisfy { abs($1 - $0 - h) < 1e-9 }
    }
}

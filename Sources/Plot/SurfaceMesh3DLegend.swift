import Canvas

/// The 3D figure's legend: a row per path (its colour as a line) and one for the arrows.
extension SurfaceMesh3D {
    static let legendSampleWidth = 20.0

    /// Height of the legend rows, in points.
    public func legendHeight(theme: Theme) -> Double {
        theme.legendSize * 1.5 * Double(paths.count + (arrows.isEmpty ? 0 : 1))
    }

    /// Draws the rows downwards from `origin` (the top left of the first row's sample).
    public func drawLegend(at origin: Point, on canvas: Canvas, theme: Theme) {
        var y = origin.y
        func row(_ label: String, sample: (Point, Point) -> Void) {
            sample(Point(origin.x, y + 6), Point(origin.x + Self.legendSampleWidth, y + 6))
            RichTextLayout(label, font: theme.legendFont, canvas: canvas)
                .draw(on: canvas, at: Point(origin.x + Self.legendSampleWidth + 6, y + 6), horizontal: .left, vertical: .center,
                      color: theme.textColor)
            y += theme.legendSize * 1.5
        }
        for p in paths {
            row(p.label) { a, b in
                var line = Path()
                line.move(to: a); line.line(to: b)
                canvas.stroke(line, style: StrokeStyle(color: p.color, width: 2))
            }
        }
        if !arrows.isEmpty { row(arrowLabel) { a, b in drawArrow([a, b], on: canvas) } }
    }
}

import Canvas

extension SurfaceMesh3D {
    /// The x and y axes along the near floor edges, as matplotlib's 3D axes: ticks at round
    /// values with their labels outside the floor, and the axis name beyond them.
    func drawAxes(screen: ((Double, Double, Double)) -> Point, on canvas: Canvas, theme: Theme) {
        let centre = screen((0, 0, 0))
        var taken: [Rect] = []
        // Edges along x are y = -1 and y = 1; along y, x = -1 and x = 1: take the nearer of each pair.
        let nearY = project((0, -1, 0)).2 < project((0, 1, 0)).2 ? -1.0 : 1.0
        let nearX = project((-1, 0, 0)).2 < project((1, 0, 0)).2 ? -1.0 : 1.0
        drawAxis(name: xLabel, range: (xs[0], xs[xs.count - 1]), edge: { (2 * $0 - 1, nearY, 0) }, centre: centre,
                 screen: screen, taken: &taken, on: canvas, theme: theme)
        drawAxis(name: yLabel, range: (ys[0], ys[ys.count - 1]), edge: { (nearX, 2 * $0 - 1, 0) }, centre: centre,
                 screen: screen, taken: &taken, on: canvas, theme: theme)
    }

    /// One axis along a floor edge; `edge(t)` is the model point a fraction t along it. A tick
    /// label that would overlap one in `taken` (the other axis's, at the shared corner) is left out.
    func drawAxis(name: String, range: (Double, Double), edge: (Double) -> (Double, Double, Double), centre: Point,
                  screen: ((Double, Double, Double)) -> Point, taken: inout [Rect], on canvas: Canvas, theme: Theme) {
        let a = screen(edge(0)), b = screen(edge(1))
        let mid = Point((a.x + b.x) / 2, (a.y + b.y) / 2)
        let dx = mid.x - centre.x, dy = mid.y - centre.y, d = max(1e-9, (dx * dx + dy * dy).squareRoot())
        let out = Point(dx / d, dy / d)
        let tickStyle = StrokeStyle(color: theme.spineColor, width: theme.spineWidth)
        // How far a box of this size reaches along `out` from its centre.
        func reach(_ width: Double, _ height: Double) -> Double { abs(out.x) * width / 2 + abs(out.y) * height / 2 }
        var tickReach = 0.0
        for tick in NiceTickLocator.ticks(lower: range.0, upper: range.1, maxTicks: 5) {
            let t = (tick.value - range.0) / (range.1 - range.0)
            guard t >= -1e-9, t <= 1 + 1e-9 else { continue }
            let p = screen(edge(t))
            var mark = Path()
            mark.move(to: p); mark.line(to: Point(p.x + 4 * out.x, p.y + 4 * out.y))
            canvas.stroke(mark, style: tickStyle)
            let label = RichTextLayout(tick.label, font: theme.tickFont, canvas: canvas)
            let r = reach(label.width, label.height), at = Point(p.x + (7 + r) * out.x, p.y + (7 + r) * out.y)
            let box = Rect(x: at.x - label.width / 2, y: at.y - label.height / 2, width: label.width, height: label.height)
            tickReach = max(tickReach, 7 + 2 * r)
            guard !taken.contains(where: { $0.intersects(box) }) else { continue }
            taken.append(box)
            label.draw(on: canvas, at: at, horizontal: .center, vertical: .center, color: theme.textColor)
        }
        let title = RichTextLayout(name, font: theme.labelFont, canvas: canvas)
        let gap = 6 + tickReach + reach(title.width, title.height)
        title.draw(on: canvas, at: Point(mid.x + gap * out.x, mid.y + gap * out.y), horizontal: .center, vertical: .center,
                   color: theme.textColor)
    }
}

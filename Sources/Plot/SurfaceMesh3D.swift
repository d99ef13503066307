#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Canvas

/// A surface drawn in 3D: a shaded mesh of coloured quads painted back to front (the painter's
/// algorithm), seen from `azimuth`/`elevation`, with paths and arrows (-gradient at each
/// iterate) laid on it. The height of a point is its colour fraction, so a log colour scale
/// gives a log height.
public struct SurfaceMesh3D: Sendable {
    /// A path on the surface: (x, y, value) per iterate.
    public struct Path3D: Sendable {
        public var xs: [Double], ys: [Double], values: [Double]
        public var label: String
        public var color: Color
        public init(xs: [Double], ys: [Double], values: [Double], label: String, color: Color) {
            self.xs = xs; self.ys = ys; self.values = values; self.label = label; self.color = color
        }
    }

    public var xs: [Double], ys: [Double], values: [Double]
    public var colormap: Colormap
    public var scale: ColorScale
    public var paths: [Path3D]
    public var xLabel: String, yLabel: String
    /// Arrows draped on the surface (the downhill -gradient at each iterate), with a legend row.
    public var arrows: [SurfaceArrow3D] = []
    public var arrowColor = Color(hex: 0xD62728)
    public var arrowLabel = "$-\\nabla L$ (downhill) at each iterate"
    /// Degrees; matplotlib's defaults are azimuth -60, elevation 30.
    public var azimuth = -60.0
    public var elevation = 30.0

    public init(xs: [Double], ys: [Double], values: [Double], colormap: Colormap, scale: ColorScale, paths: [Path3D],
                xLabel: String, yLabel: String) {
        self.xs = xs; self.ys = ys; self.values = values; self.colormap = colormap; self.scale = scale
        self.paths = paths; self.xLabel = xLabel; self.yLabel = yLabel
    }

    /// Model coordinates: x and y to [-1, 1], height = colour fraction * 0.9 (nil for NaN/Inf).
    func model(_ x: Double, _ y: Double, _ v: Double) -> (Double, Double, Double)? {
        guard let t = scale.fraction(v) else { return nil }
        let x0 = xs[0], x1 = xs[xs.count - 1], y0 = ys[0], y1 = ys[ys.count - 1]
        return (2 * (x - x0) / (x1 - x0) - 1, 2 * (y - y0) / (y1 - y0) - 1, 0.9 * t)
    }

    /// Screen position (right, up) and depth (larger = farther) of a model point.
    func project(_ p: (Double, Double, Double)) -> (Double, Double, Double) {
        let a = azimuth * .pi / 180, e = elevation * .pi / 180
        let x1 = p.0 * cos(a) + p.1 * sin(a), y1 = -p.0 * sin(a) + p.1 * cos(a)
        return (x1, p.2 * cos(e) + y1 * sin(e), y1 * cos(e) - p.2 * sin(e))
    }

    /// The quads in painting order (farthest first), each with its four model corners and mean value fraction.
    func quads() -> [(corners: [(Double, Double, Double)], t: Double, depth: Double)] {
        let nx = xs.count, ny = ys.count
        var out: [(corners: [(Double, Double, Double)], t: Double, depth: Double)] = []
        out.reserveCapacity((nx - 1) * (ny - 1))
        for j in 0..<(ny - 1) {
            for i in 0..<(nx - 1) {
                let idx = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
                let cs = idx.compactMap { model(xs[$0.0], ys[$0.1], values[$0.1 * nx + $0.0]) }
                guard cs.count == 4 else { continue }
                let t = cs.reduce(0) { $0 + $1.2 } / (4 * 0.9)
                let depth = cs.reduce(0) { $0 + project($1).2 } / 4
                out.append((cs, t, depth))
            }
        }
        out.sort { $0.depth > $1.depth }
        return out
    }

    static let floor = [(-1.0, -1.0, 0.0), (1, -1, 0), (1, 1, 0), (-1, 1, 0)]

    /// The canvas position of model points, for a drawing whose floor and surface (not the empty
    /// box above a low surface) fit `rect`, with room left at the sides for the axis names.
    func screenMapping(in rect: Rect) -> @Sendable ((Double, Double, Double)) -> Point {
        var box = Self.floor
        for j in ys.indices {
            for i in xs.indices {
                if let m = model(xs[i], ys[j], values[j * xs.count + i]) { box.append(m) }
            }
        }
        let rect = rect.insetBy(0.06 * min(rect.width, rect.height))
        let projected = box.map(project)
        let minX = projected.map(\.0).min()!, maxX = projected.map(\.0).max()!
        let minY = projected.map(\.1).min()!, maxY = projected.map(\.1).max()!
        let s = min(rect.width / (maxX - minX), rect.height / (maxY - minY))
        let cx = rect.midX - s * (minX + maxX) / 2, cy = rect.midY + s * (minY + maxY) / 2
        let view = self
        return { p in let q = view.project(p); return Point(cx + s * q.0, cy - s * q.1) }
    }

    /// Canvas points and depths of a polyline on the surface raised by `lift` (so the mesh does
    /// not swallow it); nil where a point is off the domain or not finite.
    func lifted(xs: [Double], ys: [Double], values: [Double], by lift: Double,
                screen: ((Double, Double, Double)) -> Point) -> [(point: Point, depth: Double)?] {
        xs.indices.map { k in
            guard let m = model(xs[k], ys[k], values[k]), abs(m.0) <= 1, abs(m.1) <= 1 else { return nil }
            let raised = (m.0, m.1, m.2 + lift)
            return (screen(raised), project(raised).2)
        }
    }

    /// Draws the mesh, floor outline, axis names, paths and arrows fitted into `rect`.
    public func draw(in rect: Rect, on canvas: Canvas, theme: Theme) {
        let floor = Self.floor
        let screen = screenMapping(in: rect)

        var outline = Path()
        for (k, c) in floor.enumerated() { k == 0 ? outline.move(to: screen(c)) : outline.line(to: screen(c)) }
        outline.close()
        canvas.stroke(outline, style: StrokeStyle(color: theme.spineColor, width: theme.spineWidth))

        // Quads, path segments, arrows and path end markers are painted together from far to
        // near, so the surface hides the parts of a path behind a hill.
        enum Item { case quad(Int), segment(Int, Point, Point), start(Int, Point), end(Int, Point), arrow([Point]) }
        let qs = quads()
        var items: [(depth: Double, item: Item)] = qs.indices.map { (qs[$0].depth, .quad($0)) }
        for (n, path) in paths.enumerated() {
            var previous: (Point, Double)?
            var firstDone = false
            var last: (Point, Double)?
            for point in lifted(xs: path.xs, ys: path.ys, values: path.values, by: 0.015, screen: screen) {
                guard let (p, d) = point else { previous = nil; continue }
                if !firstDone { items.append((d - 0.08, .start(n, p))); firstDone = true }
                if let (q, dq) = previous { items.append(((d + dq) / 2 - 0.01, .segment(n, q, p))) }
                previous = (p, d)
                last = (p, d)
            }
            if let (p, d) = last, path.xs.count > 1 { items.append((d - 0.08, .end(n, p))) }
        }
        for arrow in arrowPolylines(screen: screen) { items.append((arrow.depth, .arrow(arrow.points))) }
        items.sort { $0.depth > $1.depth }
        // Light from the upper left, towards the viewer.
        let light = (-0.4, 0.3, 0.87)
        for (_, item) in items {
            switch item {
            case let .quad(index):
                let q = qs[index]
                let c = q.corners
                let u = (c[2].0 - c[0].0, c[2].1 - c[0].1, c[2].2 - c[0].2), v = (c[3].0 - c[1].0, c[3].1 - c[1].1, c[3].2 - c[1].2)
                var n = (u.1 * v.2 - u.2 * v.1, u.2 * v.0 - u.0 * v.2, u.0 * v.1 - u.1 * v.0)
                let len = (n.0 * n.0 + n.1 * n.1 + n.2 * n.2).squareRoot()
                if len > 0 { n = (n.0 / len, n.1 / len, n.2 / len) }
                let shade = 0.65 + 0.35 * abs(n.0 * light.0 + n.1 * light.1 + n.2 * light.2)
                let base = colormap.color(q.t)
                let color = Color(red: base.red * shade, green: base.green * shade, blue: base.blue * shade)
                let poly = Path.polygon(c.map(screen))
                canvas.fill(poly, color: color)
                canvas.stroke(poly, style: StrokeStyle(color: color, width: 0.6, join: .round))
            case let .segment(n, a, b):
                var line = Path()
                line.move(to: a); line.line(to: b)
                canvas.stroke(line, style: StrokeStyle(color: paths[n].color, width: 2.2, cap: .round))
            case let .start(n, p):
                canvas.fillAndStroke(.circle(center: p, radius: 4), fill: .white, stroke: StrokeStyle(color: paths[n].color, width: 2))
            case let .end(n, p):
                canvas.fillAndStroke(.circle(center: p, radius: 4), fill: paths[n].color, stroke: StrokeStyle(color: .white, width: 1.2))
            case let .arrow(points):
                drawArrow(points, on: canvas)
            }
        }

        drawAxes(screen: screen, on: canvas, theme: theme)
    }
}

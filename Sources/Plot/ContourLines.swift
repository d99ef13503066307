#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Canvas

/// Contour lines in data coordinates, each labelled inline with its level where a label fits:
/// the label follows the line's direction, the line is broken under it, and no two labels
/// overlap each other, leave the plot area, come near the points in `avoid` or go under the
/// context's keep-out rectangles (the legend).
public struct ContourLines: PlotMark {
    /// One polyline at a level.
    public struct Line: Sendable, Equatable {
        public var level: Double
        public var xs: [Double]
        public var ys: [Double]
        public init(level: Double, xs: [Double], ys: [Double]) { self.level = level; self.xs = xs; self.ys = ys }
    }

    /// A placed label: its text, centre, angle (radians, counter-clockwise) and size in points.
    public struct Label: Sendable, Equatable {
        public var text: String
        public var center: Point
        public var angle: Double { didSet { (cosine, sine) = (cos(angle), sin(angle)) } }
        public var width: Double
        public var height: Double
        /// The angle's cosine and sine, computed once: every contour point is tested against
        /// every label when the lines are broken under them.
        private var cosine: Double, sine: Double

        public init(text: String, center: Point, angle: Double, width: Double, height: Double) {
            self.text = text; self.center = center; self.angle = angle; self.width = width; self.height = height
            (cosine, sine) = (cos(angle), sin(angle))
        }

        /// Whether canvas point `p` lies under the label (with `pad` points around it).
        public func covers(_ p: Point, pad: Double = 1.5) -> Bool {
            let dx = p.x - center.x, dy = p.y - center.y
            let hw = width / 2 + pad, hh = height / 2 + pad
            // Outside the circle around the padded box: no need to rotate.
            if dx * dx + dy * dy > hw * hw + hh * hh { return false }
            let u = dx * cosine - dy * sine, v = dx * sine + dy * cosine
            return abs(u) <= hw && abs(v) <= hh
        }

        /// Whether the segment ab passes under the label (with `pad` points around it): the
        /// segment, in the label's own frame, clipped against its padded box (Liang-Barsky).
        public func crosses(_ a: Point, _ b: Point, pad: Double) -> Bool {
            func local(_ p: Point) -> (Double, Double) {
                let dx = p.x - center.x, dy = p.y - center.y
                return (dx * cosine - dy * sine, dx * sine + dy * cosine)
            }
            let (u0, v0) = local(a), (u1, v1) = local(b)
            let hw = width / 2 + pad, hh = height / 2 + pad
            var t0 = 0.0, t1 = 1.0
            for (p, q) in [(-(u1 - u0), u0 + hw), (u1 - u0, hw - u0), (-(v1 - v0), v0 + hh), (v1 - v0, hh - v0)] {
                if p == 0 {
                    if q < 0 { return false }
                } else {
                    let r = q / p
                    if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
                    if t0 > t1 { return false }
                }
            }
            return true
        }

        /// Half the diagonal of the label's box: no point farther from the centre can be under it.
        var radius: Double { (width * width + height * height).squareRoot() / 2 }

        /// The axis-aligned box around the rotated label.
        public var boundingBox: Rect {
            let c = abs(cosine), s = abs(sine)
            let w = width * c + height * s, h = width * s + height * c
            return Rect(x: center.x - w / 2, y: center.y - h / 2, width: w, height: h)
        }
    }

    public var lines: [Line]
    public var style: StrokeStyle
    public var labelled: Bool
    public var labelColor: Color
    /// The labels' size in points; nil takes the theme's `contourLabelSize`.
    public var fontSize: Double?
    /// Clear space kept between labels, in points.
    public var labelSpacing = 10.0
    /// Data points labels keep clear of (minima, path iterates), by `avoidClearance`.
    public var avoid: [(Double, Double)] = []
    /// Points between a label's box and an avoided point: enough to clear a marker drawn there
    /// (the minimum's cross reaches 7 points from its centre) with a visible gap.
    public var avoidClearance = 12.0
    /// Points kept between a label and a keep-out rectangle.
    public var keepOutMargin = 3.0
    /// Arrows drawn on the same plot (a gradient field): labels keep `arrowClearance` points
    /// from them where the line leaves room, and sit across one only where it does not.
    public var avoidArrows: QuiverMark?
    public var arrowClearance = 2.5

    public init(lines: [Line], style: StrokeStyle, labelled: Bool = true, labelColor: Color = .white, fontSize: Double? = nil) {
        self.lines = lines; self.style = style; self.labelled = labelled
        self.labelColor = labelColor; self.fontSize = fontSize
    }

    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? { nil }

    /// Three significant digits, without trailing zeros; powers of ten for very large or small
    /// levels; a typographic minus, as on the tick labels.
    public static func format(_ v: Double) -> String {
        plainFormat(v).replacingOccurrences(of: "-", with: "\u{2212}")
    }

    static func plainFormat(_ v: Double) -> String {
        if v == 0 { return "0" }
        let a = abs(v)
        if a >= 1e5 || a < 1e-3 {
            let e = Int(floor(log10(a)))
            let m = v / pow(10, Double(e))
            return trim(String(format3: m)) + "e" + String(e)
        }
        let digits = max(0, 2 - Int(floor(log10(a))))
        return trim(String(fixed: v, digits: digits))
    }

    static func trim(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = s
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }

    /// Chooses label positions: for each level, on its longest line, the first spot (from the
    /// middle outwards) whose rotated box stays inside the plot, clear of earlier labels, of
    /// the avoided points, of the context's keep-out rectangles and, where the line leaves
    /// room, of the avoided arrows.
    public func placeLabels(in context: PlotContext) -> [Label] {
        guard labelled else { return [] }
        let font = Font(family: context.theme.fontFamily, size: fontSize ?? context.theme.contourLabelSize)
        var placed: [Int: Label] = [:]  // by level index
        var byLevel: [Double: Line] = [:]
        for line in lines where line.xs.count >= 2 {
            if let old = byLevel[line.level], old.xs.count >= line.xs.count { continue }
            byLevel[line.level] = line
        }
        let area = context.plotRect.insetBy(2)
        let keepClear = avoid.map { context.point($0.0, $0.1) }.filter { $0.x.isFinite && $0.y.isFinite }
        let keepOut = context.keepOut.map { $0.insetBy(-keepOutMargin) }
        let levels = byLevel.keys.sorted()
        let texts = levels.map { Self.format($0) }
        let sizes = texts.map { text -> (Double, Double) in
            let e = context.canvas.measureText(text, font: font)
            return (e.width, e.ascent + e.descent)
        }
        // The arrows bucketed for the largest label: a query at a label's centre finds every arrow that can reach under it.
        let arrows = avoidArrows?.arrows(in: context) ?? []
        let reach = (sizes.map { ($0.0 * $0.0 + $0.1 * $0.1).squareRoot() / 2 }.max() ?? 0) + arrowClearance
        let arrowGrid = arrows.isEmpty ? nil : SegmentGrid([[Point]](arrows.map { [$0.0, $0.1] }), reach: reach)
        var placedBoxes: [Rect] = []
        // A level whose line has no spot clear of the arrows still gets a label, across one.
        for clearOfArrows in arrowGrid == nil ? [false] : [true, false] {
            for (i, level) in levels.enumerated() where placed[i] == nil {
                let line = byLevel[level]!
                let (w, h) = sizes[i]
                let pts = (0..<line.xs.count).map { context.point(line.xs[$0], line.ys[$0]) }
                // Cumulative canvas length, to require a straight-ish run about as long as the label.
                let arc = Self.cumulativeLength(pts)
                var order = Array(pts.indices)
                let mid = pts.count / 2
                order.sort { abs($0 - mid) < abs($1 - mid) }
                for k in order {
                    guard let (a, b) = Self.span(pts, arc: arc, around: k, length: w) else { continue }
                    let dx = b.x - a.x, dy = b.y - a.y
                    var angle = atan2(-dy, dx)
                    if angle > .pi / 2 { angle -= .pi }
                    if angle < -.pi / 2 { angle += .pi }
                    let label = Label(text: texts[i], center: Point((a.x + b.x) / 2, (a.y + b.y) / 2), angle: angle, width: w, height: h)
                    let box = label.boundingBox
                    guard box.minX >= area.minX, box.maxX <= area.maxX, box.minY >= area.minY, box.maxY <= area.maxY else { continue }
                    if placedBoxes.contains(where: { $0.intersects(box) }) { continue }
                    if keepClear.contains(where: { label.covers($0, pad: avoidClearance) }) { continue }
                    if keepOut.contains(where: { $0.intersects(box) }) { continue }
                    if clearOfArrows, let arrowGrid,
                       arrowGrid.segments(near: label.center, within: label.radius + arrowClearance)
                        .contains(where: { label.crosses($0.0, $0.1, pad: arrowClearance) }) { continue }
                    placed[i] = label
                    placedBoxes.append(box.insetBy(-labelSpacing))
                    break
                }
            }
        }
        return levels.indices.compactMap { placed[$0] }
    }

    /// The canvas length of the polyline from its first point to each point.
    static func cumulativeLength(_ pts: [Point]) -> [Double] {
        var arc = [Double](repeating: 0, count: pts.count)
        for j in pts.indices.dropFirst() {
            arc[j] = arc[j - 1] + hypot(pts[j].x - pts[j - 1].x, pts[j].y - pts[j - 1].y)
        }
        return arc
    }

    /// The points `length`/2 before and after index k along the polyline (whose cumulative
    /// length is `arc`), if the line reaches that far and is nearly straight there (the chord
    /// is at least 90% of the arc).
    static func span(_ pts: [Point], arc: [Double], around k: Int, length: Double) -> (Point, Point)? {
        let half = length / 2
        var i = k
        while arc[k] - arc[i] < half { i -= 1; if i < 0 { return nil } }
        var j = k
        while arc[j] - arc[k] < half { j += 1; if j >= pts.count { return nil } }
        let a = pts[i], b = pts[j]
        let chord = hypot(b.x - a.x, b.y - a.y)
        return chord >= 0.9 * (arc[j] - arc[i]) ? (a, b) : nil
    }

    public func draw(in context: PlotContext) {
        let labels = placeLabels(in: context)
        var path = Path()
        for line in lines {
            var open = false
            for k in 0..<line.xs.count {
                let p = context.point(line.xs[k], line.ys[k])
                if !p.x.isFinite || !p.y.isFinite || labels.contains(where: { $0.covers(p) }) { open = false; continue }
                if open { path.line(to: p) } else { path.move(to: p); open = true }
            }
        }
        context.canvas.stroke(path, style: style)
        let font = Font(family: context.theme.fontFamily, size: fontSize ?? context.theme.contourLabelSize)
        for label in labels {
            context.canvas.withSavedState {
                context.canvas.translate(by: label.center)
                context.canvas.rotate(by: label.angle)
                let e = context.canvas.measureText(label.text, font: font)
                context.canvas.drawText(label.text, at: Point(-e.width / 2, (e.ascent - e.descent) / 2), font: font, color: labelColor)
            }
        }
    }
}

extension String {
    /// `v` with `digits` decimals (no Foundation).
    init(fixed v: Double, digits: Int) {
        let scale = pow(10, Double(digits))
        let r = (abs(v) * scale).rounded()
        let whole = Int(r / scale), frac = Int(r - Double(whole) * scale)
        var s = (v < 0 && r != 0 ? "-" : "") + String(whole)
        if digits > 0 {
            let f = String(frac)
            s += "." + String(repeating: "0", count: digits - f.count) + f
        }
        self = s
    }

    init(format3 v: Double) { self.init(fixed: v, digits: 2) }
}

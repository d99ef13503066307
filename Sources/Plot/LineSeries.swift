import Canvas

/// A polyline through (x, y) points, optionally drawn as steps and with markers.
///
/// Non-finite or unplaceable points (NaN, ±Inf, non-positive on a log axis) break the
/// line; long series are decimated per pixel column before drawing.
public struct LineSeries: PlotMark {
    /// How consecutive points are joined.
    public enum Interpolation: Sendable, Equatable {
        case straight
        /// Horizontal then vertical, like matplotlib's `drawstyle="steps-post"`.
        case stepsPost
        /// Vertical then horizontal (`steps-pre`).
        case stepsPre
    }

    public var xs: [Double]
    public var ys: [Double]
    public var label: String?
    public var style: StrokeStyle
    public var marker: Marker?
    public var interpolation: Interpolation
    /// Whether the mark shows in the legend (when it has a label).
    public var inLegend: Bool

    public init(xs: [Double], ys: [Double], label: String? = nil, style: StrokeStyle,
                marker: Marker? = nil, interpolation: Interpolation = .straight,
                inLegend: Bool = true) {
        precondition(xs.count == ys.count, "xs and ys differ in length")
        self.xs = xs; self.ys = ys; self.label = label; self.style = style
        self.marker = marker; self.interpolation = interpolation
        self.inLegend = inLegend
    }

    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? {
        DataBounds.of(xs: xs, ys: ys, xScale: xScale, yScale: yScale)
    }

    public var legendEntry: LegendEntry? {
        guard inLegend, let label, !label.isEmpty else { return nil }
        return LegendEntry(label: label, sample: style.width > 0 ? .line(style, marker: marker) : (marker.map { .marker($0) } ?? .line(style, marker: nil)))
    }

    /// Canvas points after decimation to the canvas' device pixel columns, with `nil` where the line breaks.
    public func canvasPoints(in context: PlotContext) -> [Point?] {
        let pxScale = context.canvas.pixelsPerPoint
        let columns = Int((context.plotRect.width * pxScale).rounded(.up))
        let kept = ColumnDecimator.keptIndices(xs: xs, ys: ys, columns: columns) { x in
            context.x.map(x) * pxScale
        }
        var out: [Point?] = []
        out.reserveCapacity(kept.count)
        for i in kept {
            let px = context.x.map(xs[i]), py = context.y.map(ys[i])
            if px.isFinite && py.isFinite && context.x.scale.accepts(xs[i]) && context.y.scale.accepts(ys[i]) {
                out.append(Point(px, py))
            } else {
                out.append(nil)
            }
        }
        return out
    }

    public func draw(in context: PlotContext) {
        let pts = canvasPoints(in: context)
        if style.width > 0 {
            var path = Path(reservingCapacity: pts.count * (interpolation == .straight ? 1 : 2))
            var previous: Point?
            for p in pts {
                guard let p else { previous = nil; continue }
                if let q = previous {
                    switch interpolation {
                    case .straight: break
                    case .stepsPost: path.line(to: Point(p.x, q.y))
                    case .stepsPre: path.line(to: Point(q.x, p.y))
                    }
                    path.line(to: p)
                } else {
                    path.move(to: p)
                }
                previous = p
            }
            context.canvas.stroke(path, style: style)
        }
        if let marker {
            for case let p? in pts { marker.draw(at: p, on: context.canvas) }
        }
    }

    public func occupiedPoints(in context: PlotContext) -> [Point] {
        var out: [Point] = []
        var previous: Point?
        for p in canvasPoints(in: context) {
            guard let p else { previous = nil; continue }
            if let q = previous {
                // Sample long segments so a line crossing a box counts against it.
                let d = max(abs(p.x - q.x), abs(p.y - q.y))
                if d > 8 {
                    let n = Int(d / 8)
                    for k in 1...n {
                        let t = Double(k) / Double(n + 1)
                        out.append(Point(q.x + (p.x - q.x) * t, q.y + (p.y - q.y) * t))
                    }
                }
            }
            out.append(p)
            previous = p
        }
        return out
    }
}

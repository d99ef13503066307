import Canvas

/// A text label placed at a data point (math markup allowed).
public struct TextAnnotation: PlotMark {
    public var text: String
    public var x: Double
    public var y: Double
    public var horizontal: HorizontalAnchor
    public var vertical: VerticalAnchor
    /// Offset from the data point in points (canvas directions: +x right, +y down).
    public var offset: Point
    public var color: Color?
    public var size: Double?
    /// A white box behind the text so it stays readable over lines.
    public var boxed: Bool

    public init(_ text: String, x: Double, y: Double, horizontal: HorizontalAnchor = .left,
                vertical: VerticalAnchor = .baseline, offset: Point = .zero, color: Color? = nil,
                size: Double? = nil, boxed: Bool = false) {
        self.text = text; self.x = x; self.y = y; self.horizontal = horizontal; self.vertical = vertical
        self.offset = offset; self.color = color; self.size = size; self.boxed = boxed
    }

    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? { nil }

    public func draw(in context: PlotContext) {
        let font = context.theme.annotationFont.withSize(size ?? context.theme.annotationSize)
        let layout = RichTextLayout(text, font: font, canvas: context.canvas)
        let anchor = context.point(x, y)
        guard anchor.x.isFinite, anchor.y.isFinite else { return }
        var p = Point(anchor.x + offset.x, anchor.y + offset.y)
        // Keep the label inside the plot area.
        var box = layout.bounds(at: p, horizontal: horizontal, vertical: vertical)
        let area = context.plotRect.insetBy(2)
        if box.maxX > area.maxX { p.x -= box.maxX - area.maxX }
        if box.minX < area.minX { p.x += area.minX - box.minX }
        if box.maxY > area.maxY { p.y -= box.maxY - area.maxY }
        if box.minY < area.minY { p.y += area.minY - box.minY }
        box = layout.bounds(at: p, horizontal: horizontal, vertical: vertical)
        if boxed {
            context.canvas.fill(.rect(box.insetBy(-2)), color: context.theme.background.withAlpha(0.85))
        }
        layout.draw(on: context.canvas, at: p, horizontal: horizontal, vertical: vertical,
                    color: color ?? context.theme.textColor)
    }
}

/// An arrow between two data points, with a filled head at `to`.
public struct ArrowAnnotation: PlotMark {
    public var fromX: Double, fromY: Double, toX: Double, toY: Double
    public var color: Color
    public var width: Double
    public var headLength: Double

    public init(from: (Double, Double), to: (Double, Double), color: Color, width: Double = 1.4, headLength: Double = 7) {
        fromX = from.0; fromY = from.1; toX = to.0; toY = to.1
        self.color = color; self.width = width; self.headLength = headLength
    }

    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? {
        DataBounds.of(xs: [fromX, toX], ys: [fromY, toY], xScale: xScale, yScale: yScale)
    }

    public func draw(in context: PlotContext) {
        ArrowShape.draw(from: context.point(fromX, fromY), to: context.point(toX, toY), color: color,
                        width: width, headLength: headLength, on: context.canvas)
    }

    public func occupiedPoints(in context: PlotContext) -> [Point] {
        let a = context.point(fromX, fromY), b = context.point(toX, toY)
        return (0...4).map { k in let t = Double(k) / 4; return Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t) }
    }
}

/// Draws arrows in canvas coordinates (shared by annotations, quivers and diagrams).
public enum ArrowShape {
    public static func draw(from a: Point, to b: Point, color: Color, width: Double, headLength: Double, on canvas: Canvas) {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0, length.isFinite else { return }
        let ux = dx / length, uy = dy / length
        let headSize = min(headLength, length * 0.6)
        let base = Point(b.x - ux * headSize, b.y - uy * headSize)
        var shaft = Path()
        shaft.move(to: a)
        shaft.line(to: base)
        canvas.stroke(shaft, style: StrokeStyle(color: color, width: width, cap: .round))
        canvas.fill(head(from: base, to: b), color: color)
    }

    /// The head's triangle with its point at `tip` and its back edge (0.9 of the length wide) at `base`.
    public static func head(from base: Point, to tip: Point) -> Path {
        let halfWidth = 0.45
        let dx = tip.x - base.x, dy = tip.y - base.y
        return .polygon([tip, Point(base.x - dy * halfWidth, base.y + dx * halfWidth),
                         Point(base.x + dy * halfWidth, base.y - dx * halfWidth)])
    }
}

/// A vertical or horizontal line across the whole plot area at a data value, with an
/// optional label at its top (vertical) or right end (horizontal).
public struct ReferenceLine: PlotMark {
    /// Which way the line runs.
    public enum Orientation: Sendable, Equatable { case vertical, horizontal }

    public var orientation: Orientation
    public var value: Double
    public var style: StrokeStyle
    public var label: String?
    /// Which text row the label sits in, so several labelled lines do not collide.
    public var labelRow: Int

    public init(_ orientation: Orientation, at value: Double, style: StrokeStyle, label: String? = nil, labelRow: Int = 0) {
        self.orientation = orientation; self.value = value; self.style = style; self.label = label
        self.labelRow = labelRow
    }

    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? { nil }

    public func draw(in context: PlotContext) {
        let r = context.plotRect
        var path = Path()
        switch orientation {
        case .vertical:
            let x = context.x.map(value)
            guard x.isFinite else { return }
            path.move(to: Point(x, r.minY)); path.line(to: Point(x, r.maxY))
        case .horizontal:
            let y = context.y.map(value)
            guard y.isFinite else { return }
            path.move(to: Point(r.minX, y)); path.line(to: Point(r.maxX, y))
        }
        context.canvas.stroke(path, style: style)
        guard let label, !label.isEmpty else { return }
        let layout = RichTextLayout(label, font: context.theme.annotationFont, canvas: context.canvas)
        let pad = 4.0
        switch orientation {
        case .vertical:
            let x = context.x.map(value)
            // Label to the left of the line when it would run past the right edge.
            let right = x + pad + layout.width <= r.maxX - pad
            let p = Point(right ? x + pad : x - pad, r.minY + pad + 1.2 * layout.height + Double(labelRow) * (layout.height + 2 * pad))
            let box = layout.bounds(at: p, horizontal: right ? .left : .right, vertical: .top)
            context.canvas.fill(.rect(box.insetBy(-2)), color: context.theme.background.withAlpha(0.85))
            layout.draw(on: context.canvas, at: p, horizontal: right ? .left : .right, vertical: .top, color: style.color)
        case .horizontal:
            let y = context.y.map(value)
            let p = Point(r.maxX - pad, y - pad)
            let box = layout.bounds(at: p, horizontal: .right, vertical: .bottom)
            context.canvas.fill(.rect(box.insetBy(-2)), color: context.theme.background.withAlpha(0.85))
            layout.draw(on: context.canvas, at: p, horizontal: .right, vertical: .bottom, color: style.color)
        }
    }

    public func occupiedPoints(in context: PlotContext) -> [Point] {
        let r = context.plotRect
        switch orientation {
        case .vertical:
            let x = context.x.map(value)
            return x.isFinite ? (0...10).map { Point(x, r.minY + r.height * Double($0) / 10) } : []
        case .horizontal:
            let y = context.y.map(value)
            return y.isFinite ? (0...10).map { Point(r.minX + r.width * Double($0) / 10, y) } : []
        }
    }
}

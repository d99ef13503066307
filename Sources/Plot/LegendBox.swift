import Canvas

/// A measured legend: rows of sample + label in a framed box.
struct LegendBox {
    let entries: [LegendEntry]
    let labels: [RichTextLayout]
    let size: Size
    let rowHeight: Double
    let theme: Theme

    static let sampleWidth = 22.0
    static let sampleGap = 6.0
    static let inset = 6.0

    init(entries: [LegendEntry], size: Size, canvas: Canvas, theme: Theme) {
        self.entries = entries
        self.labels = entries.map { RichTextLayout($0.label, font: theme.legendFont, canvas: canvas) }
        self.size = size
        self.rowHeight = Self.rowHeight(labels, theme: theme)
        self.theme = theme
    }

    static func rowHeight(_ labels: [RichTextLayout], theme: Theme) -> Double {
        max(theme.legendSize * 1.45, (labels.map(\.height).max() ?? 0) + 3)
    }

    /// `entries` cut to the rows that fit in `height`, the last row saying how many were left
    /// out ("... and 12 more", with no sample).
    static func fitting(_ entries: [LegendEntry], height: Double, canvas: Canvas, theme: Theme) -> [LegendEntry] {
        guard entries.count > 1, height > 0 else { return entries }
        let labels = entries.prefix(200).map { RichTextLayout($0.label, font: theme.legendFont, canvas: canvas) }
        let rows = Int((height - 2 * inset + 2) / rowHeight(labels, theme: theme))
        guard entries.count > rows else { return entries }
        let kept = max(0, rows - 1)
        return Array(entries.prefix(kept)) + [LegendEntry(label: "... and \(entries.count - kept) more", sample: .patch(.clear))]
    }

    /// The box size needed for `entries`.
    static func measure(_ entries: [LegendEntry], canvas: Canvas, theme: Theme) -> Size {
        let labels = entries.map { RichTextLayout($0.label, font: theme.legendFont, canvas: canvas) }
        let width = (labels.map(\.width).max() ?? 0) + sampleWidth + sampleGap + 2 * inset
        let height = Double(entries.count) * rowHeight(labels, theme: theme) + 2 * inset - 2
        return Size(width, height)
    }

    /// The box's rectangle at a location inside `plot`.
    func rect(at location: LegendLocation, in plot: Rect) -> Rect {
        let m = 6.0
        let x: Double, y: Double
        switch location {
        case .upperLeft, .lowerLeft, .centerLeft: x = plot.minX + m
        case .upperRight, .lowerRight, .centerRight: x = plot.maxX - m - size.width
        case .upperCenter, .lowerCenter, .center: x = plot.midX - size.width / 2
        }
        switch location {
        case .upperLeft, .upperRight, .upperCenter: y = plot.minY + m
        case .lowerLeft, .lowerRight, .lowerCenter: y = plot.maxY - m - size.height
        case .centerLeft, .centerRight, .center: y = plot.midY - size.height / 2
        }
        return Rect(x: x, y: y, width: size.width, height: size.height)
    }

    /// The location whose box covers the fewest of `points` (ties go to the earlier location).
    func bestLocation(in plot: Rect, avoiding points: [Point]) -> LegendLocation {
        var best = LegendLocation.upperRight
        var bestCount = Int.max
        for location in LegendLocation.allCases {
            let r = rect(at: location, in: plot).insetBy(-3)
            var count = 0
            for p in points where r.contains(p) {
                count += 1
                if count >= bestCount { break }
            }
            if count < bestCount { best = location; bestCount = count }
            if count == 0 { break }
        }
        return best
    }

    func draw(in r: Rect, on canvas: Canvas) {
        var frame = Path.rect(r)
        frame = Path.rect(r)
        canvas.fill(frame, color: theme.background.withAlpha(0.9))
        canvas.stroke(frame, style: StrokeStyle(color: theme.legendFrameColor, width: 0.8))
        for (i, entry) in entries.enumerated() {
            let centerY = r.minY + Self.inset - 1 + (Double(i) + 0.5) * rowHeight
            let sx = r.minX + Self.inset
            switch entry.sample {
            case .line(let style, let marker):
                var p = Path()
                p.move(to: Point(sx, centerY)); p.line(to: Point(sx + Self.sampleWidth, centerY))
                var s = style
                s.width = min(max(style.width, 1.2), 3)
                s.color = s.color.withAlpha(max(s.color.alpha, 0.6))
                canvas.stroke(p, style: s)
                marker?.draw(at: Point(sx + Self.sampleWidth / 2, centerY), on: canvas)
            case .marker(let marker):
                marker.draw(at: Point(sx + Self.sampleWidth / 2, centerY), on: canvas)
            case .patch(let color):
                canvas.fill(.rect(Rect(x: sx, y: centerY - 5, width: Self.sampleWidth, height: 10)), color: color)
            case .arrow(let color):
                ArrowShape.draw(from: Point(sx, centerY), to: Point(sx + Self.sampleWidth, centerY), color: color, width: 1.2,
                                headLength: 6, on: canvas)
            }
            labels[i].draw(on: canvas, at: Point(sx + Self.sampleWidth + Self.sampleGap, centerY),
                           horizontal: .left, vertical: .center, color: theme.textColor)
        }
    }
}

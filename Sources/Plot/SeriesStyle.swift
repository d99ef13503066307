import Canvas

/// A user's look for one series of a chart (`--color`, `--linestyle`, `--marker`,
/// `--linewidth`); a nil field keeps the automatic choice.
public struct SeriesStyle: Sendable, Equatable {
    public var color: Color?
    public var pattern: LinePattern?
    public var marker: MarkerCode?
    /// Line width in points.
    public var width: Double?

    public init(color: Color? = nil, pattern: LinePattern? = nil, marker: MarkerCode? = nil, width: Double? = nil) {
        self.color = color; self.pattern = pattern; self.marker = marker; self.width = width
    }

    /// One style per series from per-option value lists, as matplotlib's property cycles read:
    /// a list of one value styles every series, a longer one the series in order (the rest
    /// stay automatic).
    public static func perSeries(count: Int, colors: [Color], patterns: [LinePattern], markers: [MarkerCode],
                                 widths: [Double]) -> [SeriesStyle] {
        func pick<T>(_ values: [T], _ i: Int) -> T? {
            if values.count == 1 { return values[0] }
            return i < values.count ? values[i] : nil
        }
        return (0..<count).map { i in
            SeriesStyle(color: pick(colors, i), pattern: pick(patterns, i), marker: pick(markers, i), width: pick(widths, i))
        }
    }
}

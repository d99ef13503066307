import ArgumentParser
import Canvas
import Plot

/// `descent plot`'s look: theme, base font size, transparency and the per-series colours,
/// line styles, markers and widths (repeatable, in series order, as `--label` is).
struct PlotStyleOptions: ParsableArguments {
    @Option(name: .customLong("color"), help: "Series colour, once per series in order (one value colours every series): a name, #rrggbb, C0..C9 (the palette's n-th colour) or tab:blue..tab:cyan.")
    var colors: [String] = []

    @Option(name: .customLong("linestyle"), parsing: .unconditionalSingleValue, help: "Series line style, once per series in order (one value: every series): solid, dashed, dotted, dashdot, none, or -, --, :, -. (write --linestyle=-- for dashes: a bare -- ends the options).")
    var linestyles: [String] = []

    @Option(name: .customLong("marker"), parsing: .unconditionalSingleValue, help: "Series marker, once per series in order (one value: every series): o s ^ v D x + . or none.")
    var markers: [String] = []

    @Option(name: .customLong("linewidth"), help: "Series line width in points, once per series in order (one value: every series).")
    var linewidths: [String] = []

    @Option(name: .customLong("font-size"), help: "Base text size in points (tick labels and legend; labels and titles scale with it; default 11, 16.5 with --theme slides).")
    var fontSize: String?

    @Option(help: "The look: slides makes text and lines 1.5 times as large as paper's.")
    var theme: PlotTheme = .paper

    @Flag(help: "No background: PNG, SVG and PDF are transparent where nothing is drawn (as matplotlib's savefig(transparent=True)).")
    var transparent = false

    /// The checked look; per-series values are matched to the series once the logs are read.
    func look() throws -> PlotLook {
        var theme = self.theme.theme
        if let text = fontSize {
            guard let size = Double(text.trimmingSpaces), size.isFinite, size >= 4, size <= 72 else {
                throw UserError("--font-size '\(text)': expected a size in points from 4 to 72, e.g. 14")
            }
            theme = theme.withBaseFontSize(size)
        }
        let colors = try self.colors.map { text -> Color in
            guard let c = NamedColor.parse(text, palette: theme) else { throw UserError("--color '\(text)': expected \(NamedColor.accepted)") }
            return c
        }
        let patterns = try linestyles.map { text -> LinePattern in
            guard let p = LinePattern(name: text) else {
                throw UserError("--linestyle '\(text)': expected solid, dashed, dotted, dashdot, none, or -, --, :, -.")
            }
            return p
        }
        let markers = try self.markers.map { text -> MarkerCode in
            guard let m = MarkerCode(code: text) else { throw UserError("--marker '\(text)': expected one of \(MarkerCode.codes)") }
            return m
        }
        let widths = try linewidths.map { text -> Double in
            guard let w = Double(text.trimmingSpaces), w.isFinite, w > 0, w <= 50 else {
                throw UserError("--linewidth '\(text)': expected a width in points, more than 0 and at most 50, e.g. 2.5")
            }
            return w
        }
        return PlotLook(theme: theme, transparent: transparent, colors: colors, patterns: patterns, markers: markers, widths: widths)
    }
}

/// `plot --theme`: the figure's look.
enum PlotTheme: String, CaseIterable, ExpressibleByArgument {
    case paper, slides

    var theme: Theme { self == .slides ? .slides : .paper }
}

/// The checked look of a `descent plot` figure.
struct PlotLook {
    var theme: Theme
    var transparent: Bool
    var colors: [Color]
    var patterns: [LinePattern]
    var markers: [MarkerCode]
    var widths: [Double]

    init(theme: Theme = .paper, transparent: Bool = false, colors: [Color] = [], patterns: [LinePattern] = [],
         markers: [MarkerCode] = [], widths: [Double] = []) {
        self.theme = theme; self.transparent = transparent
        self.colors = colors; self.patterns = patterns; self.markers = markers; self.widths = widths
    }

    /// One style per series named in `series` (legend order); throws when an option is given
    /// more often than there are series, or a series would be drawn with neither line nor marker.
    func styles(series: [String]) throws -> [SeriesStyle] {
        for (option, count) in [("--color", colors.count), ("--linestyle", patterns.count), ("--marker", markers.count), ("--linewidth", widths.count)]
        where count > series.count {
            throw UserError("\(option) given \(count) times for \(series.count) series (\(series.joined(separator: ", "))): give at most one per series, in this order, or one for all")
        }
        let styles = SeriesStyle.perSeries(count: series.count, colors: colors, patterns: patterns, markers: markers, widths: widths)
        if let i = styles.firstIndex(where: { $0.pattern == LinePattern.none && $0.marker == MarkerCode.none }) {
            throw UserError("series '\(series[i])' has --linestyle none and --marker none: it would not be drawn; give it a line or a marker")
        }
        return styles
    }
}

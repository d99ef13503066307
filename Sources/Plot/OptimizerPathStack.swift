#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Canvas

/// Optimizer paths drawn bottom first, so that none hides under another: a path that runs
/// under later ones for much of its length is drawn wider than the widest of them, and shows
/// as a coloured border on both sides of their white-haloed lines. Start and end circles go on
/// top of all the lines.
public struct OptimizerPathStack: PlotMark {
    /// The paths in drawing order, bottom first.
    public var marks: [OptimizerPathMark]
    /// The share of a path's length that must lie under later paths before it is widened.
    public var coveredShare = 0.6
    /// The coloured border, in points, a widened path shows on each side of the haloes above it.
    public var border = 1.3

    public init(_ marks: [OptimizerPathMark]) { self.marks = marks }

    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? {
        marks.compactMap { $0.dataBounds(xScale: xScale, yScale: yScale) }.reduce(nil) { $0?.union($1) ?? $1 }
    }

    /// The lines bottom first, then the start and end circles over all of them (a halo passing
    /// over another path's end would bleach it).
    public func draw(in context: PlotContext) {
        for (mark, width) in zip(marks, lineWidths(in: context)) {
            var m = mark
            m.lineWidth = width
            m.drawLine(in: context)
        }
        for mark in marks { mark.drawEndMarkers(in: context) }
    }

    public var legendEntry: LegendEntry? { nil }

    public func occupiedPoints(in context: PlotContext) -> [Point] { marks.flatMap { $0.occupiedPoints(in: context) } }

    /// Each path's line width: from the top path down, a path whose length lies under the paths
    /// above it by at least `coveredShare` gets the widest of those paths' width plus their halo
    /// and a border on each side; others keep their own width.
    public func lineWidths(in context: PlotContext) -> [Double] {
        let polylines = marks.map { Self.runs($0.canvasPoints(context)) }
        var widths = marks.map(\.lineWidth)
        for i in marks.indices.reversed() {
            let samples = Self.samples(along: polylines[i], spacing: 2)
            guard !samples.isEmpty else { continue }
            var covered = 0
            var widest = 0.0
            for p in samples {
                var under: Double?
                for j in marks.indices where j > i {
                    let reach = (widths[j] + OptimizerPathMark.haloExtra) / 2 + 0.5
                    if Self.distance(from: p, to: polylines[j]) <= reach { under = max(under ?? 0, widths[j]) }
                }
                if let under { covered += 1; widest = max(widest, under) }
            }
            if Double(covered) >= coveredShare * Double(samples.count) {
                widths[i] = max(widths[i], widest + OptimizerPathMark.haloExtra + 2 * border)
            }
        }
        return widths
    }

    /// The unbroken runs of a path's canvas points (nil marks a break).
    static func runs(_ points: [Point?]) -> [[Point]] {
        var out: [[Point]] = [[]]
        for p in points {
            if let p { out[out.count - 1].append(p) } else if !out[out.count - 1].isEmpty { out.append([]) }
        }
        return out.filter { !$0.isEmpty }
    }

    /// Points every `spacing` points of length along the runs (and each run's ends).
    static func samples(along runs: [[Point]], spacing: Double) -> [Point] {
        var out: [Point] = []
        for run in runs {
            out.append(run[0])
            for (a, b) in zip(run, run.dropFirst()) {
                let length = hypot(b.x - a.x, b.y - a.y)
                let n = Int((length / spacing).rounded(.up))
                guard n > 0 else { continue }
                for k in 1...n {
                    let t = Double(k) / Double(n)
                    out.append(Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t))
                }
            }
        }
        return out
    }

    /// The shortest distance from `p` to the runs' segments (or lone points).
    static func distance(from p: Point, to runs: [[Point]]) -> Double {
        var best = Double.infinity
        for run in runs {
            if run.count == 1 { best = min(best, hypot(p.x - run[0].x, p.y - run[0].y)) }
            for (a, b) in zip(run, run.dropFirst()) {
                let dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy
                let t = l2 > 0 ? max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2)) : 0
                best = min(best, hypot(p.x - a.x - t * dx, p.y - a.y - t * dy))
            }
        }
        return best
    }
}

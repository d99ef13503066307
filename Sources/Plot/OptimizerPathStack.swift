#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Canvas

/// Optimizer paths drawn bottom first, so that none hides under another: where a path runs
/// under later ones, a wider stroke of its colour goes under that stretch, and shows as a
/// coloured border on both sides of their white-haloed lines; elsewhere it keeps its width.
/// Start and end circles go on top of all the lines.
public struct OptimizerPathStack: PlotMark {
    /// The paths in drawing order, bottom first.
    public var marks: [OptimizerPathMark]
    /// The share of a step's length that must lie under later paths for the step to get a border.
    public var coveredShare = 0.6
    /// The coloured border, in points, a hidden stretch shows on each side of the haloes above it.
    public var border = 1.3

    /// The stretches of one path that run under later paths, and the width that makes them show.
    public struct Border {
        public var width: Double
        public var segments: [(Point, Point)]
    }

    public init(_ marks: [OptimizerPathMark]) { self.marks = marks }

    public func dataBounds(xScale: AxisScale, yScale: AxisScale) -> DataBounds? {
        marks.compactMap { $0.dataBounds(xScale: xScale, yScale: yScale) }.reduce(nil) { $0?.union($1) ?? $1 }
    }

    /// The borders and lines bottom first, then the start and end circles over all of them (a
    /// halo passing over another path's end would bleach it).
    public func draw(in context: PlotContext) {
        for (mark, border) in zip(marks, borders(in: context)) {
            if !border.segments.isEmpty {
                var path = Path()
                for (a, b) in border.segments { path.move(to: a); path.line(to: b) }
                context.canvas.stroke(path, style: StrokeStyle(color: mark.color, width: border.width, cap: .round, join: .round))
            }
            mark.drawLine(in: context)
        }
        for mark in marks { mark.drawEndMarkers(in: context) }
    }

    public var legendEntry: LegendEntry? { nil }

    public func occupiedPoints(in context: PlotContext) -> [Point] { marks.flatMap { $0.occupiedPoints(in: context) } }

    /// For each path, the steps that lie under the paths above it (by at least `coveredShare` of
    /// their length), and a width of the widest of those paths plus their halo and a border on each side.
    public func borders(in context: PlotContext) -> [Border] {
        let polylines = marks.map { Self.runs($0.canvasPoints(context)) }
        let reaches = marks.map { ($0.lineWidth + OptimizerPathMark.haloExtra) / 2 + 0.5 }
        let grids = polylines.indices.map { SegmentGrid(polylines[$0], reach: reaches[$0]) }
        var out: [Border] = []
        for i in marks.indices {
            let above = marks.indices.filter { $0 > i }
            let widest = above.map { marks[$0].lineWidth }.max() ?? 0
            var segments: [(Point, Point)] = []
            if !above.isEmpty {
                for run in polylines[i] {
                    for (a, b) in zip(run, run.dropFirst()) {
                        let samples = Self.samples(along: [[a, b]], spacing: 2)
                        let covered = samples.filter { p in
                            above.contains { j in grids[j].contains(p, within: reaches[j]) }
                        }.count
                        if Double(covered) >= coveredShare * Double(samples.count) { segments.append((a, b)) }
                    }
                }
            }
            out.append(Border(width: max(marks[i].lineWidth, widest + OptimizerPathMark.haloExtra + 2 * border), segments: segments))
        }
        return out
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
}

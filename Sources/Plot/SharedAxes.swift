/// Shared x or y limits between a figure's 2D panels, as matplotlib's `sharex`/`sharey`: each
/// group takes the union of its panels' limits, and only the outer panels keep tick labels
/// (the bottom one of a column for x, the leftmost of a row for y).
enum SharedAxes {
    /// One axis' part of the sharing: its limits, its tick-label switch, and which neighbour
    /// takes over the labels (below for x, to the left for y).
    struct Axis {
        var range: ((x: (Double, Double), y: (Double, Double))) -> (Double, Double)
        var limits: WritableKeyPath<Axes, AxisLimits>
        var labelsVisible: WritableKeyPath<Axes, Bool>
        var outerNeighbour: (PlacedPanel, PlacedPanel) -> Bool
    }

    static var x: Axis { Axis(range: { $0.x }, limits: \.xLimits, labelsVisible: \.xTickLabelsVisible,
                        outerNeighbour: { other, me in other.column == me.column && other.row > me.row }) }
    static var y: Axis { Axis(range: { $0.y }, limits: \.yLimits, labelsVisible: \.yTickLabelsVisible,
                        outerNeighbour: { other, me in other.row == me.row && other.column < me.column }) }

    /// The figure's placements with shared limits fixed on their axes.
    static func apply(_ figure: Figure) -> [PlacedPanel] {
        var placed = figure.placed
        guard figure.sharedX != .none || figure.sharedY != .none else { return placed }
        let limits = placed.map { $0.panel.cartesianAxes?.resolvedLimits() }
        for (sharing, axis) in [(figure.sharedX, x), (figure.sharedY, y)] {
            for group in groups(sharing, placed, limits) where group.count > 1 {
                let lo = group.map { axis.range(limits[$0]!).0 }.min()!, hi = group.map { axis.range(limits[$0]!).1 }.max()!
                for i in group {
                    guard var axes = placed[i].panel.cartesianAxes else { continue }
                    axes[keyPath: axis.limits] = AxisLimits(lower: lo, upper: hi)
                    if group.contains(where: { $0 != i && axis.outerNeighbour(placed[$0], placed[i]) }) {
                        axes[keyPath: axis.labelsVisible] = false
                    }
                    placed[i].panel.cartesianAxes = axes
                }
            }
        }
        return placed
    }

    /// The panels (with 2D axes) that share, grouped.
    static func groups(_ sharing: AxisSharing, _ placed: [PlacedPanel], _ limits: [(x: (Double, Double), y: (Double, Double))?]) -> [[Int]] {
        let indices = placed.indices.filter { limits[$0] != nil }
        switch sharing {
        case .none: return []
        case .all: return [indices]
        case .row: return Dictionary(grouping: indices) { placed[$0].row }.values.map { $0 }
        case .column: return Dictionary(grouping: indices) { placed[$0].column }.values.map { $0 }
        }
    }
}

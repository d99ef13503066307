/// Shared x or y limits between a figure's 2D panels, as matplotlib's `sharex`/`sharey`: each
/// group takes the union of its panels' limits, and only the outer panels keep tick labels
/// (the bottom one of a column for x, the leftmost of a row for y).
enum SharedAxes {
    /// The figure's placements with shared limits fixed on their axes.
    static func apply(_ figure: Figure) -> [PlacedPanel] {
        var placed = figure.placed
        guard figure.sharedX != .none || figure.sharedY != .none else { return placed }
        let limits = placed.map { $0.panel.cartesianAxes?.resolvedLimits() }
        func groups(_ sharing: AxisSharing) -> [[Int]] {
            let indices = placed.indices.filter { limits[$0] != nil }
            switch sharing {
            case .none: return []
            case .all: return [indices]
            case .row: return Dictionary(grouping: indices) { placed[$0].row }.values.map { $0 }
            case .column: return Dictionary(grouping: indices) { placed[$0].column }.values.map { $0 }
            }
        }
        for group in groups(figure.sharedX) where group.count > 1 {
            let lo = group.map { limits[$0]!.x.0 }.min()!, hi = group.map { limits[$0]!.x.1 }.max()!
            for i in group {
                guard var axes = placed[i].panel.cartesianAxes else { continue }
                axes.xLimits = AxisLimits(lower: lo, upper: hi)
                if sameColumnBelow(i, group, placed) { axes.xTickLabelsVisible = false }
                placed[i].panel.cartesianAxes = axes
            }
        }
        for group in groups(figure.sharedY) where group.count > 1 {
            let lo = group.map { limits[$0]!.y.0 }.min()!, hi = group.map { limits[$0]!.y.1 }.max()!
            for i in group {
                guard var axes = placed[i].panel.cartesianAxes else { continue }
                axes.yLimits = AxisLimits(lower: lo, upper: hi)
                if sameRowLeft(i, group, placed) { axes.yTickLabelsVisible = false }
                placed[i].panel.cartesianAxes = axes
            }
        }
        return placed
    }

    /// Whether another panel of the group sits below panel `i` in its column (it then shows the labels).
    static func sameColumnBelow(_ i: Int, _ group: [Int], _ placed: [PlacedPanel]) -> Bool {
        group.contains { $0 != i && placed[$0].column == placed[i].column && placed[$0].row > placed[i].row }
    }

    /// Whether another panel of the group sits left of panel `i` in its row.
    static func sameRowLeft(_ i: Int, _ group: [Int], _ placed: [PlacedPanel]) -> Bool {
        group.contains { $0 != i && placed[$0].row == placed[i].row && placed[$0].column < placed[i].column }
    }
}

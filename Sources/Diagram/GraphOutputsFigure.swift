import Canvas
import Plot

/// Several computation-graph diagrams side by side in one figure, each in its own panel with
/// its title (`descent graph --outputs add,mul,max`): one column per diagram, as wide as it.
public enum GraphOutputsFigure {
    /// Room around each diagram and above it for its title.
    static let gap = 24.0, titleRoom = 30.0

    public static func figure(_ diagrams: [(title: String, diagram: GraphDiagram)], theme: Theme = Theme()) -> Figure {
        let widths = diagrams.map { $0.diagram.size.width + gap }
        let height = (diagrams.map(\.diagram.size.height).max() ?? 0) + titleRoom + gap
        var figure = Figure(size: Size(widths.reduce(0, +), height), rows: 1, columns: max(1, diagrams.count), theme: theme)
        figure.columnWeights = widths
        for (i, entry) in diagrams.enumerated() {
            var panel = GraphPanel(entry.diagram)
            panel.title = entry.title
            figure.place(panel, row: 0, column: i)
        }
        return figure
    }
}

extension GraphDiagram {
    /// A node name as the diagrams write it (`w1` -> `$w_{1}$`), for titles naming outputs.
    public static func markupName(_ name: String) -> String { markup(name) }
}

import Canvas

/// Which panels of a figure share an axis' limits, as matplotlib's `sharex`/`sharey`.
public enum AxisSharing: String, Sendable, Equatable, CaseIterable {
    /// Every panel keeps its own limits.
    case none
    /// All 2D panels of the figure share the limits.
    case all
    /// Panels whose cells start in the same row share them.
    case row
    /// Panels whose cells start in the same column share them.
    case column
}

/// A panel and the grid cells it spans.
public struct PlacedPanel: Sendable {
    public var panel: any Panel
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var columnSpan: Int

    public init(_ panel: any Panel, row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1) {
        self.panel = panel; self.row = row; self.column = column
        self.rowSpan = max(1, rowSpan); self.columnSpan = max(1, columnSpan)
    }
}

/// A whole figure: a grid of panels of any kind, each spanning one or more cells, with an
/// optional overall title, panel letters ("(a)", "(b)", ...) and shared axes.
public struct Figure: Sendable {
    /// Size in points (1/72 inch).
    public var size: Size
    public var title: String?
    public var rows: Int
    public var columns: Int
    public var placed: [PlacedPanel]
    public var theme: Theme
    /// Relative widths of the columns and heights of the rows (equal when nil).
    public var columnWeights: [Double]?
    public var rowWeights: [Double]?
    /// Letters "(a)", "(b)", ... at each panel's top left, in placement order.
    public var panelLetters = false
    /// No background paint, as matplotlib's `savefig(transparent=True)`: the file is transparent
    /// where nothing is drawn (legend and label boxes keep their fill).
    public var transparentBackground = false
    public var sharedX: AxisSharing = .none
    public var sharedY: AxisSharing = .none

    /// A `rows` x `columns` grid to place panels in.
    public init(size: Size, title: String? = nil, rows: Int, columns: Int, theme: Theme = Theme()) {
        self.size = size; self.title = title
        self.rows = max(1, rows); self.columns = max(1, columns)
        self.placed = []; self.theme = theme
    }

    /// Panels filling the grid row by row, `columns` to a row.
    public init(size: Size, title: String? = nil, panels: [any Panel], columns: Int = 1, theme: Theme = Theme()) {
        let columns = max(1, columns)
        self.init(size: size, title: title, rows: max(1, (panels.count + columns - 1) / columns), columns: columns, theme: theme)
        for (i, panel) in panels.enumerated() { place(panel, row: i / columns, column: i % columns) }
    }

    /// A layout by mosaic, as matplotlib's `subplot_mosaic`: rows separated by ";" (or new
    /// lines), one character per cell, the same character over a rectangle of cells for a
    /// panel spanning them, "." for an empty cell. Throws for ragged rows, non-rectangular
    /// spans and letters without a panel (or panels without a letter).
    public init(size: Size, title: String? = nil, mosaic: String, panels: [Character: any Panel], theme: Theme = Theme()) throws {
        let grid = try FigureMosaic.parse(mosaic)
        self.init(size: size, title: title, rows: grid.rows, columns: grid.columns, theme: theme)
        for area in grid.areas {
            guard let panel = panels[area.name] else { throw FigureMosaic.Failure("mosaic cell '\(area.name)' has no panel") }
            place(panel, row: area.row, column: area.column, rowSpan: area.rowSpan, columnSpan: area.columnSpan)
        }
        for name in panels.keys where !grid.areas.contains(where: { $0.name == name }) {
            throw FigureMosaic.Failure("panel '\(name)' is not in the mosaic \"\(mosaic)\"")
        }
    }

    /// Places `panel` over the cells from (row, column), spanning `rowSpan` x `columnSpan`.
    public mutating func place(_ panel: any Panel, row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1) {
        placed.append(PlacedPanel(panel, row: row, column: column, rowSpan: rowSpan, columnSpan: columnSpan))
    }

    /// The panels in placement order.
    public var panels: [any Panel] { placed.map(\.panel) }
}

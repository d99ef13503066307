import Canvas

/// One picture in a cell of a `Figure`: 2D axes, axes with a colour bar, a 3D surface, a
/// computation-graph or network diagram. Each kind lays itself out inside the cell it is given
/// (margins from its real text), so panels of different kinds share one figure.
public protocol Panel: Sendable {
    /// Lays the panel out inside `cell` and draws it; says where its parts went.
    func draw(in cell: Rect, on canvas: Canvas, theme: Theme) -> PanelLayout

    /// The panel's 2D axes, for panels that have them: a figure shares limits between them, and
    /// the terminal preview draws them. Nil for panels without (3D views, diagrams).
    var cartesianAxes: Axes? { get set }

    /// What the panel is, in words, for notes ("3D surface", "computation graph").
    var kindName: String { get }
}

extension Panel {
    public var cartesianAxes: Axes? {
        get { nil }
        set {}
    }
}

/// Where one panel's parts went when it was drawn, in figure coordinates.
public struct PanelLayout {
    /// The cell the panel was given (after room for a panel letter).
    public var cell: Rect
    /// The data area, diagram box or mesh box.
    public var content: Rect
    /// The 2D axes' layout, for panels with axes.
    public var axes: AxesLayout?

    public init(cell: Rect, content: Rect, axes: AxesLayout? = nil) {
        self.cell = cell; self.content = content; self.axes = axes
    }
}

extension Axes: Panel {
    public func draw(in cell: Rect, on canvas: Canvas, theme: Theme) -> PanelLayout {
        let layout = AxesLayout(axes: self, cell: cell, canvas: canvas, theme: theme)
        FigureRenderer.drawAxes(self, layout: layout, on: canvas, theme: theme)
        return PanelLayout(cell: cell, content: layout.plotRect, axes: layout)
    }

    public var cartesianAxes: Axes? {
        get { self }
        set { if let newValue { self = newValue } }
    }

    public var kindName: String { "axes" }
}

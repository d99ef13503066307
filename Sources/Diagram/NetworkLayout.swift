import Canvas

/// Where a network diagram's neurons and edges go inside a box: one column per layer, spread
/// evenly across the box, each column's slots centred at one pitch for the whole diagram, and
/// one radius for every neuron (NN-SVG's node diameter, spacing and layer gap, fitted to the box).
public struct NetworkLayout: Sendable {
    /// A drawn neuron, bias node or ellipsis.
    public struct Node: Sendable, Equatable {
        public var layer: Int
        public var slot: NetworkDiagram.Slot
        public var center: Point
    }

    /// A drawn edge: from a neuron or bias node of layer `layer - 1` to neuron `to` of `layer`.
    public struct Edge: Sendable, Equatable {
        public var layer: Int
        public var from: NetworkDiagram.Slot
        public var to: Int
        public var start: Point
        public var end: Point
        public var weight: Double?
    }

    public var nodes: [Node]
    public var edges: [Edge]
    /// The x of each layer's column.
    public var columns: [Double]
    public var radius: Double
    /// The distance between neighbouring slots of a column.
    public var pitch: Double

    /// The largest radius of a neuron, in points.
    public static let largestRadius = 22.0

    /// Lays `diagram` out so that every neuron lies inside `box`.
    public init(_ diagram: NetworkDiagram, in box: Rect) {
        let slots = diagram.layers.indices.map { diagram.slots(layer: $0) }
        let tallest = Double(slots.map(\.count).max() ?? 1)
        let gap = diagram.layers.count > 1 ? box.width / Double(diagram.layers.count - 1) : box.width
        // Slots one pitch apart, half a pitch free above the first and below the last; neurons
        // take at most 70 % of the pitch and a fifth of the gap between columns.
        let pitch = box.height / tallest
        let r = max(1, min(Self.largestRadius, 0.35 * pitch, 0.1 * gap, box.width / 4))
        let count = diagram.layers.count
        let span: Double = box.width - 2 * r
        let steps = Double(max(1, count - 1))
        let columns = (0..<count).map { (l: Int) -> Double in
            count == 1 ? box.midX : box.minX + r + span * Double(l) / steps
        }
        var nodes: [Node] = []
        var centers: [[Point]] = []
        for l in 0..<count {
            let n = Double(slots[l].count)
            let points = slots[l].indices.map { k in Point(columns[l], box.midY + (Double(k) - (n - 1) / 2) * pitch) }
            centers.append(points)
            for (k, slot) in slots[l].enumerated() { nodes.append(Node(layer: l, slot: slot, center: points[k])) }
        }
        var edges: [Edge] = []
        for l in 1..<max(1, count) {
            for (a, source) in slots[l - 1].enumerated() where source != .ellipsis {
                for (b, target) in slots[l].enumerated() {
                    guard case let .neuron(i) = target else { continue }
                    let p = centers[l - 1][a], q = centers[l][b]
                    let dx = q.x - p.x, dy = q.y - p.y
                    let length = max(1e-9, (dx * dx + dy * dy).squareRoot())
                    // From circle edge to circle edge.
                    let start = Point(p.x + dx / length * r, p.y + dy / length * r)
                    let end = Point(q.x - dx / length * r, q.y - dy / length * r)
                    edges.append(Edge(layer: l, from: source, to: i, start: start, end: end,
                                      weight: diagram.edgeWeight(layer: l, to: i, from: source)))
                }
            }
        }
        self.nodes = nodes
        self.edges = edges
        self.columns = columns
        self.radius = r
        self.pitch = pitch
    }

    /// The centre of neuron `i` of layer `l`, when it is drawn.
    public func center(layer l: Int, neuron i: Int) -> Point? {
        nodes.first { $0.layer == l && $0.slot == .neuron(i) }?.center
    }
}

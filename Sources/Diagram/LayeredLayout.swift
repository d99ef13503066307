import Canvas

/// A layered ("Sugiyama") layout in the phases of Graphviz dot and dagre, each a function of
/// its own (one file each):
/// 1. `ranks`: longest path, then sources and single-use nodes pulled next to their user;
/// 2. `layerGraph`: long edges split by dummy nodes, one per rank crossed; the edges of one
///    source share one trunk of dummies (dot's edge concentration), so a variable used by every
///    gate of a long chain costs one dummy per rank, not one per rank and use; each edge's
///    label is a dummy of its own size in the rank just before its target;
/// 3. `order`: depth-first initial order, median sweeps (best of several by crossing count),
///    the wires into each gate in argument order (any order for commutative gates);
/// 4. `coordinates`: ranks become columns (rows for top-to-bottom), positions within a rank
///    by repeated median pulls projected onto the separation constraints (isotonic regression);
/// 5. `routes`: smooth cubic curves between columns, straight through dummies and labels.
/// Every phase is linear or n log n in the number of nodes and edges.
public struct LayeredLayout: Sendable {
    /// Which way edges run.
    public enum Direction: String, Sendable, CaseIterable { case leftToRight = "lr", topToBottom = "tb" }

    /// What to lay out: node sizes and edges (with optional label sizes) in drawing units.
    public struct Input: Sendable {
        public var nodeSizes: [Size]
        /// Edges in input order; `port` is the input slot at the target (0-based) of `ports` slots.
        public var edges: [Edge]
        public var direction: Direction
        public var rankGap = 26.0
        public var nodeGap = 14.0
        public var dummyGap = 6.0
        /// Nodes whose inputs may enter in any order (commutative gates): their ports follow
        /// the wires' order, so wires never cross at them.
        public var commutative: Set<Int> = []
        public init(nodeSizes: [Size], edges: [Edge], direction: Direction) {
            self.nodeSizes = nodeSizes; self.edges = edges; self.direction = direction
        }
    }

    /// A directed edge and its label's size.
    public struct Edge: Sendable {
        public var from: Int
        public var to: Int
        public var port: Int
        public var ports: Int
        public var labelSize: Size?
        public init(from: Int, to: Int, port: Int = 0, ports: Int = 1, labelSize: Size? = nil) {
            self.from = from; self.to = to; self.port = port; self.ports = ports; self.labelSize = labelSize
        }
    }

    /// A routed edge: the points it passes through and the drawable path.
    public struct Route: Sendable {
        /// The wire. Edges of one source share their trunk: the edge that runs farthest draws it
        /// from the source, the others start where they leave it (so drawing is linear in size).
        public var path: Path
        /// The end point at the target and the direction of arrival (unit vector).
        public var end: Point
        public var endDirection: Point
        /// Where the wire crosses its label (the label's centre), if it has one.
        public var labelRect: Rect?
    }

    public var nodeRects: [Rect]
    public var routes: [Route]
    public var size: Size
    /// Rank of every node.
    public var ranks: [Int]
    /// Edge crossings left after ordering.
    public var crossings: Int

    /// Computes the layout. Node ids are indices into `nodeSizes`; the graph must be acyclic.
    public init(_ input: Input) {
        let rank = Self.ranks(nodeCount: input.nodeSizes.count, edges: input.edges)
        ranks = rank
        var graph = Self.layerGraph(input, ranks: rank)
        let ordering = Self.order(&graph)
        crossings = ordering.crossings
        Self.assignCommutativePorts(&graph, layers: ordering.layers, input: input)
        let placed = Self.coordinates(graph, layers: ordering.layers, input: input)
        nodeRects = (0..<input.nodeSizes.count).map { placed.rect(of: $0, in: graph) }
        routes = Self.routes(graph, placed, input: input)
        size = placed.size
    }
}

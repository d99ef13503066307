import Canvas

/// A layered ("Sugiyama") layout in the phases of Graphviz dot and dagre:
/// 1. ranks by longest path, then sources and single-use nodes pulled next to their user;
/// 2. long edges split by dummy nodes, one per rank crossed, each edge's label a dummy of
///    its own size in the rank just before its target (so labels never overlap anything);
/// 3. ordering sweeps (median, best of several passes by crossing count), then the wires into
///    each gate put in argument order;
/// 4. coordinates: ranks become columns (rows for top-to-bottom), positions within a rank
///    by repeated median pulls projected onto the separation constraints (isotonic regression);
/// 5. smooth cubic curves between columns, straight through dummies and labels.
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
        let lr = input.direction == .leftToRight
        // Extents along the rank axis (a) and the order axis (o).
        func along(_ s: Size) -> Double { lr ? s.width : s.height }
        func across(_ s: Size) -> Double { lr ? s.height : s.width }
        let n = input.nodeSizes.count

        // 1. Ranks: longest path from the sources, then sources pulled right up to their users.
        var incoming = Array(repeating: [Int](), count: n), outgoing = Array(repeating: [Int](), count: n)
        for (i, e) in input.edges.enumerated() { outgoing[e.from].append(i); incoming[e.to].append(i) }
        let topo = Self.topologicalOrder(n: n, edges: input.edges, outgoing: outgoing)
        var rank = Array(repeating: 0, count: n)
        for v in topo { for ei in incoming[v] { rank[v] = max(rank[v], rank[input.edges[ei].from] + 1) } }
        // Then, from the sinks back, sources and single-use nodes move right next to their user,
        // so a sub-expression sits beside the gate that consumes it (never breaking a rank order).
        for v in topo.reversed() where !outgoing[v].isEmpty {
            let users = Set(outgoing[v].map { input.edges[$0].to })
            if incoming[v].isEmpty || users.count == 1 {
                rank[v] = outgoing[v].map { rank[input.edges[$0].to] }.min()! - 1
            }
        }
        ranks = rank

        // 2. Layers (real nodes on even layers) with dummies for every edge.
        let layerCount = 2 * (rank.max() ?? 0) + 1
        var items: [Item] = (0..<n).map { Item(layer: 2 * rank[$0], along: along(input.nodeSizes[$0]), across: across(input.nodeSizes[$0]), kind: .real($0)) }
        var chains = Array(repeating: [Int](), count: input.edges.count)
        for (ei, e) in input.edges.enumerated() {
            let a = 2 * rank[e.from], b = 2 * rank[e.to]
            var previous = e.from
            for layer in (a + 1)..<b {
                let isLabel = layer == b - 1 && e.labelSize != nil
                let item = Item(layer: layer, along: isLabel ? along(e.labelSize!) : 0,
                                across: isLabel ? across(e.labelSize!) : 2, kind: isLabel ? .label(ei) : .dummy(ei))
                items.append(item)
                let id = items.count - 1
                items[previous].down.append(id)
                items[id].up.append(previous)
                chains[ei].append(id)
                previous = id
            }
            items[previous].down.append(e.to)
            items[e.to].up.append(previous)
            let offset = (Double(e.port) - Double(e.ports - 1) / 2) * Self.portSpacing(items[e.to].across, ports: e.ports)
            if let last = chains[ei].last { items[last].portOffset = offset; items[last].port = e.port }
        }

        // 3. Ordering: initial order by depth-first search from the sinks, then sweeps.
        var layers = Array(repeating: [Int](), count: layerCount)
        var seen = Array(repeating: false, count: items.count)
        func visit(_ v: Int) {
            if seen[v] { return }
            seen[v] = true
            layers[items[v].layer].append(v)
            for u in items[v].up { visit(u) }
        }
        let sinks = (0..<n).filter { outgoing[$0].isEmpty }.sorted { rank[$0] > rank[$1] }
        for s in sinks { visit(s) }
        for v in items.indices where !seen[v] { visit(v) }
        Self.orderPorts(&layers, items)
        var best = layers
        var bestCrossings = Self.crossings(layers, items)
        for iteration in 0..<12 where bestCrossings > 0 {
            let downward = iteration % 2 == 0
            let sequence = downward ? Array(1..<layerCount) : Array((0..<max(0, layerCount - 1)).reversed())
            for l in sequence {
                var position: [Int: Double] = [:]
                let neighbourLayer = downward ? l - 1 : l + 1
                for (i, v) in layers[neighbourLayer].enumerated() { position[v] = Double(i) }
                let keyed = layers[l].enumerated().map { (i, v) -> (Int, Double) in
                    let ns = downward ? items[v].up : items[v].down
                    let ps = ns.compactMap { position[$0] }
                    return (v, ps.isEmpty ? Double(i) : Self.median(ps))
                }
                layers[l] = keyed.enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element.0)
            }
            Self.orderPorts(&layers, items)
            let c = Self.crossings(layers, items)
            if c < bestCrossings { bestCrossings = c; best = layers }
        }
        layers = best
        crossings = bestCrossings

        // 4. Coordinates. Rank axis: columns as wide as their widest item, gaps between.
        var columnStart = Array(repeating: 0.0, count: layerCount), columnWidth = Array(repeating: 0.0, count: layerCount)
        var a = 0.0
        for l in 0..<layerCount {
            columnWidth[l] = layers[l].map { items[$0].along }.max() ?? 0
            columnStart[l] = a
            a += columnWidth[l] + input.rankGap
        }
        let totalAlong = a - input.rankGap
        // Order axis: pack, then pull towards neighbours' medians, projected onto the
        // separation constraints by weighted isotonic regression (pool adjacent violators).
        var o = Array(repeating: 0.0, count: items.count)
        func gap(_ u: Int, _ v: Int) -> Double {
            let g = items[u].isReal || items[v].isReal ? input.nodeGap : input.dummyGap
            return (items[u].across + items[v].across) / 2 + g
        }
        for layer in layers {
            var p = 0.0
            for (i, v) in layer.enumerated() { if i > 0 { p += gap(layer[i - 1], v) }; o[v] = p }
        }
        let frozen = items
        var buffer: [Double] = []
        func target(_ v: Int, up: Bool, down: Bool) -> Double? {
            buffer.removeAll(keepingCapacity: true)
            if up { for u in frozen[v].up { buffer.append(o[u] - frozen[v].portOffset) } }
            if down { for d in frozen[v].down { buffer.append(o[d] + frozen[d].portOffset) } }
            if buffer.isEmpty { return nil }
            if buffer.count == 1 { return buffer[0] }
            buffer.sort()
            let m = buffer.count / 2
            return buffer.count % 2 == 1 ? buffer[m] : (buffer[m - 1] + buffer[m]) / 2
        }
        for iteration in 0..<24 {
            let downward = iteration % 2 == 0
            let both = iteration >= 16
            let sequence = downward ? Array(0..<layerCount) : Array((0..<layerCount).reversed())
            for l in sequence {
                let layer = layers[l]
                if layer.isEmpty { continue }
                let desired = layer.map { target($0, up: downward || both, down: !downward || both) ?? o[$0] }
                let weights = layer.map { items[$0].isReal ? 1.0 : 3.0 }
                let gaps = (1..<max(1, layer.count)).map { gap(layer[$0 - 1], layer[$0]) }
                let placed = Self.project(desired, weights: weights, gaps: layer.count > 1 ? gaps : [])
                for (i, v) in layer.enumerated() { o[v] = placed[i] }
            }
        }
        var minO = Double.infinity, maxO = -Double.infinity
        for v in items.indices { minO = min(minO, o[v] - items[v].across / 2); maxO = max(maxO, o[v] + items[v].across / 2) }
        if !minO.isFinite { minO = 0; maxO = 0 }
        for v in items.indices { o[v] -= minO }
        let totalAcross = maxO - minO

        func point(_ a: Double, _ o: Double) -> Point { lr ? Point(a, o) : Point(o, a) }
        func rect(center a: Double, _ oc: Double, along w: Double, across h: Double) -> Rect {
            lr ? Rect(x: a - w / 2, y: oc - h / 2, width: w, height: h) : Rect(x: oc - h / 2, y: a - w / 2, width: h, height: w)
        }
        var nodeRects: [Rect] = []
        for v in 0..<n {
            let l = items[v].layer
            nodeRects.append(rect(center: columnStart[l] + columnWidth[l] / 2, o[v], along: items[v].along, across: items[v].across))
        }
        self.nodeRects = nodeRects

        // 5. Routes: from the source's far side, straight across each dummy's column,
        // cubic curves with tangents along the rank axis between columns.
        var routes: [Route] = []
        for (ei, e) in input.edges.enumerated() {
            let sl = items[e.from].layer
            let sourceCenter = columnStart[sl] + columnWidth[sl] / 2
            var points: [(Double, Double)] = [(sourceCenter + items[e.from].along / 2, o[e.from])]
            var labelRect: Rect?
            for d in chains[ei] {
                let l = items[d].layer
                points.append((columnStart[l], o[d]))
                points.append((columnStart[l] + columnWidth[l], o[d]))
                if case .label = items[d].kind {
                    labelRect = rect(center: columnStart[l] + columnWidth[l] / 2, o[d], along: items[d].along, across: items[d].across)
                }
            }
            let tl = items[e.to].layer
            let targetCenter = columnStart[tl] + columnWidth[tl] / 2
            let offset = (Double(e.port) - Double(e.ports - 1) / 2) * Self.portSpacing(items[e.to].across, ports: e.ports)
            let halfAlong = items[e.to].along / 2
            // Circles are inscribed in square boxes: enter on the circle at the port's offset.
            let radius = min(items[e.to].along, items[e.to].across) / 2
            let inset = items[e.to].along == items[e.to].across ? halfAlong - (radius * radius - offset * offset).squareRoot() : 0
            points.append((targetCenter - halfAlong + inset, o[e.to] + offset))
            var path = Path()
            path.move(to: point(points[0].0, points[0].1))
            var i = 1
            while i < points.count {
                let (a0, o0) = points[i - 1], (a1, o1) = points[i]
                if o0 == o1 || a1 - a0 < 0.5 {
                    path.line(to: point(a1, o1))
                } else {
                    let m = (a1 - a0) / 2
                    path.curve(to: point(a1, o1), control1: point(a0 + m, o0), control2: point(a1 - m, o1))
                }
                i += 1
            }
            let end = point(points.last!.0, points.last!.1)
            routes.append(Route(path: path, end: end, endDirection: lr ? Point(1, 0) : Point(0, 1), labelRect: labelRect))
        }
        self.routes = routes
        self.size = lr ? Size(totalAlong, totalAcross) : Size(totalAcross, totalAlong)
    }

    struct Item {
        enum Kind { case real(Int), dummy(Int), label(Int) }
        var layer: Int
        var along: Double
        var across: Double
        var kind: Kind
        var up: [Int] = []
        var down: [Int] = []
        /// For the last dummy of an edge: the target port's offset from the target's centre.
        var portOffset = 0.0
        /// For the last dummy of an edge: the target port.
        var port = 0
        var isReal: Bool { if case .real = kind { return true } else { return false } }
    }

    /// Puts the wires entering one gate in port order (first argument on top), so they never
    /// cross at the gate itself: any crossing they need happens before their labels.
    static func orderPorts(_ layers: inout [[Int]], _ items: [Item]) {
        for l in layers.indices {
            var groups: [Int: [Int]] = [:]
            for (i, v) in layers[l].enumerated() where items[v].down.count == 1 && items[items[v].down[0]].isReal {
                groups[items[v].down[0], default: []].append(i)
            }
            for (_, slots) in groups where slots.count > 1 {
                let members = slots.map { layers[l][$0] }.sorted { items[$0].port < items[$1].port }
                for (slot, v) in zip(slots, members) { layers[l][slot] = v }
            }
        }
    }

    static func portSpacing(_ across: Double, ports: Int) -> Double {
        ports <= 1 ? 0 : min(12, 0.8 * across / Double(ports - 1))
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        let m = s.count / 2
        return s.count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2
    }

    static func topologicalOrder(n: Int, edges: [Edge], outgoing: [[Int]]) -> [Int] {
        var indegree = Array(repeating: 0, count: n)
        for e in edges { indegree[e.to] += 1 }
        var queue = (0..<n).filter { indegree[$0] == 0 }
        var i = 0
        while i < queue.count {
            for ei in outgoing[queue[i]] {
                let t = edges[ei].to
                indegree[t] -= 1
                if indegree[t] == 0 { queue.append(t) }
            }
            i += 1
        }
        return queue
    }

    /// Crossings between consecutive layers (edges as pairs of positions).
    static func crossings(_ layers: [[Int]], _ items: [Item]) -> Int {
        var total = 0
        var position = Array(repeating: 0, count: items.count)
        for layer in layers { for (i, v) in layer.enumerated() { position[v] = i } }
        for l in 0..<max(0, layers.count - 1) {
            var pairs: [(Int, Int)] = []
            for v in layers[l] { for d in items[v].down { pairs.append((position[v], position[d])) } }
            pairs.sort { $0 < $1 }
            // Inversions of the second coordinate, counted with a Fenwick tree (Barth, Jünger and
            // Mutzel's accumulator); pairs sharing an end never count as crossing.
            var tree = Array(repeating: 0, count: layers[l + 1].count + 1)
            for (inserted, pair) in pairs.enumerated() {
                var atMost = 0, i = pair.1 + 1
                while i > 0 { atMost += tree[i]; i -= i & -i }
                total += inserted - atMost
                i = pair.1 + 1
                while i < tree.count { tree[i] += 1; i += i & -i }
            }
        }
        return total
    }

    /// Positions closest (weighted least squares) to `desired` with `p[i+1] - p[i] >= gaps[i]`.
    static func project(_ desired: [Double], weights: [Double], gaps: [Double]) -> [Double] {
        var offset = [0.0]
        for g in gaps { offset.append(offset.last! + g) }
        // Blocks of pooled values: (mean, weight, count).
        var blocks: [(mean: Double, weight: Double, count: Int)] = []
        for i in desired.indices {
            blocks.append((desired[i] - offset[i], weights[i], 1))
            while blocks.count > 1 && blocks[blocks.count - 2].mean > blocks[blocks.count - 1].mean {
                let b = blocks.removeLast(), a = blocks.removeLast()
                let w = a.weight + b.weight
                blocks.append(((a.mean * a.weight + b.mean * b.weight) / w, w, a.count + b.count))
            }
        }
        var out: [Double] = []
        out.reserveCapacity(desired.count)
        for b in blocks { for _ in 0..<b.count { out.append(b.mean + offset[out.count]) } }
        return out
    }
}

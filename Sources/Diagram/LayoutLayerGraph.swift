import Canvas

/// Phase 2 of `LayeredLayout`: the layer graph of real nodes, dummies and labels.
extension LayeredLayout {
    /// One box of the layer graph: a real node, a dummy where an edge crosses a rank, or an
    /// edge's label.
    struct Item {
        enum Kind { case real(Int), dummy(Int), label(Int), trunk(Int) }
        var layer: Int
        var along: Double
        var across: Double
        var kind: Kind
        var up: [Int] = []
        var down: [Int] = []
        /// For an edge's last item: the target port's offset from the target's centre.
        var portOffset = 0.0
        /// For an edge's last item: the target port.
        var port = 0
        /// For a real node: its inputs may enter in any order (a commutative gate).
        var freePorts = false
        var isReal: Bool { if case .real = kind { return true } else { return false } }
    }

    /// Real nodes on even layers (2 x rank), dummies and labels on the layers between.
    struct LayerGraph {
        var items: [Item]
        var layerCount: Int
        /// Per edge: its own item, in the layer just before the target (label or dummy).
        var last: [Int]
        /// Per edge: the trunk item it leaves the source's trunk from, nil when it starts at the source.
        var branch: [Int?]
        /// Per source node: its trunk, one shared dummy per layer from the source on.
        var trunks: [Int: [Int]]
    }

    /// Splits every edge into one item per layer crossed. The edges of one source share a trunk
    /// (one dummy per layer, as long as any of them runs on), each leaving it in the layer
    /// before its target through an item of its own: the label, or a thin dummy.
    static func layerGraph(_ input: Input, ranks rank: [Int]) -> LayerGraph {
        let lr = input.direction == .leftToRight
        func along(_ s: Size) -> Double { lr ? s.width : s.height }
        func across(_ s: Size) -> Double { lr ? s.height : s.width }
        let n = input.nodeSizes.count
        var items: [Item] = (0..<n).map {
            Item(layer: 2 * rank[$0], along: along(input.nodeSizes[$0]), across: across(input.nodeSizes[$0]), kind: .real($0))
        }
        for v in input.commutative where v < n { items[v].freePorts = true }
        var last = Array(repeating: 0, count: input.edges.count)
        var branch = Array(repeating: Int?.none, count: input.edges.count)
        var trunks: [Int: [Int]] = [:]
        for (ei, e) in input.edges.enumerated() {
            let a = 2 * rank[e.from], b = 2 * rank[e.to]
            // The shared trunk up to layer b - 2, grown on demand.
            var previous = e.from
            if b - 2 > a {
                var trunk = trunks[e.from] ?? []
                while a + trunk.count < b - 2 {
                    let id = items.count
                    items.append(Item(layer: a + trunk.count + 1, along: 0, across: 2, kind: .trunk(e.from)))
                    let before = trunk.last ?? e.from
                    items[before].down.append(id)
                    items[id].up.append(before)
                    trunk.append(id)
                }
                trunks[e.from] = trunk
                previous = trunk[b - 2 - a - 1]
                branch[ei] = previous
            }
            let labelled = e.labelSize != nil
            let id = items.count
            items.append(Item(layer: b - 1, along: labelled ? along(e.labelSize!) : 0, across: labelled ? across(e.labelSize!) : 2,
                              kind: labelled ? .label(ei) : .dummy(ei)))
            items[previous].down.append(id)
            items[id].up.append(previous)
            items[id].down.append(e.to)
            items[e.to].up.append(id)
            items[id].port = e.port
            items[id].portOffset = portOffset(port: e.port, ports: e.ports, across: items[e.to].across)
            last[ei] = id
        }
        return LayerGraph(items: items, layerCount: 2 * (rank.max() ?? 0) + 1, last: last, branch: branch, trunks: trunks)
    }

    static func portOffset(port: Int, ports: Int, across: Double) -> Double {
        (Double(port) - Double(ports - 1) / 2) * portSpacing(across, ports: ports)
    }

    static func portSpacing(_ across: Double, ports: Int) -> Double {
        ports <= 1 ? 0 : min(12, 0.8 * across / Double(ports - 1))
    }
}

import Canvas

/// Phase 3 of `LayeredLayout`: the order of the items within each layer.
extension LayeredLayout {
    /// Initial order by depth-first search from the sinks (an explicit stack: no recursion
    /// depth follows the graph's size), then median sweeps down and up, keeping the best by
    /// crossing count; the wires into each gate in argument order. O(sweeps x E log E).
    static func order(_ graph: inout LayerGraph) -> (layers: [[Int]], crossings: Int) {
        let items = graph.items
        let adjacency = Adjacency(items)
        let pins = PortPins(items)
        let layerCount = graph.layerCount
        var layers = initialOrder(items, layerCount: layerCount)
        orderPorts(&layers, pins)
        var best = layers
        var bestCrossings = crossings(layers, adjacency)
        var position = Array(repeating: 0.0, count: items.count)
        var ps: [Double] = []
        var keyed: [(key: Double, tie: Int, item: Int)] = []
        for iteration in 0..<12 where bestCrossings > 0 {
            let downward = iteration % 2 == 0
            // Ties keep their order, or (every other pair of sweeps, as dagre's biasRight) swap it.
            let flip = iteration % 4 >= 2 ? -1 : 1
            let sequence = downward ? Array(1..<max(1, layerCount)) : Array((0..<max(0, layerCount - 1)).reversed())
            let flat = downward ? adjacency.ups : adjacency.downs
            for l in sequence {
                let neighbourLayer = downward ? l - 1 : l + 1
                for (i, v) in layers[neighbourLayer].enumerated() { position[v] = Double(i) }
                keyed.removeAll(keepingCapacity: true)
                for (i, v) in layers[l].enumerated() {
                    let r = adjacency.range(v, up: downward)
                    let key: Double
                    switch r.count {
                    case 0: key = Double(i)
                    case 1: key = position[flat[r.lowerBound]]
                    default:
                        ps.removeAll(keepingCapacity: true)
                        for k in r { ps.append(position[flat[k]]) }
                        key = median(&ps)
                    }
                    keyed.append((key, flip * i, v))
                }
                keyed.sort { $0.key < $1.key || ($0.key == $1.key && $0.tie < $1.tie) }
                for (i, k) in keyed.enumerated() { layers[l][i] = k.item }
            }
            orderPorts(&layers, pins)
            transpose(&layers, adjacency, pins)
            let c = crossings(layers, adjacency)
            if c < bestCrossings { bestCrossings = c; best = layers }
        }
        return (best, bestCrossings)
    }

    /// Per item, the gate whose ports fix its place among its neighbours: the real target of an
    /// item with one down-neighbour, unless that gate is commutative (-1: none).
    struct PortPins {
        var target: [Int]
        var port: [Int]
        init(_ items: [Item]) {
            target = items.map { item in
                item.down.count == 1 && items[item.down[0]].isReal && !items[item.down[0]].freePorts ? item.down[0] : -1
            }
            port = items.map(\.port)
        }
    }

    static func transpose(_ layers: inout [[Int]], _ items: [Item]) {
        transpose(&layers, Adjacency(items), PortPins(items))
    }

    /// Graphviz's transpose heuristic: swap neighbours in a layer while that removes crossings
    /// with both adjacent layers (a median sweep alone stops at ties, e.g. the course circuit's
    /// x and y). Two wires into one gate keep their argument order unless the gate is commutative.
    static func transpose(_ layers: inout [[Int]], _ adjacency: Adjacency, _ pins: PortPins) {
        var position = Array(repeating: 0, count: pins.target.count)
        for layer in layers { for (i, v) in layer.enumerated() { position[v] = i } }
        var a: [Int] = [], b: [Int] = []
        // dot's candidate marking: a layer is looked at again only when it or a neighbouring
        // layer changed since it was last looked at (otherwise it would swap nothing).
        var stamp = 0
        var lookedAt = Array(repeating: -1, count: layers.count), changedAt = Array(repeating: 0, count: layers.count)
        // The neighbour rows and positions as raw buffers: this loop runs over every pair of
        // neighbours in every layer, several times, and is most of a big graph's layout.
        adjacency.upStart.withUnsafeBufferPointer { upStart in
        adjacency.ups.withUnsafeBufferPointer { ups in
        adjacency.downStart.withUnsafeBufferPointer { downStart in
        adjacency.downs.withUnsafeBufferPointer { downs in
        pins.target.withUnsafeBufferPointer { target in
        position.withUnsafeMutableBufferPointer { position in
            for _ in 0..<4 {
                var improved = false
                for l in layers.indices where layers[l].count > 1 {
                    let neighbourChange = max(changedAt[l], l > 0 ? changedAt[l - 1] : -1, l + 1 < layers.count ? changedAt[l + 1] : -1)
                    if neighbourChange < lookedAt[l] { continue }
                    stamp += 1
                    lookedAt[l] = stamp
                    var layer = layers[l]
                    for i in 0..<(layer.count - 1) {
                        let u = layer[i], v = layer[i + 1]
                        if target[u] >= 0 && target[u] == target[v] { continue }
                        let before = pairCrossings(u, v, upStart, ups, position, &a, &b) + pairCrossings(u, v, downStart, downs, position, &a, &b)
                        if before == 0 { continue }
                        let after = pairCrossings(v, u, upStart, ups, position, &a, &b) + pairCrossings(v, u, downStart, downs, position, &a, &b)
                        if after < before {
                            layer.swapAt(i, i + 1)
                            position[u] = i + 1; position[v] = i
                            improved = true
                            changedAt[l] = stamp
                        }
                    }
                    layers[l] = layer
                }
                if !improved { break }
            }
        }
        }
        }
        }
        }
        }
    }

    /// Pairs (p of u, q of v) with p right of q: the crossings of u's wires with v's when u is
    /// left of v (neighbours on one side, given as compressed rows).
    @inline(__always)
    static func pairCrossings(_ u: Int, _ v: Int, _ start: UnsafeBufferPointer<Int>, _ flat: UnsafeBufferPointer<Int>,
                              _ position: UnsafeMutableBufferPointer<Int>, _ a: inout [Int], _ b: inout [Int]) -> Int {
        let (u0, u1, v0, v1) = (start[u], start[u + 1], start[v], start[v + 1])
        if u0 == u1 || v0 == v1 { return 0 }
        if u1 - u0 == 1 && v1 - v0 == 1 { return position[flat[u0]] > position[flat[v0]] ? 1 : 0 }
        a.removeAll(keepingCapacity: true); b.removeAll(keepingCapacity: true)
        for k in u0..<u1 { a.append(position[flat[k]]) }
        for k in v0..<v1 { b.append(position[flat[k]]) }
        a.sort(); b.sort()
        var count = 0, j = 0
        for p in a {
            while j < b.count && b[j] < p { j += 1 }
            count += j
        }
        return count
    }

    /// Each item in its layer in depth-first preorder from the sinks (the last rank first),
    /// following inputs in argument order; items no sink reaches follow.
    static func initialOrder(_ items: [Item], layerCount: Int) -> [[Int]] {
        var layers = Array(repeating: [Int](), count: layerCount)
        var seen = Array(repeating: false, count: items.count)
        var stack: [(item: Int, next: Int)] = []
        func visit(_ root: Int) {
            guard !seen[root] else { return }
            seen[root] = true
            layers[items[root].layer].append(root)
            stack.append((root, 0))
            while let top = stack.last {
                let ups = items[top.item].up
                if top.next == ups.count { stack.removeLast(); continue }
                stack[stack.count - 1].next += 1
                let u = ups[top.next]
                if seen[u] { continue }
                seen[u] = true
                layers[items[u].layer].append(u)
                stack.append((u, 0))
            }
        }
        let real = items.indices.filter { items[$0].isReal }
        let sinks = real.filter { items[$0].down.isEmpty }.sorted { items[$0].layer > items[$1].layer }
        for s in sinks { visit(s) }
        for v in items.indices where !seen[v] { visit(v) }
        return layers
    }

    /// Puts the wires entering one gate in port order (first argument on top), so they never
    /// cross at the gate itself: any crossing they need happens before their labels. Commutative
    /// gates keep the sweeps' order (their ports follow it afterwards).
    static func orderPorts(_ layers: inout [[Int]], _ items: [Item]) { orderPorts(&layers, PortPins(items)) }

    static func orderPorts(_ layers: inout [[Int]], _ pins: PortPins) {
        var slots: [(target: Int, slot: Int)] = []
        var members: [Int] = []
        for l in layers.indices {
            slots.removeAll(keepingCapacity: true)
            for (i, v) in layers[l].enumerated() where pins.target[v] >= 0 { slots.append((pins.target[v], i)) }
            if slots.count < 2 { continue }
            slots.sort { $0.target < $1.target || ($0.target == $1.target && $0.slot < $1.slot) }
            var start = 0
            while start < slots.count {
                var end = start + 1
                while end < slots.count && slots[end].target == slots[start].target { end += 1 }
                if end - start > 1 {
                    members.removeAll(keepingCapacity: true)
                    for k in start..<end { members.append(layers[l][slots[k].slot]) }
                    members.sort { pins.port[$0] < pins.port[$1] }
                    for (k, v) in zip(start..<end, members) { layers[l][slots[k].slot] = v }
                }
                start = end
            }
        }
    }

    /// For commutative gates, ports follow the final order of the wires entering them (the
    /// first wire in the layer takes port 0), so the wires never cross at the gate.
    static func assignCommutativePorts(_ graph: inout LayerGraph, layers: [[Int]], input: Input) {
        guard !input.commutative.isEmpty else { return }
        var position = Array(repeating: 0, count: graph.items.count)
        for layer in layers { for (i, v) in layer.enumerated() { position[v] = i } }
        var byTarget: [Int: [Int]] = [:]
        for (ei, e) in input.edges.enumerated() where input.commutative.contains(e.to) { byTarget[e.to, default: []].append(ei) }
        for (target, edges) in byTarget {
            let sorted = edges.sorted { position[graph.last[$0]] < position[graph.last[$1]] }
            for (port, ei) in sorted.enumerated() {
                let id = graph.last[ei]
                graph.items[id].port = port
                graph.items[id].portOffset = portOffset(port: port, ports: edges.count, across: graph.items[target].across)
            }
        }
    }

    /// The median of `xs` (sorted in place).
    static func median(_ xs: inout [Double]) -> Double {
        xs.sort()
        let m = xs.count / 2
        return xs.count % 2 == 1 ? xs[m] : (xs[m - 1] + xs[m]) / 2
    }

    static func crossings(_ layers: [[Int]], _ items: [Item]) -> Int { crossings(layers, Adjacency(items)) }

    /// Crossings between consecutive layers: each layer's wires in order of their upper end
    /// (then lower), inversions of the lower ends counted with a Fenwick tree (Barth, Jünger
    /// and Mutzel's accumulator); wires sharing an end never count as crossing.
    static func crossings(_ layers: [[Int]], _ adjacency: Adjacency) -> Int {
        var total = 0
        var position = Array(repeating: 0, count: adjacency.upStart.count - 1)
        for layer in layers { for (i, v) in layer.enumerated() { position[v] = i } }
        var ends: [Int] = []
        var tree: [Int] = []
        let (downStart, downs) = (adjacency.downStart, adjacency.downs)
        for l in 0..<max(0, layers.count - 1) {
            tree.removeAll(keepingCapacity: true)
            tree.append(contentsOf: repeatElement(0, count: layers[l + 1].count + 1))
            var inserted = 0
            for v in layers[l] {
                ends.removeAll(keepingCapacity: true)
                for k in downStart[v]..<downStart[v + 1] { ends.append(position[downs[k]]) }
                if ends.count > 1 { ends.sort() }
                for end in ends {
                    var atMost = 0, i = end + 1
                    while i > 0 { atMost += tree[i]; i -= i & -i }
                    total += inserted - atMost
                    i = end + 1
                    while i < tree.count { tree[i] += 1; i += i & -i }
                    inserted += 1
                }
            }
        }
        return total
    }
}

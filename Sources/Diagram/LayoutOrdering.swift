import Canvas

/// Phase 3 of `LayeredLayout`: the order of the items within each layer.
extension LayeredLayout {
    /// Initial order by depth-first search from the sinks (an explicit stack: no recursion
    /// depth follows the graph's size), then median sweeps down and up, keeping the best by
    /// crossing count; the wires into each gate in argument order. O(sweeps x E log E).
    static func order(_ graph: inout LayerGraph) -> (layers: [[Int]], crossings: Int) {
        let items = graph.items
        let layerCount = graph.layerCount
        var layers = initialOrder(items, layerCount: layerCount)
        orderPorts(&layers, items)
        var best = layers
        var bestCrossings = crossings(layers, items)
        var position = Array(repeating: 0.0, count: items.count)
        for iteration in 0..<12 where bestCrossings > 0 {
            let downward = iteration % 2 == 0
            let sequence = downward ? Array(1..<layerCount) : Array((0..<max(0, layerCount - 1)).reversed())
            for l in sequence {
                let neighbourLayer = downward ? l - 1 : l + 1
                for (i, v) in layers[neighbourLayer].enumerated() { position[v] = Double(i) }
                var ps: [Double] = []
                let keyed = layers[l].enumerated().map { (i, v) -> (Int, Double) in
                    ps.removeAll(keepingCapacity: true)
                    for u in downward ? items[v].up : items[v].down { ps.append(position[u]) }
                    return (v, ps.isEmpty ? Double(i) : median(ps))
                }
                // Ties keep their order, or (every other pair of sweeps, as dagre's biasRight) swap it.
                let flip = iteration % 4 >= 2 ? -1 : 1
                layers[l] = keyed.enumerated().sorted { ($0.element.1, flip * $0.offset) < ($1.element.1, flip * $1.offset) }.map(\.element.0)
            }
            orderPorts(&layers, items)
            transpose(&layers, items)
            let c = crossings(layers, items)
            if c < bestCrossings { bestCrossings = c; best = layers }
        }
        return (best, bestCrossings)
    }

    /// Graphviz's transpose heuristic: swap neighbours in a layer while that removes crossings
    /// with both adjacent layers (a median sweep alone stops at ties, e.g. the course circuit's
    /// x and y). Two wires into one gate keep their argument order unless the gate is commutative.
    static func transpose(_ layers: inout [[Int]], _ items: [Item]) {
        // Neighbours as flat arrays (compressed rows): no array copies in the inner loop.
        var upStart = [0], downStart = [0], ups: [Int] = [], downs: [Int] = []
        ups.reserveCapacity(items.count); downs.reserveCapacity(items.count)
        for item in items {
            ups.append(contentsOf: item.up); upStart.append(ups.count)
            downs.append(contentsOf: item.down); downStart.append(downs.count)
        }
        var pinnedTarget = Array(repeating: -1, count: items.count)
        for (v, item) in items.enumerated() where item.down.count == 1 && items[item.down[0]].isReal && !items[item.down[0]].freePorts {
            pinnedTarget[v] = item.down[0]
        }
        var position = Array(repeating: 0, count: items.count)
        for layer in layers { for (i, v) in layer.enumerated() { position[v] = i } }
        var a: [Int] = [], b: [Int] = []
        /// Pairs (p of u, q of v) with p right of q: the crossings of u's wires with v's when u is left of v.
        func cross(_ u: Int, _ v: Int, _ start: [Int], _ flat: [Int]) -> Int {
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
        for _ in 0..<4 {
            var improved = false
            for l in layers.indices where layers[l].count > 1 {
                var layer = layers[l]
                for i in 0..<(layer.count - 1) {
                    let u = layer[i], v = layer[i + 1]
                    if pinnedTarget[u] >= 0 && pinnedTarget[u] == pinnedTarget[v] { continue }
                    let before = cross(u, v, upStart, ups) + cross(u, v, downStart, downs)
                    if before == 0 { continue }
                    let after = cross(v, u, upStart, ups) + cross(v, u, downStart, downs)
                    if after < before {
                        layer.swapAt(i, i + 1)
                        position[u] = i + 1; position[v] = i
                        improved = true
                    }
                }
                layers[l] = layer
            }
            if !improved { break }
        }
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
    static func orderPorts(_ layers: inout [[Int]], _ items: [Item]) {
        for l in layers.indices {
            var groups: [Int: [Int]] = [:]
            for (i, v) in layers[l].enumerated() where items[v].down.count == 1 && items[items[v].down[0]].isReal {
                groups[items[v].down[0], default: []].append(i)
            }
            for (target, slots) in groups where slots.count > 1 && !items[target].freePorts {
                let members = slots.map { layers[l][$0] }.sorted { items[$0].port < items[$1].port }
                for (slot, v) in zip(slots, members) { layers[l][slot] = v }
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

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        let m = s.count / 2
        return s.count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2
    }

    /// Crossings between consecutive layers (edges as pairs of positions).
    static func crossings(_ layers: [[Int]], _ items: [Item]) -> Int {
        var total = 0
        var position = Array(repeating: 0, count: items.count)
        for layer in layers { for (i, v) in layer.enumerated() { position[v] = i } }
        var pairs: [(Int, Int)] = []
        var tree: [Int] = []
        for l in 0..<max(0, layers.count - 1) {
            pairs.removeAll(keepingCapacity: true)
            for v in layers[l] { for d in items[v].down { pairs.append((position[v], position[d])) } }
            pairs.sort { $0 < $1 }
            // Inversions of the second coordinate, counted with a Fenwick tree (Barth, Jünger and
            // Mutzel's accumulator); pairs sharing an end never count as crossing.
            tree.removeAll(keepingCapacity: true)
            tree.append(contentsOf: repeatElement(0, count: layers[l + 1].count + 1))
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
}

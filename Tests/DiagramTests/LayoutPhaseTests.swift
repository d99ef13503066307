import Testing
import Canvas
@testable import Diagram

/// Each phase of the layered layout on its own: ranks, the layer graph with shared trunks,
/// ordering, coordinates and curves.
@Suite("Layout phases")
struct LayoutPhaseTests {
    typealias L = LayeredLayout

    /// One variable (node 0) feeding every gate of a chain of `n` additions: node k + 1 adds
    /// node k (or the variable) and the variable.
    static func sharedSum(_ n: Int, labels: Bool = true) -> L.Input {
        var edges: [L.Edge] = []
        for k in 1...n {
            let label = labels ? Size(20, 24) : nil
            edges.append(.init(from: k == 1 ? 0 : k - 1, to: k, port: 0, ports: 2, labelSize: label))
            edges.append(.init(from: 0, to: k, port: 1, ports: 2, labelSize: label))
        }
        return L.Input(nodeSizes: Array(repeating: Size(30, 30), count: n + 1), edges: edges, direction: .leftToRight)
    }

    @Test("ranks: longest path, a source pulled next to its single user")
    func ranks() {
        let edges: [L.Edge] = [.init(from: 0, to: 1), .init(from: 1, to: 2), .init(from: 3, to: 2), .init(from: 0, to: 2)]
        #expect(L.ranks(nodeCount: 4, edges: edges) == [0, 1, 2, 1])
        // 2 -> 3 <- 1 <- 0: node 2 has one user, so it sits right before it.
        #expect(L.ranks(nodeCount: 4, edges: [.init(from: 0, to: 1), .init(from: 1, to: 3), .init(from: 2, to: 3)]) == [0, 1, 1, 2])
    }

    @Test("layer graph: the edges of one source share one trunk, so a shared variable costs one dummy per rank")
    func trunks() {
        for n in [50, 500] {
            let input = Self.sharedSum(n)
            let g = L.layerGraph(input, ranks: L.ranks(nodeCount: n + 1, edges: input.edges))
            // n + 1 real nodes, one own item per edge (2n), the variable's trunk over 2n - 2 layers.
            #expect(g.items.count == (n + 1) + 2 * n + (2 * n - 2))
            #expect(g.trunks[0]?.count == 2 * n - 2)
            for (ei, e) in input.edges.enumerated() {
                let own = g.items[g.last[ei]]
                #expect(own.layer == g.items[e.to].layer - 1 && own.down == [e.to])
            }
        }
    }

    @Test("ordering: the initial depth-first order needs no recursion on a 100,000-node chain")
    func deepChain() {
        let n = 100_000
        let edges = (0..<(n - 1)).map { L.Edge(from: $0, to: $0 + 1) }
        let input = L.Input(nodeSizes: Array(repeating: Size(10, 10), count: n), edges: edges, direction: .leftToRight)
        let g = L.layerGraph(input, ranks: L.ranks(nodeCount: n, edges: edges))
        let layers = L.initialOrder(g.items, layerCount: g.layerCount)
        #expect(layers.count == 2 * n - 1 && layers.allSatisfy { $0.count == 1 })
    }

    @Test("ordering: transpose swaps neighbours while that removes crossings")
    func transpose() {
        // Layer 0: u0 u1; layer 1: d0 d1 with u0 -> d1 and u1 -> d0 (one crossing).
        var items = (0..<2).map { _ in L.Item(layer: 0, along: 1, across: 1, kind: .real(0)) }
        items += (0..<2).map { _ in L.Item(layer: 1, along: 1, across: 1, kind: .real(0)) }
        items[0].down = [3]; items[3].up = [0]
        items[1].down = [2]; items[2].up = [1]
        var layers = [[0, 1], [2, 3]]
        #expect(L.crossings(layers, items) == 1)
        L.transpose(&layers, items)
        #expect(L.crossings(layers, items) == 0)
    }

    @Test("coordinates: separation kept in every layer, a chain on one line")
    func coordinates() {
        let input = Self.sharedSum(20)
        var g = L.layerGraph(input, ranks: L.ranks(nodeCount: 21, edges: input.edges))
        let layers = L.order(&g).layers
        let placed = L.coordinates(g, layers: layers, input: input)
        for layer in layers where layer.count > 1 {
            for (u, v) in zip(layer, layer.dropFirst()) {
                #expect(placed.across[v] - placed.across[u] >= (g.items[u].across + g.items[v].across) / 2 + input.dummyGap - 1e-9)
            }
        }
        #expect(placed.size.width > 0 && placed.size.height > 0)
    }

    @Test("curves: a shared trunk is drawn once, so path size grows linearly with the sum's length")
    func curvesLinear() {
        var sizes: [Int] = []
        for n in [100, 400] {
            let layout = LayeredLayout(Self.sharedSum(n))
            sizes.append(layout.routes.map(\.path.elements.count).reduce(0, +))
            #expect(layout.routes.count == 2 * n)
        }
        // Quadratic growth would make the second 16 times the first.
        #expect(Double(sizes[1]) / Double(sizes[0]) < 5)
    }
}

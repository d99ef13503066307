import Canvas

/// Phase 1 of `LayeredLayout`: ranks.
extension LayeredLayout {
    /// Longest path from the sources, then, from the sinks back, sources and single-use nodes
    /// moved right next to their user, so a sub-expression sits beside the gate that consumes it
    /// (never breaking the rank order). Linear in nodes and edges.
    static func ranks(nodeCount n: Int, edges: [Edge]) -> [Int] {
        var incoming = Array(repeating: [Int](), count: n), outgoing = Array(repeating: [Int](), count: n)
        for (i, e) in edges.enumerated() { outgoing[e.from].append(i); incoming[e.to].append(i) }
        let topo = topologicalOrder(n: n, edges: edges, outgoing: outgoing)
        var rank = Array(repeating: 0, count: n)
        for v in topo { for ei in incoming[v] { rank[v] = max(rank[v], rank[edges[ei].from] + 1) } }
        for v in topo.reversed() where !outgoing[v].isEmpty {
            let first = edges[outgoing[v][0]].to
            let singleUser = outgoing[v].allSatisfy { edges[$0].to == first }
            if incoming[v].isEmpty || singleUser {
                rank[v] = outgoing[v].map { rank[edges[$0].to] }.min()! - 1
            }
        }
        return rank
    }

    /// Kahn's algorithm: every node after all of its inputs.
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
}

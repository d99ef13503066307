import Canvas

/// Phase 4 of `LayeredLayout`: coordinates.
extension LayeredLayout {
    /// Where every item of the layer graph sits: columns along the rank axis, positions across.
    struct Placement {
        var columnStart: [Double]
        var columnWidth: [Double]
        /// Centre of every item on the order axis.
        var across: [Double]
        var size: Size
        var leftToRight: Bool

        func center(ofColumn l: Int) -> Double { columnStart[l] + columnWidth[l] / 2 }
        func point(_ a: Double, _ o: Double) -> Point { leftToRight ? Point(a, o) : Point(o, a) }
        func rect(center a: Double, _ oc: Double, along w: Double, across h: Double) -> Rect {
            leftToRight ? Rect(x: a - w / 2, y: oc - h / 2, width: w, height: h) : Rect(x: oc - h / 2, y: a - w / 2, width: h, height: w)
        }
        func rect(of item: Int, in graph: LayerGraph) -> Rect {
            let it = graph.items[item]
            return rect(center: center(ofColumn: it.layer), across[item], along: it.along, across: it.across)
        }
    }

    /// Rank axis: columns as wide as their widest item, gaps between. Order axis: pack, then
    /// pull towards neighbours' medians, projected onto the separation constraints by weighted
    /// isotonic regression (pool adjacent violators). 24 linear sweeps.
    static func coordinates(_ graph: LayerGraph, layers: [[Int]], input: Input) -> Placement {
        let items = graph.items
        let layerCount = graph.layerCount
        var columnStart = Array(repeating: 0.0, count: layerCount), columnWidth = Array(repeating: 0.0, count: layerCount)
        var a = 0.0
        for l in 0..<layerCount {
            columnWidth[l] = layers[l].map { items[$0].along }.max() ?? 0
            columnStart[l] = a
            a += columnWidth[l] + input.rankGap
        }
        let totalAlong = a - input.rankGap
        var o = Array(repeating: 0.0, count: items.count)
        func gap(_ u: Int, _ v: Int) -> Double {
            let g = items[u].isReal || items[v].isReal ? input.nodeGap : input.dummyGap
            return (items[u].across + items[v].across) / 2 + g
        }
        for layer in layers {
            var p = 0.0
            for (i, v) in layer.enumerated() { if i > 0 { p += gap(layer[i - 1], v) }; o[v] = p }
        }
        let adjacency = Adjacency(items)
        let portOffset = items.map(\.portOffset)
        let (upStart, ups, downStart, downs) = (adjacency.upStart, adjacency.ups, adjacency.downStart, adjacency.downs)
        var buffer: [Double] = []
        /// The median of the neighbours' ports (up, down or both), nil without neighbours.
        func target(_ v: Int, up: Bool, down: Bool) -> Double? {
            let upCount = up ? upStart[v + 1] - upStart[v] : 0, downCount = down ? downStart[v + 1] - downStart[v] : 0
            switch upCount + downCount {
            case 0: return nil
            case 1: return upCount == 1 ? o[ups[upStart[v]]] - portOffset[v] : o[downs[downStart[v]]] + portOffset[downs[downStart[v]]]
            default: break
            }
            buffer.removeAll(keepingCapacity: true)
            if up { for k in upStart[v]..<upStart[v + 1] { buffer.append(o[ups[k]] - portOffset[v]) } }
            if down { for k in downStart[v]..<downStart[v + 1] { let d = downs[k]; buffer.append(o[d] + portOffset[d]) } }
            return median(&buffer)
        }
        // Weights and gaps do not change between sweeps.
        let weights = layers.map { layer in layer.map { items[$0].isReal ? 1.0 : 3.0 } }
        let gaps = layers.map { layer in layer.count > 1 ? (1..<layer.count).map { gap(layer[$0 - 1], layer[$0]) } : [] }
        var desired: [Double] = []
        var blocks: [PooledBlock] = []
        for iteration in 0..<24 {
            let downward = iteration % 2 == 0
            let both = iteration >= 16
            let sequence = downward ? Array(0..<layerCount) : Array((0..<layerCount).reversed())
            for l in sequence {
                let layer = layers[l]
                if layer.isEmpty { continue }
                desired.removeAll(keepingCapacity: true)
                for v in layer { desired.append(target(v, up: downward || both, down: !downward || both) ?? o[v]) }
                project(&desired, weights: weights[l], gaps: gaps[l], blocks: &blocks)
                for (i, v) in layer.enumerated() { o[v] = desired[i] }
            }
        }
        var minO = Double.infinity, maxO = -Double.infinity
        for v in items.indices { minO = min(minO, o[v] - items[v].across / 2); maxO = max(maxO, o[v] + items[v].across / 2) }
        if !minO.isFinite { minO = 0; maxO = 0 }
        for v in items.indices { o[v] -= minO }
        let totalAcross = maxO - minO
        let lr = input.direction == .leftToRight
        return Placement(columnStart: columnStart, columnWidth: columnWidth, across: o,
                         size: lr ? Size(totalAlong, totalAcross) : Size(totalAcross, totalAlong), leftToRight: lr)
    }

    /// A run of positions pooled to one mean by `project`.
    struct PooledBlock { var mean: Double; var weight: Double; var count: Int }

    /// Positions closest (weighted least squares) to `desired` with `p[i+1] - p[i] >= gaps[i]`.
    static func project(_ desired: [Double], weights: [Double], gaps: [Double]) -> [Double] {
        var out = desired, blocks: [PooledBlock] = []
        project(&out, weights: weights, gaps: gaps, blocks: &blocks)
        return out
    }

    /// `project` in place: pool adjacent violators of the positions less their offsets.
    static func project(_ p: inout [Double], weights: [Double], gaps: [Double], blocks: inout [PooledBlock]) {
        blocks.removeAll(keepingCapacity: true)
        var offset = 0.0
        for i in p.indices {
            if i > 0 { offset += gaps[i - 1] }
            blocks.append(PooledBlock(mean: p[i] - offset, weight: weights[i], count: 1))
            while blocks.count > 1 && blocks[blocks.count - 2].mean > blocks[blocks.count - 1].mean {
                let b = blocks.removeLast(), a = blocks.removeLast()
                let w = a.weight + b.weight
                blocks.append(PooledBlock(mean: (a.mean * a.weight + b.mean * b.weight) / w, weight: w, count: a.count + b.count))
            }
        }
        var i = 0
        offset = 0
        for block in blocks {
            for _ in 0..<block.count {
                if i > 0 { offset += gaps[i - 1] }
                p[i] = block.mean + offset
                i += 1
            }
        }
    }
}

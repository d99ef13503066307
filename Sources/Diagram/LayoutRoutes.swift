import Canvas

/// Phase 5 of `LayeredLayout`: the wires' curves.
extension LayeredLayout {
    /// From the source's far side (or the point where the edge leaves its source's trunk),
    /// straight across each dummy's column, cubic curves with tangents along the rank axis
    /// between columns, into the target at its port (on the circle, for round gates). The edge
    /// of each source that leaves the trunk last draws the whole trunk, so every layer's piece of
    /// wire is in exactly one path.
    static func routes(_ graph: LayerGraph, _ placed: Placement, input: Input) -> [Route] {
        let items = graph.items
        let o = placed.across
        // The trunk's drawer: per source, the edge whose branch lies farthest along.
        var drawer: [Int: Int] = [:]
        for (ei, e) in input.edges.enumerated() {
            guard let b = graph.branch[ei] else { continue }
            if let d = drawer[e.from], let db = graph.branch[d], items[db].layer >= items[b].layer { continue }
            drawer[e.from] = ei
        }
        var routes: [Route] = []
        routes.reserveCapacity(input.edges.count)
        var points: [(Double, Double)] = []
        for (ei, e) in input.edges.enumerated() {
            points.removeAll(keepingCapacity: true)
            let from = items[e.from]
            if let b = graph.branch[ei], drawer[e.from] != ei {
                points.append((placed.columnStart[items[b].layer] + placed.columnWidth[items[b].layer], o[b]))
            } else {
                points.append((placed.center(ofColumn: from.layer) + from.along / 2, o[e.from]))
                if let b = graph.branch[ei], let trunk = graph.trunks[e.from] {
                    for d in trunk {
                        let l = items[d].layer
                        points.append((placed.columnStart[l], o[d]))
                        points.append((placed.columnStart[l] + placed.columnWidth[l], o[d]))
                        if d == b { break }
                    }
                }
            }
            let own = graph.last[ei]
            let l = items[own].layer
            points.append((placed.columnStart[l], o[own]))
            points.append((placed.columnStart[l] + placed.columnWidth[l], o[own]))
            var labelRect: Rect?
            if case .label = items[own].kind { labelRect = placed.rect(of: own, in: graph) }
            let target = items[e.to]
            let offset = items[own].portOffset
            let halfAlong = target.along / 2
            // Circles are inscribed in square boxes: enter on the circle at the port's offset.
            let radius = min(target.along, target.across) / 2
            let inset = target.along == target.across ? halfAlong - (radius * radius - offset * offset).squareRoot() : 0
            points.append((placed.center(ofColumn: target.layer) - halfAlong + inset, o[e.to] + offset))
            routes.append(Route(path: curve(through: points, placed), end: placed.point(points.last!.0, points.last!.1),
                                endDirection: placed.leftToRight ? Point(1, 0) : Point(0, 1), labelRect: labelRect))
        }
        return routes
    }

    /// Lines where the order coordinate stays or the columns touch, S-shaped cubics elsewhere.
    static func curve(through points: [(Double, Double)], _ placed: Placement) -> Path {
        var path = Path(reservingCapacity: points.count)
        path.move(to: placed.point(points[0].0, points[0].1))
        for i in 1..<points.count {
            let (a0, o0) = points[i - 1], (a1, o1) = points[i]
            if o0 == o1 || a1 - a0 < 0.5 {
                path.line(to: placed.point(a1, o1))
            } else {
                let m = (a1 - a0) / 2
                path.curve(to: placed.point(a1, o1), control1: placed.point(a0 + m, o0), control2: placed.point(a1 - m, o1))
            }
        }
        return path
    }
}

import Foundation
import Autodiff
import Canvas
import Diagram

/// The graph as JSON (Codable): `{"output": ID, "nodes": [...], "edges": [...], "size": ...}`.
/// Nodes carry `id`, `name`, `op`, `kind`, `inputs`, `value`, `grad` (numbers, or for a tensor graph
/// nested arrays row by row, with the node's `shape`) and, with the layout, their `box`; edges `from`, `to` (null for the output's own wire), `port`, `value`, `grad` and the
/// drawn `curve`: cubic Bézier control points [x, y] (3k + 1 of them: start, then two controls
/// and an end per piece) in points, y down, in the same frame as the figure. An edge that shares
/// its source's trunk starts where it leaves the trunk. Non-finite numbers are the strings "NaN",
/// "Infinity" and "-Infinity".
struct GraphJSON: Codable, Equatable {
    struct Box: Codable, Equatable { var x, y, width, height: Double }
    struct Node: Codable, Equatable {
        var id: Int
        var name: String?
        var op: String?
        var kind: String
        var inputs: [Int]
        var value: GraphJSONValue
        var grad: GraphJSONValue?
        var shape: [Int]?
        var box: Box?

        enum CodingKeys: String, CodingKey { case id, name, op, kind, inputs, value, grad, shape, box }
        // Absent values are written as null (not left out), as readers of earlier versions expect.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(op, forKey: .op)
            try c.encode(kind, forKey: .kind); try c.encode(inputs, forKey: .inputs); try c.encode(value, forKey: .value)
            try c.encode(grad, forKey: .grad); try c.encodeIfPresent(shape, forKey: .shape); try c.encodeIfPresent(box, forKey: .box)
        }
    }
    struct Edge: Codable, Equatable {
        var from: Int
        var to: Int?
        var port: Int
        var value: GraphJSONValue
        var grad: GraphJSONValue?
        var label: Box?
        var curve: [[Double]]?

        enum CodingKeys: String, CodingKey { case from, to, port, value, grad, label, curve }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(from, forKey: .from); try c.encode(to, forKey: .to); try c.encode(port, forKey: .port)
            try c.encode(value, forKey: .value); try c.encode(grad, forKey: .grad)
            try c.encodeIfPresent(label, forKey: .label); try c.encodeIfPresent(curve, forKey: .curve)
        }
    }
    struct Extent: Codable, Equatable { var width, height: Double }
    var output: Int
    var nodes: [Node]
    var edges: [Edge]
    /// The figure's size in points, when the layout is included.
    var size: Extent?
    /// With `--step`: the step taken before the values above were computed.
    var step: GraphStepJSON?

    init(_ e: any DiagramEvaluation, forwardOnly: Bool, diagram: GraphDiagram?) {
        output = e.graph.output
        let rects = diagram?.nodeRects
        nodes = e.graph.nodes.map { node in
            var kind = "gate", op: String?
            switch node.kind {
            case .variable: kind = "variable"
            case .constant: kind = "constant"
            case .gate(let o): op = o.rawValue
            case .named: kind = "named"
            }
            let value = e.wireValue(of: node.id)
            return Node(id: node.id, name: node.name, op: op, kind: kind, inputs: node.inputs, value: GraphJSONValue(value),
                        grad: forwardOnly ? nil : GraphJSONValue(e.nodeGradient(of: node.id)), shape: value.shape, box: rects.map { Box($0[node.id]) })
        }
        var edges: [Edge] = []
        for node in e.graph.nodes {
            for (k, input) in node.inputs.enumerated() {
                edges.append(Edge(from: input, to: node.id, port: k, value: GraphJSONValue(e.wireValue(of: input)),
                                  grad: forwardOnly ? nil : GraphJSONValue(e.edgeGradient(of: node.id, slot: k))))
            }
        }
        if GraphDiagram.needsOutputWire(e.graph) {
            edges.append(Edge(from: e.graph.output, to: nil, port: 0, value: GraphJSONValue(e.wireValue(of: e.graph.output)),
                              grad: forwardOnly ? nil : GraphJSONValue(e.outputGradient)))
        }
        if let diagram {
            let margin = diagram.options.style.margin
            for (i, route) in diagram.layout.routes.enumerated() where i < edges.count {
                edges[i].curve = Self.controlPoints(route.path, dx: margin, dy: margin)
                edges[i].label = route.labelRect.map { Box(Rect(x: $0.x + margin, y: $0.y + margin, width: $0.width, height: $0.height)) }
            }
            size = Extent(width: diagram.size.width, height: diagram.size.height)
        }
        self.edges = edges
    }

    /// A path as cubic control points; straight pieces get controls at their thirds.
    static func controlPoints(_ path: Path, dx: Double, dy: Double) -> [[Double]] {
        var out: [[Double]] = []
        var last = Point(0, 0)
        func add(_ p: Point) { out.append([rounded(p.x + dx), rounded(p.y + dy)]) }
        for element in path.elements {
            switch element {
            case .move(let p): if out.isEmpty { add(p) }; last = p
            case .line(let p):
                add(Point(last.x + (p.x - last.x) / 3, last.y + (p.y - last.y) / 3))
                add(Point(last.x + 2 * (p.x - last.x) / 3, last.y + 2 * (p.y - last.y) / 3))
                add(p); last = p
            case .curve(let c1, let c2, let p): add(c1); add(c2); add(p); last = p
            case .close: break
            }
        }
        return out
    }

    /// The JSON text, one node or edge per line (readable, diffable). Written directly: on a
    /// 10,000-node graph JSONEncoder takes longer than the layout. Decoding it with JSONDecoder
    /// gives back the same value (tested), so the Codable conformance is the schema.
    func encoded() -> String {
        var out = JSONText(capacity: 200 * (nodes.count + edges.count) + 256)
        out.raw("{\"output\": "); out.int(output); out.raw(",\n\"nodes\": [\n")
        for (i, n) in nodes.enumerated() {
            out.raw("{\"id\":"); out.int(n.id)
            out.raw(",\"name\":"); out.string(n.name)
            out.raw(",\"op\":"); out.string(n.op)
            out.raw(",\"kind\":"); out.string(n.kind)
            out.raw(",\"inputs\":["); out.list(n.inputs) { $0.int($1) }
            out.raw("],\"value\":"); n.value.write(to: &out)
            out.raw(",\"grad\":"); if let g = n.grad { g.write(to: &out) } else { out.raw("null") }
            if let shape = n.shape { out.raw(",\"shape\":["); out.list(shape) { $0.int($1) }; out.raw("]") }
            if let b = n.box { out.raw(",\"box\":"); Self.write(b, to: &out) }
            out.raw(i == nodes.count - 1 ? "}\n" : "},\n")
        }
        out.raw("],\n\"edges\": [\n")
        for (i, e) in edges.enumerated() {
            out.raw("{\"from\":"); out.int(e.from)
            out.raw(",\"to\":"); if let to = e.to { out.int(to) } else { out.raw("null") }
            out.raw(",\"port\":"); out.int(e.port)
            out.raw(",\"value\":"); e.value.write(to: &out)
            out.raw(",\"grad\":"); if let g = e.grad { g.write(to: &out) } else { out.raw("null") }
            if let l = e.label { out.raw(",\"label\":"); Self.write(l, to: &out) }
            if let c = e.curve {
                out.raw(",\"curve\":[")
                out.list(c) { o, p in o.raw("["); o.number(p[0]); o.raw(","); o.number(p[1]); o.raw("]") }
                out.raw("]")
            }
            out.raw(i == edges.count - 1 ? "}\n" : "},\n")
        }
        out.raw("]")
        if let size {
            out.raw(",\n\"size\": {\"width\":"); out.number(size.width)
            out.raw(",\"height\":"); out.number(size.height); out.raw("}")
        }
        if let step { out.raw(",\n\"step\": "); out.raw(step.text) }
        out.raw("}\n")
        return out.text
    }

    static func write(_ b: Box, to out: inout JSONText) {
        out.raw("{\"x\":"); out.number(b.x)
        out.raw(",\"y\":"); out.number(b.y)
        out.raw(",\"width\":"); out.number(b.width)
        out.raw(",\"height\":"); out.number(b.height); out.raw("}")
    }

    /// A number as `encoded()` writes it.
    static func number(_ v: Double) -> String {
        var t = JSONText()
        t.number(v)
        return t.text
    }

    /// A string (or null) as `encoded()` writes it.
    static func string(_ s: String?) -> String {
        var t = JSONText()
        t.string(s)
        return t.text
    }

    /// The decoder that reads `encoded()` back.
    static var decoder: JSONDecoder {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return d
    }
}

extension GraphJSON.Box {
    init(_ r: Rect) { self.init(x: rounded(r.x), y: rounded(r.y), width: rounded(r.width), height: rounded(r.height)) }
}

/// Layout coordinates to a thousandth of a point: more is noise.
private func rounded(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }

/// The graph as Graphviz source with the drawing's labels: gates as circles, values
/// (green) and gradients (vermillion) on the edges as HTML-like labels.
enum GraphDotExport {
    static func dot(_ e: any DiagramEvaluation, direction: LayeredLayout.Direction, local: Bool, forwardOnly: Bool) -> String {
        let g = e.graph
        let problems = e.problemNodes
        var lines = ["digraph G {",
                     "  rankdir=\(direction == .leftToRight ? "LR" : "TB"); nodesep=0.25; ranksep=0.4;",
                     "  node [fontname=\"DejaVu Sans\", fontsize=12]; edge [fontname=\"DejaVu Sans\", fontsize=10, color=\"#555555\"];"]
        for node in g.nodes {
            let attributes: String
            switch node.kind {
            case .gate(let op):
                let problem = problems.contains(node.id)
                attributes = "label=\(quote(op.symbol)), shape=circle, width=0.45, fixedsize=true" + (problem ? ", color=\"#D55E00\", penwidth=2" : "")
            case .variable(let n):
                attributes = "label=\(quote(n)), shape=box, style=\"rounded,filled\", fillcolor=\"#E4EEF7\""
            case .named(let n):
                attributes = "label=\(quote(n)), shape=box, style=\"rounded,filled\", fillcolor=\"#FBF1DA\""
            case .constant(let v):
                attributes = "label=\(quote(NumberText.compact(v))), shape=box, style=\"dashed\", fontsize=10"
            }
            lines.append("  n\(node.id) [\(attributes)];")
        }
        func label(value: WireNumber, grad: WireNumber, local l: WireNumber?) -> String {
            var rows = "<font color=\"#009E73\">\(value.text)</font>"
            if !forwardOnly {
                rows += "<br/><font color=\"#D55E00\">\(grad.text)</font>"
                if let l { rows += "<br/><font color=\"#0072B2\">local \(l.text)</font>" }
            }
            return "<" + rows + ">"
        }
        for node in g.nodes {
            for (k, input) in node.inputs.enumerated() {
                let l = label(value: e.wireValue(of: input), grad: e.edgeGradient(of: node.id, slot: k), local: local ? e.localDerivative(of: node.id, slot: k) : nil)
                lines.append("  n\(input) -> n\(node.id) [label=\(l)];")
            }
        }
        if GraphDiagram.needsOutputWire(g) {
            lines.append("  out [shape=point, width=0.01];")
            lines.append("  n\(g.output) -> out [label=\(label(value: e.wireValue(of: g.output), grad: e.outputGradient, local: nil))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

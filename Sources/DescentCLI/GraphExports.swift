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
        var out = "{\"output\": \(output),\n\"nodes\": [\n"
        for (i, n) in nodes.enumerated() {
            out += "{\"id\":\(n.id),\"name\":\(Self.string(n.name)),\"op\":\(Self.string(n.op)),\"kind\":\(Self.string(n.kind)),\"inputs\":["
            out += n.inputs.map(String.init).joined(separator: ",")
            out += "],\"value\":\(n.value.text),\"grad\":\(n.grad?.text ?? "null")"
            if let shape = n.shape { out += ",\"shape\":[" + shape.map(String.init).joined(separator: ",") + "]" }
            if let b = n.box { out += ",\"box\":" + Self.box(b) }
            out += i == nodes.count - 1 ? "}\n" : "},\n"
        }
        out += "],\n\"edges\": [\n"
        for (i, e) in edges.enumerated() {
            out += "{\"from\":\(e.from),\"to\":\(e.to.map(String.init) ?? "null"),\"port\":\(e.port),"
            out += "\"value\":\(e.value.text),\"grad\":\(e.grad?.text ?? "null")"
            if let l = e.label { out += ",\"label\":" + Self.box(l) }
            if let c = e.curve { out += ",\"curve\":[" + c.map { "[\(Self.number($0[0])),\(Self.number($0[1]))]" }.joined(separator: ",") + "]" }
            out += i == edges.count - 1 ? "}\n" : "},\n"
        }
        out += "]"
        if let size { out += ",\n\"size\": {\"width\":\(Self.number(size.width)),\"height\":\(Self.number(size.height))}" }
        if let step { out += ",\n\"step\": " + step.text }
        return out + "}\n"
    }

    static func box(_ b: Box) -> String {
        "{\"x\":\(number(b.x)),\"y\":\(number(b.y)),\"width\":\(number(b.width)),\"height\":\(number(b.height))}"
    }

    /// Whole numbers without a fraction; NaN and infinities as the strings JSONDecoder's
    /// `convertFromString` strategy reads back.
    static func number(_ v: Double) -> String {
        if v.isNaN { return "\"NaN\"" }
        if v.isInfinite { return v > 0 ? "\"Infinity\"" : "\"-Infinity\"" }
        if v == v.rounded(), Swift.abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    static func string(_ s: String?) -> String {
        guard let s else { return "null" }
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if c.value < 0x20 {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                else { out.unicodeScalars.append(c) }
            }
        }
        return out + "\""
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

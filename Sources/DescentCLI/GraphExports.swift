import Autodiff
import Diagram

/// The graph as JSON: `{"output": ID, "nodes": [{"id", "name", "op", "kind", "inputs", "value", "grad"}]}`.
/// Non-finite numbers are written as the strings "NaN", "Infinity" and "-Infinity".
enum GraphJSONExport {
    static func json(_ e: Evaluation, forwardOnly: Bool) -> String {
        var out = "{\n  \"output\": \(e.graph.output),\n  \"nodes\": [\n"
        let nodes = e.graph.nodes
        for node in nodes {
            // Plain switches (no optional map closures): Swift 6.3's optimiser crashes on those here.
            var kind = "gate", op = "null", name = "null"
            switch node.kind {
            case .variable(let n): kind = "variable"; name = string(n)
            case .constant: kind = "constant"
            case .gate(let o): op = string(o.rawValue)
            case .named(let n): kind = "named"; name = string(n)
            }
            let inputs = node.inputs.map(String.init).joined(separator: ", ")
            out += "    {\"id\": \(node.id), \"name\": \(name), \"op\": \(op), \"kind\": \"\(kind)\", \"inputs\": [\(inputs)], "
            out += "\"value\": \(number(e.values[node.id])), \"grad\": \(forwardOnly ? "null" : number(e.gradients[node.id]))}"
            out += node.id == nodes.count - 1 ? "\n" : ",\n"
        }
        out += "  ]\n}\n"
        return out
    }

    static func number(_ v: Double) -> String {
        if v.isNaN { return "\"NaN\"" }
        if v.isInfinite { return v > 0 ? "\"Infinity\"" : "\"-Infinity\"" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    static func string(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}

/// The graph as Graphviz source with the drawing's labels: gates as circles, values
/// (green) and gradients (vermillion) on the edges as HTML-like labels.
enum GraphDotExport {
    static func dot(_ e: Evaluation, direction: LayeredLayout.Direction, local: Bool, forwardOnly: Bool) -> String {
        let g = e.graph
        var lines = ["digraph G {",
                     "  rankdir=\(direction == .leftToRight ? "LR" : "TB"); nodesep=0.25; ranksep=0.4;",
                     "  node [fontname=\"DejaVu Sans\", fontsize=12]; edge [fontname=\"DejaVu Sans\", fontsize=10, color=\"#555555\"];"]
        for node in g.nodes {
            let attributes: String
            switch node.kind {
            case .gate(let op):
                let problem = e.domainIssues.contains { $0.node == node.id }
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
        func label(value: Double, grad: Double, local l: Double?) -> String {
            var rows = "<font color=\"#009E73\">\(NumberText.compact(value))</font>"
            if !forwardOnly {
                rows += "<br/><font color=\"#D55E00\">\(NumberText.compact(grad))</font>"
                if let l { rows += "<br/><font color=\"#0072B2\">local \(NumberText.compact(l))</font>" }
            }
            return "<" + rows + ">"
        }
        for node in g.nodes {
            for (k, input) in node.inputs.enumerated() {
                let l = label(value: e.values[input], grad: e.edgeGradients[node.id][k], local: local ? e.localDerivatives[node.id][k] : nil)
                lines.append("  n\(input) -> n\(node.id) [label=\(l)];")
            }
        }
        if GraphDiagram.needsOutputWire(g) {
            lines.append("  out [shape=point, width=0.01];")
            lines.append("  n\(g.output) -> out [label=\(label(value: e.outputValue, grad: 1, local: nil))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

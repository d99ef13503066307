import Testing
import Foundation

/// `descent graph` end to end through the built executable.
@Suite("descent graph")
struct GraphCommandTests {
    static let badInputs: [(arguments: [String], message: String, caret: String?)] = [
        (["(x + y * z", "x=1", "y=2", "z=3"], "expression:1:11: expected ')' to close the '(' at column 1", "              ^"),
        (["sigmod(x)", "x=1"], "unknown function 'sigmod', did you mean 'sigmoid'?", "    ^^^^^^"),
        (["q = x + y\nf = q * * z", "x=1", "y=2", "z=3"], "expression:2:9: expected a number, a name, '(' or '[', found '*'", "            ^"),
        (["(x + y) * z", "x=1"], "missing values for 'y', 'z'", nil),
        (["x + y", "x=1", "y=abc"], "'y=abc': 'abc' is not a number", nil),
        (["x + y", "x=1", "y=2", "k=3"], "value given for 'k', which the expression does not use", nil),
        (["q = x + 1; q * 2", "x=1", "q=2"], "'q' is computed by the expression and takes no value", nil),
        (["x + 1", "x=1", "--direction", "up"], "The value 'up' is invalid for '--direction <direction>'. Please provide one of 'lr' and 'tb'.", nil),
    ]

    @Test("bad input: exit 1, one error line (with a caret under the position), no file", arguments: badInputs.indices)
    func badInput(index: Int) throws {
        let c = Self.badInputs[index]
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let result = try DescentProcess.run(["graph"] + c.arguments + ["-o", dir.path("g.png")])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("descent: error: ") }.count == 1)
        #expect(lines.first?.contains(c.message) == true, "stderr: \(result.stderr)")
        if let caret = c.caret { #expect(lines.count == 3 && lines[2] == caret, "stderr: \(result.stderr)") } else { #expect(lines.count == 1) }
        #expect(dir.files().isEmpty)
        #expect(result.stdout.isEmpty)
    }

    func json(_ arguments: [String]) throws -> (output: Int, nodes: [[String: Any]]) {
        let result = try DescentProcess.run(["graph"] + arguments + ["--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        return (object["output"] as! Int, object["nodes"] as! [[String: Any]])
    }

    @Test("json: the course's f = (x + y) z with every node")
    func jsonCourse() throws {
        let (output, nodes) = try json(["q = x + y; f = q * z", "x=-2", "y=5", "z=-4"])
        func node(_ name: String) -> [String: Any] { nodes.first { $0["name"] as? String == name }! }
        #expect(node("q")["value"] as? Double == 3)
        #expect(node("f")["value"] as? Double == -12)
        #expect(node("f")["id"] as? Int == output)
        #expect(node("x")["grad"] as? Double == -4)
        #expect(node("y")["grad"] as? Double == -4)
        #expect(node("z")["grad"] as? Double == 3)
        #expect((node("x")["inputs"] as? [Int])?.isEmpty == true)
        #expect(node("x")["op"] is NSNull)
        let gates = nodes.filter { $0["kind"] as? String == "gate" }.compactMap { $0["op"] as? String }
        #expect(gates == ["add", "mul"])
        #expect(nodes.count == 7)  // x y + q z * f
    }

    @Test("json to a file with -o, values from --values, NaN as a string")
    func jsonFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let values = try dir.write("v.json", #"{"x": 2, "y": 1, "z": -3, "w": 4}"#)
        let r = try DescentProcess.run(["graph", "(x + y) * z + max(x, w)", "--values", values, "-o", dir.path("g.json")])
        #expect(r.status == 0 && r.stdout.isEmpty)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path("g.json")))) as! [String: Any]
        let nodes = object["nodes"] as! [[String: Any]]
        let grads = Dictionary(uniqueKeysWithValues: nodes.compactMap { n in (n["name"] as? String).map { ($0, n["grad"] as! Double) } })
        #expect(grads == ["x": -3, "y": -3, "z": 3, "w": 1])
        let (_, bad) = try json(["log(x)", "x=-1"])
        #expect(bad.last?["value"] as? String == "NaN")
    }

    @Test("domain errors: a note naming the node, the figure still written")
    func domain() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let r = try DescentProcess.run(["graph", "a = log(x - 3); a + 1 / y", "x=1", "y=0", "-o", dir.path("g.png")])
        #expect(r.status == 0)
        #expect(r.stderr.contains("domain error at node 3 'log(x - 3)': log(-2) = NaN"))
        #expect(r.stderr.contains("'1 / y': 1 / 0 = Inf"))
        #expect(dir.files() == ["g.png"])
    }

    @Test("dot: Graphviz source with the same labels")
    func dot() throws {
        let r = try DescentProcess.run(["graph", "(x + y) * z", "x=-2", "y=5", "z=-4", "--format", "dot"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("digraph G {"))
        #expect(r.stdout.contains("rankdir=LR"))
        #expect(r.stdout.contains(#"label="×", shape=circle"#))
        #expect(r.stdout.contains(##"n4 -> out [label=<<font color="#009E73">-12</font><br/><font color="#D55E00">1</font>>]"##))
        #expect(r.stdout.contains(##"n0 -> n2 [label=<<font color="#009E73">-2</font><br/><font color="#D55E00">-4</font>>]"##))
        let tb = try DescentProcess.run(["graph", "x * 2", "x=1", "--format", "dot", "--direction", "tb"])
        #expect(tb.stdout.contains("rankdir=TB"))
    }

    @Test("--check prints every input and the largest error")
    func check() throws {
        let r = try DescentProcess.run(["graph", "sigmoid(w * x + b) * log(1 + x^2)", "w=2", "x=-1", "b=0.5", "--check"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines.dropFirst().prefix(3).map { String($0.prefix(1)) } == ["w", "x", "b"])
        let largest = lines.last!.split(separator: " ")[2]
        #expect(Double(largest)! < 1e-6)
    }

    @Test("png, svg and pdf; --frames writes one image per node visited")
    func images() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        for ext in ["png", "svg", "pdf"] {
            let r = try DescentProcess.run(["graph", "(x + y) * z", "x=-2", "y=5", "z=-4", "-o", dir.path("g.\(ext)")])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let svg = try String(contentsOfFile: dir.path("g.svg"), encoding: .utf8)
        #expect(svg.contains("<svg"))
        let pdf = try Data(contentsOf: URL(fileURLWithPath: dir.path("g.pdf")))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        let r = try DescentProcess.run(["graph", "(x + y) * z", "x=-2", "y=5", "z=-4", "--frames", dir.path("frames")])
        #expect(r.status == 0)
        let frames = try FileManager.default.contentsOfDirectory(atPath: dir.path("frames")).sorted()
        #expect(frames == (0...5).map { "frame-00\($0).png" })
    }
}

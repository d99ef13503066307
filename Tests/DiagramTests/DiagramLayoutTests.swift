import Testing
import Canvas
import Autodiff
@testable import Diagram

/// Geometry of the layered layout and the drawing, on a recording canvas.
@Suite("Graph diagram layout")
struct DiagramLayoutTests {
    static let course: [(String, [String: Double])] = [
        ("(x + y) * z", ["x": -2, "y": 5, "z": -4]),
        ("q = x + y; f = q * z", ["x": -2, "y": 5, "z": -4]),
        ("(x + y) * z + max(x, w)", ["x": 2, "y": 1, "z": -3, "w": 4]),
        ("z = x * w1 + b1\nL = z * w2 + b2", ["x": 2, "w1": 0.5, "b1": 1, "w2": 1.5, "b2": 0.5]),
        ("sigmoid(w0 * x0 + w1 * x1 + w2)", ["w0": 2, "x0": -1, "w1": -3, "x1": -2, "w2": -3]),
        ("a = log(x - 3); a + 1 / y", ["x": 1, "y": 0]),
        ("x * x + exp(x) * sin(x * y) - relu(x / y) ^ 2", ["x": 0.5, "y": 2]),
    ]

    func diagram(_ source: String, _ values: [String: Double], _ configure: (inout GraphDiagram.Options) -> Void = { _ in }) throws -> GraphDiagram {
        let e = try Evaluation(ComputationGraph(parsing: source), values: values)
        var o = GraphDiagram.Options()
        configure(&o)
        return GraphDiagram(e, options: o, measuringWith: RecordingCanvas(size: Size(100, 100)))
    }

    func assertNoOverlaps(_ d: GraphDiagram, _ what: String) {
        let boxes = d.nodeRects + d.labelRects
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                #expect(!boxes[i].intersects(boxes[j]), "\(what): box \(i) \(boxes[i]) overlaps \(j) \(boxes[j])")
            }
            #expect(boxes[i].minX >= 0 && boxes[i].minY >= 0 && boxes[i].maxX <= d.size.width + 1e-9 && boxes[i].maxY <= d.size.height + 1e-9)
        }
    }

    @Test("no node overlaps another node or a label", arguments: course.indices, LayeredLayout.Direction.allCases)
    func noOverlaps(index: Int, direction: LayeredLayout.Direction) throws {
        let (source, values) = Self.course[index]
        let d = try diagram(source, values) { $0.direction = direction; $0.showLocal = true }
        assertNoOverlaps(d, source)
    }

    @Test("no overlaps in larger random expressions")
    func randomExpressions() throws {
        var seed: UInt64 = 7
        for size in [10, 40, 120] {
            let (source, values) = RandomExpression.make(leaves: size, seed: &seed)
            let d = try diagram(source, values)
            assertNoOverlaps(d, "\(size) leaves")
        }
    }

    @Test("drawn text stays inside its box and off every other box")
    func textInsideBoxes() throws {
        let (source, values) = Self.course[2]
        let d = try diagram(source, values)
        let canvas = RecordingCanvas(size: d.size)
        d.draw(on: canvas)
        let boxes = d.nodeRects + d.labelRects
        let graphBottom = boxes.map(\.maxY).max()!
        var keyTexts: [String] = []
        for case let .text(s, origin, font, _, _) in canvas.operations {
            let m = canvas.measureText(s, font: font)
            if origin.y - m.ascent > graphBottom { keyTexts.append(s); continue }  // the colour key
            let r = Rect(x: origin.x, y: origin.y - m.ascent, width: m.width, height: m.height).insetBy(0.5)
            let holders = boxes.filter { $0.intersects(r) }
            #expect(holders.count == 1, "text '\(s)' at \(origin) touches \(holders.count) boxes")
        }
        #expect(keyTexts == ["value (forward)", "gradient of output (backward)"])
    }

    @Test("wires enter each gate in argument order, labels too (first argument on top); commutative gates in the wires' order")
    func portOrder() throws {
        var seed: UInt64 = 11
        var cases = Self.course
        for size in [12, 30, 60] { cases.append(RandomExpression.make(leaves: size, seed: &seed)) }
        cases.append(("l = -(y * log(a) + (1 - y) * log(1 - a))", ["y": 1, "a": 0.7]))
        for (source, values) in cases {
            let d = try diagram(source, values)
            let g = d.evaluation.graph
            var edge = 0
            var byTarget: [Int: [(port: Int, end: Double, label: Double)]] = [:]
            for node in g.nodes {
                for k in node.inputs.indices {
                    let route = d.layout.routes[edge]
                    byTarget[node.id, default: []].append((k, route.end.y, route.labelRect!.midY))
                    edge += 1
                }
            }
            for (target, wires) in byTarget where wires.count > 1 {
                // Never crossing at the gate: ends and labels in the same order.
                let byLabel = wires.sorted { $0.label < $1.label }
                #expect(byLabel.map(\.end) == byLabel.map(\.end).sorted(), "\(source): ends into node \(target)")
                if g.nodes[target].operation?.isCommutative == false {
                    #expect(wires.map(\.end) == wires.map(\.end).sorted(), "\(source): ends into node \(target)")
                    #expect(wires.map(\.label) == wires.map(\.label).sorted(), "\(source): labels into node \(target)")
                }
            }
        }
    }

    @Test("ranks by longest path, sources and single-use gates pulled next to their users")
    func ranks() throws {
        let d = try diagram("(x + y) * z + max(x, w)", ["x": 2, "y": 1, "z": -3, "w": 4])
        let g = d.evaluation.graph
        // Nodes: x y + z * w max + sink.
        #expect(g.nodes.map { $0.operation?.rawValue ?? $0.name ?? "c" } == ["x", "y", "add", "z", "mul", "w", "max", "add"])
        // max has one user (the last +): it moves to rank 2, and w with it to rank 1.
        #expect(d.layout.ranks == [0, 0, 1, 1, 2, 1, 2, 3, 4])
        // 1 - y is used once, by the product at the end: it sits right before it.
        let n = try diagram("l = -(y * log(a) + (1 - y) * log(1 - a))", ["y": 1, "a": 0.7])
        let r = n.layout.ranks
        let minusY = n.evaluation.graph.nodes.first { n.evaluation.graph.text(of: $0.id) == "(1 - y)" }!.id
        let product = n.evaluation.graph.nodes.first { $0.inputs.first == minusY }!.id
        #expect(r[product] == r[minusY] + 1)
    }

    @Test("a tree lays out without crossings; the course circuit too (dot reaches zero there)")
    func crossings() throws {
        #expect(try diagram("(a + b) * (c - d) + exp(e) * f", ["a": 1, "b": 2, "c": 3, "d": 4, "e": 0, "f": 1]).layout.crossings == 0)
        #expect(try diagram("(x + y) * z + max(x, w)", ["x": 2, "y": 1, "z": -3, "w": 4]).layout.crossings == 0)
    }

    @Test("crossing count between two layers, shared ends never crossing")
    func crossingCount() {
        func count(_ edges: [(Int, Int)], north: Int = 3, south: Int = 3) -> Int {
            var items = (0..<north).map { _ in LayeredLayout.Item(layer: 0, along: 1, across: 1, kind: .real(0)) }
            items += (0..<south).map { _ in LayeredLayout.Item(layer: 1, along: 1, across: 1, kind: .real(0)) }
            for (a, b) in edges { items[a].down.append(north + b); items[north + b].up.append(a) }
            return LayeredLayout.crossings([Array(0..<north), Array(north..<north + south)], items)
        }
        #expect(count([(0, 0), (1, 1), (2, 2)]) == 0)
        #expect(count([(0, 1), (1, 0)]) == 1)
        #expect(count([(0, 2), (1, 1), (2, 0)]) == 3)
        #expect(count([(0, 0), (0, 1), (1, 0)]) == 1)       // only 0-1 against 1-0
        #expect(count([(0, 2), (1, 2), (2, 2)]) == 0)       // one shared target
        #expect(count([(0, 1), (0, 2), (1, 0), (2, 0)]) == 4)
    }

    @Test("a chain is drawn on one straight line")
    func chain() throws {
        let d = try diagram("tanh(exp(x))", ["x": 1])
        let ys = d.nodeRects.map(\.midY)
        #expect(ys.allSatisfy { abs($0 - ys[0]) < 1e-9 })
        let t = try diagram("tanh(exp(x))", ["x": 1]) { $0.direction = .topToBottom }
        let xs = t.nodeRects.map(\.midX)
        #expect(xs.allSatisfy { abs($0 - xs[0]) < 1e-9 })
        #expect(t.nodeRects[1].minY > t.nodeRects[0].maxY)
    }

    @Test("every wire shows its value; gradients only in the backward stage")
    func labels() throws {
        let values = ["x": -2.0, "y": 5, "z": -4]
        let full = RecordingCanvas(size: Size(1000, 1000))
        try diagram("(x + y) * z", values).draw(on: full)
        let forward = RecordingCanvas(size: Size(1000, 1000))
        try diagram("(x + y) * z", values) { $0.stage = .forward }.draw(on: forward)
        let numbers = { (c: RecordingCanvas) in c.texts.filter { $0.first!.isNumber || $0.first == "\u{2212}" }.sorted() }
        // Wires x, y, z, q and the output: values -2 5 -4 3 -12, gradients -4 -4 3 -4 1.
        #expect(numbers(forward) == ["3", "5", "\u{2212}12", "\u{2212}2", "\u{2212}4"].sorted())
        #expect(numbers(full) == ["1", "3", "3", "5", "\u{2212}12", "\u{2212}2", "\u{2212}4", "\u{2212}4", "\u{2212}4", "\u{2212}4"].sorted())
        #expect(full.texts.contains("\u{00D7}") && full.texts.contains("+"))
    }

    @Test("the output always shows its value and gradient 1: a wire of its own unless a named result ends the graph")
    func outputWire() throws {
        for (source, expected) in [
            ("x", ["2", "1"]),                          // the variable's own wire
            ("c = x; c", ["2", "1"]),                   // x -> c shows it; c ends the graph
            ("f = x * 3", ["3", "2", "3", "3", "2", "6", "1"]),  // constant pill 3; x, 3 and f wires
        ] {
            let d = try diagram(source, ["x": 2])
            let c = RecordingCanvas(size: d.size)
            d.draw(on: c)
            #expect(c.texts.filter { $0.first!.isNumber }.sorted() == expected.sorted(), "\(source): \(c.texts)")
        }
    }

    @Test("frames reveal gradients node by node with the same layout")
    func frames() throws {
        let values = ["x": -2.0, "y": 5, "z": -4]
        var counts: [Int] = []
        var sizes: [Size] = []
        for k in 0...5 {
            let d = try diagram("(x + y) * z", values) { $0.stage = .backwardStep(visited: k) }
            let c = RecordingCanvas(size: d.size)
            d.draw(on: c)
            counts.append(c.texts.count)
            sizes.append(d.size)
        }
        #expect(Set(sizes.map(\.width)).count == 1)
        // Visiting × shows the output wire's gradient and sends gradients to q and z; z adds
        // nothing; + sends them to x and y; the variables add nothing.
        #expect(counts == [counts[0], counts[0] + 3, counts[0] + 3, counts[0] + 5, counts[0] + 5, counts[0] + 5])
    }

    @Test("isotonic projection keeps gaps and stays closest to the targets")
    func projection() {
        #expect(LayeredLayout.project([0, 0, 0], weights: [1, 1, 1], gaps: [1, 1]) == [-1, 0, 1])
        #expect(LayeredLayout.project([0, 10], weights: [1, 1], gaps: [2]) == [0, 10])
        // Minimise 3 (p0 - 5)^2 + p1^2 with p1 >= p0 + 2: p0 = (3 * 5 + 1 * (0 - 2)) / 4 = 3.25.
        #expect(LayeredLayout.project([5, 0], weights: [3, 1], gaps: [2]) == [3.25, 5.25])
    }
}

/// Random well-formed expressions over a few variables, for layout stress tests.
enum RandomExpression {
    static func make(leaves: Int, seed: inout UInt64) -> (String, [String: Double]) {
        func next() -> UInt64 {
            seed &+= 0x9E3779B97F4A7C15
            var z = seed
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
        let names = ["a", "b", "c", "d", "e", "f"]
        func build(_ n: Int) -> String {
            if n <= 1 { return next() % 5 == 0 ? "\(next() % 9 + 1)" : names[Int(next() % 6)] }
            let left = 1 + Int(next() % UInt64(n - 1))
            switch next() % 6 {
            case 0: return "(\(build(left)) + \(build(n - left)))"
            case 1: return "(\(build(left)) * \(build(n - left)))"
            case 2: return "max(\(build(left)), \(build(n - left)))"
            case 3: return "tanh(\(build(n)))".replacingOccurrences(of: "tanh(tanh(", with: "tanh(sigmoid(")
            case 4: return "(\(build(left)) - \(build(n - left)))"
            default: return "sigmoid(\(build(left)) * \(build(n - left)))"
            }
        }
        return (build(leaves), Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Double($0) * 0.3 - 0.7) }))
    }
}

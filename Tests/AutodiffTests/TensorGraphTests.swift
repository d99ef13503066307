import Foundation
import Testing
@testable import Autodiff

/// Tensor-valued graphs: the 001 lab's numbers, NumPy's shape rules, and every tensor
/// operation's gradient against centred finite differences.
@Suite("Tensor graphs")
struct TensorGraphTests {
    static let lab = "z = x @ W.T; yhat = relu(z); L = mse(yhat, y)"
    static let labValues: [String: Tensor] = [
        "x": Tensor(vector: [1, 2]), "W": Tensor(rows: [[3, 2], [4, 1], [5, 2]]), "y": Tensor(vector: [1, 4, 4]),
    ]

    func evaluate(_ source: String, _ values: [String: Tensor], upstream: Double = 1) throws -> TensorEvaluation {
        try TensorEvaluation(try ComputationGraph(parsing: source), values: values, upstream: upstream)
    }

    func node(_ e: TensorEvaluation, _ name: String) -> Int { e.graph.nodes.last { $0.name == name }!.id }

    @Test("001 lab: z = [7, 6, 9], L = 32.5, dL/dyhat = [6, 2, 5], dL/dW = [[6, 12], [2, 4], [5, 10]]")
    func labForwardBackward() throws {
        let e = try evaluate(Self.lab, Self.labValues)
        #expect(e.values[node(e, "z")] == Tensor(vector: [7, 6, 9]))
        #expect(e.values[node(e, "yhat")] == Tensor(vector: [7, 6, 9]))
        #expect(e.outputValue == Tensor(32.5))
        #expect(e.gradients[node(e, "yhat")] == Tensor(vector: [6, 2, 5]))
        #expect(e.gradients[node(e, "z")] == Tensor(vector: [6, 2, 5]))
        #expect(e.gradients[node(e, "W")] == Tensor(rows: [[6, 12], [2, 4], [5, 10]]))
    }

    @Test("001 lab step: W - 0.1 dL/dW = [[2.4, 0.8], [3.8, 0.6], [4.5, 1.0]], z = [4, 5, 6.5], L = 8.125")
    func labStep() throws {
        let e = try evaluate(Self.lab, Self.labValues)
        var values = Self.labValues
        let g = e.gradients[node(e, "W")]
        values["W"] = Tensor(shape: g.shape, data: zip(values["W"]!.data, g.data).map { $0 - 0.1 * $1 })
        let expected: [Double] = [2.4, 0.8, 3.8, 0.6, 4.5, 1.0]
        for (a, b) in zip(values["W"]!.data, expected) { #expect(abs(a - b) < 1e-12) }
        let after = try evaluate(Self.lab, values)
        for (a, b) in zip(after.values[node(after, "z")].data, [4, 5, 6.5]) { #expect(abs(a - b) < 1e-12) }
        #expect(abs(after.outputValue.scalar - 8.125) < 1e-12)
    }

    @Test("softmax then ce: dL/dz = p - y (002 ch. 7, EqA1.1)")
    func softmaxCrossEntropy() throws {
        let z = Tensor(vector: [2, 1, 0.1]), y = Tensor(vector: [1, 0, 0])
        let e = try evaluate("p = softmax(z); L = ce(p, y)", ["z": z, "y": y])
        let exps = z.data.map { exp($0) }, total = exps.reduce(0, +)
        let p = exps.map { $0 / total }
        for (a, b) in zip(e.values[node(e, "p")].data, p) { #expect(abs(a - b) < 1e-15) }
        #expect(abs(e.outputValue.scalar - -log(p[0])) < 1e-15)
        for (i, g) in e.gradients[node(e, "z")].data.enumerated() { #expect(abs(g - (p[i] - y.data[i])) < 1e-15) }
        // A batch of two rows: each row's gradient is (p - y) / 2, the mean over rows.
        let zs = Tensor(rows: [[2, 1, 0.1], [0.5, -1, 3]]), ys = Tensor(rows: [[1, 0, 0], [0, 0, 1]])
        let b = try evaluate("p = softmax(z); L = ce(p, y)", ["z": zs, "y": ys])
        let pb = b.values[node(b, "p")]
        for i in 0..<6 { #expect(abs(b.gradients[node(b, "z")].data[i] - (pb.data[i] - ys.data[i]) / 2) < 1e-15) }
    }

    /// Deterministic entries in (-1.5, 1.5) (away from relu's and abs's kinks) for shape `shape`.
    func sample(_ shape: [Int], salt: Double, positive: Bool = false) -> Tensor {
        let n = shape.reduce(1, *)
        return Tensor(shape: shape, data: (0..<n).map { i in
            let v = 1.5 * sin(Double(i) * 1.7 + salt * 3.1 + 0.4)
            let away = abs(v) < 0.1 ? v + 0.3 : v
            return positive ? abs(away) + 0.2 : away
        })
    }

    @Test("every tensor operation's gradient matches centred finite differences", arguments: [
        ("a + b", [3, 2], [2]), ("a - b", [3, 2], [3, 1]), ("a * b", [2], [3, 2]), ("a / b", [3, 2], [1, 2]),
        ("a ^ b", [2, 2], [2]), ("max(a, b)", [3], [2, 3]), ("min(a, b, a * b)", [2, 2], [2, 2]),
        ("-a * b", [3], []), ("a @ b", [2, 3], [3, 2]), ("a @ b", [3], [3, 2]), ("a @ b", [2, 3], [3]),
        ("a @ b", [3], [3]), ("a @ b.T", [2], [3, 2]), ("transpose(a) * b", [2, 3], [3, 2]),
        ("sum(a * b)", [3, 2], [2]), ("mean(a) * b", [2, 3], [2]),
        ("relu(a) + sigmoid(b)", [2, 3], [3]), ("tanh(a) * exp(b)", [3], [3]), ("log(a) + sqrt(b)", [2, 2], [2]),
        ("abs(a) - sin(b) * cos(a)", [2], [2]), ("softmax(a) * b", [4], [4]), ("softmax(a) * b", [2, 3], [2, 3]),
        ("mse(a, b)", [3], [3]), ("mse(a, b)", [2, 3], [2, 3]), ("bce(sigmoid(a), b)", [3], [3]),
        ("bce(sigmoid(a), b)", [2, 2], [2, 2]), ("ce(softmax(a), b)", [3], [3]), ("ce(softmax(a), b)", [2, 3], [2, 3]),
        ("[a, b * a, 2 * a]", [2], [2]), ("[sum(a), sum(b)]", [2, 2], [3]),
    ])
    func finiteDifferences(_ source: String, _ aShape: [Int], _ bShape: [Int]) throws {
        let positive = source.contains("log") || source.contains("^") || source.contains("sqrt")
        var values: [String: Tensor] = ["a": sample(aShape, salt: 1, positive: positive), "b": sample(bShape, salt: 2, positive: positive)]
        if source.contains("bce") || source.contains("ce(") {
            values["b"] = values["b"]!.map { 1 / (1 + exp(-$0)) }  // targets in (0, 1): both partial derivatives defined
        }
        let graph = try ComputationGraph(parsing: source)
        let probe = try TensorEvaluation(graph, values: values)
        // A seed of distinct entries, so every output entry's gradient counts differently.
        let seed = sample(probe.outputValue.shape, salt: 5)
        let e = try TensorEvaluation(graph, values: values, seed: seed)
        let check = try TensorGradientCheck(e, values: values)
        #expect(check.rows.count == 2)
        #expect(check.largestError < 1e-7, "\(source): \(check.rows.map { "\($0.name): \($0.analytic) vs \($0.numeric)" })")
    }

    @Test("NumPy's shapes: matmul of vectors and matrices, broadcasting, transpose of a vector")
    func shapes() throws {
        let m = Tensor(rows: [[1, 2, 3], [4, 5, 6]])
        let v = Tensor(vector: [1, 0, -1])
        #expect(try evaluate("a @ b", ["a": m, "b": v]).outputValue == Tensor(vector: [-2, -2]))
        #expect(try evaluate("a @ b", ["a": v, "b": v]).outputValue == Tensor(2))
        #expect(try evaluate("a + b", ["a": m, "b": v]).outputValue == Tensor(rows: [[2, 2, 2], [5, 5, 5]]))
        #expect(try evaluate("a.T", ["a": m]).outputValue == Tensor(rows: [[1, 4], [2, 5], [3, 6]]))
        #expect(try evaluate("a.T", ["a": v]).outputValue == v)
        #expect(try evaluate("a * 2 + 1", ["a": v]).outputValue == Tensor(vector: [3, 1, -1]))
        #expect(try evaluate("mean(a)", ["a": m]).outputValue == Tensor(3.5))
        #expect(try evaluate("[a, 2]", ["a": Tensor(1)]).outputValue == Tensor(vector: [1, 2]))
    }

    @Test("a shape mismatch names both shapes and points at the operator")
    func shapeError() throws {
        let source = "z = x @ W; L = sum(z)"
        do {
            _ = try evaluate(source, ["x": Tensor(vector: [1, 2]), "W": Tensor(rows: [[3, 2], [4, 1], [5, 2]])])
            Issue.record("expected a shape error")
        } catch let e as ExpressionError {
            #expect(e.message.contains("(2,)") && e.message.contains("(3, 2)"))
            let rendered = e.render(in: source)
            #expect(rendered.hasPrefix("expression:1:7:"))
            #expect(rendered.hasSuffix("\n          ^"))
        }
        do {
            _ = try evaluate("a + b * c", ["a": Tensor(vector: [1, 2]), "b": Tensor(vector: [1, 2, 3]), "c": Tensor(1)])
            Issue.record("expected a shape error")
        } catch let e as ExpressionError {
            #expect(e.message.contains("(2,) and (3,)"))
            #expect(e.start == 2 && e.end == 3)
        }
        #expect(throws: ExpressionError.self) { try evaluate("mse(a, b)", ["a": Tensor(vector: [1, 2]), "b": Tensor(vector: [1, 2, 3])]) }
        #expect(throws: ExpressionError.self) { try evaluate("a @ b", ["a": Tensor(2), "b": Tensor(vector: [1])]) }
    }

    @Test("the Jacobian of [x1 + 2 x2, 3 x1 - x2] is [[1, 2], [3, -1]] (001), row by row from the reverse pass")
    func jacobian() throws {
        let e = try evaluate("f = [x1 + 2 * x2, 3 * x1 - x2]", ["x1": Tensor(0.5), "x2": Tensor(-2)])
        let columns = ["x1", "x2"].map { e.jacobian(of: node(e, $0)).data }
        #expect(columns[0] == [1, 3] && columns[1] == [2, -1])
        let v = try evaluate("f = x @ A.T", ["x": Tensor(vector: [0.5, -2]), "A": Tensor(rows: [[1, 2], [3, -1]])])
        #expect(v.jacobian(of: node(v, "x")) == Tensor(rows: [[1, 2], [3, -1]]))
    }

    @Test("array literals: ragged rows and bad entries are refused with their position")
    func literals() throws {
        #expect(try TensorLiteral.parse("[1, 2]") == Tensor(vector: [1, 2]))
        #expect(try TensorLiteral.parse(" [[3,2],[4,1],[5,2]] ") == Tensor(rows: [[3, 2], [4, 1], [5, 2]]))
        #expect(try TensorLiteral.parse("-2.5e-1") == Tensor(-0.25))
        func failure(_ text: String) -> ExpressionError? {
            do { _ = try TensorLiteral.parse(text); return nil } catch { return error as? ExpressionError }
        }
        let ragged = failure("[[3,2],[4],[5,2]]")
        #expect(ragged?.message == "ragged rows: row 2 has 1 entry, row 1 has 2")
        #expect(ragged?.start == 7)
        #expect(failure("[1, x]")?.start == 4)
        #expect(failure("[1, 2")?.message.contains("']'") == true)
        #expect(failure("[[[1]]]")?.message.contains("two levels") == true)
        #expect(failure("[]") != nil)
    }

    @Test("a loss gate over m rows has local derivatives of its inputs' shape: (yhat - y)/m for mse, by centred differences")
    func reductionLocalDerivatives() throws {
        // Two rows: mse = sum((a - y)^2)/2m with m = 2.
        let a = Tensor(rows: [[7, 6, 9], [2, 1, 2]]), y = Tensor(rows: [[1, 1, 1], [0, 2, 1]])
        let e = try evaluate("L = mse(a, y)", ["a": a, "y": y])
        let gate = e.graph.nodes.first { $0.operation == .mse }!.id
        let local = try #require(e.localDerivatives[gate][0])
        #expect(local.shape == [2, 3])
        // Centred differences of the loss itself, entry by entry.
        for i in a.data.indices {
            var up = a, down = a
            up.data[i] += 1e-6; down.data[i] -= 1e-6
            let central = (try evaluate("L = mse(a, y)", ["a": up, "y": y]).outputValue.scalar
                - (try evaluate("L = mse(a, y)", ["a": down, "y": y]).outputValue.scalar)) / 2e-6
            #expect(abs(local.data[i] - central) < 1e-6)
            #expect(abs(local.data[i] - (a.data[i] - y.data[i]) / 2) < 1e-12)
        }
        // With the upstream gradient 1, the local derivative is what the wire sends.
        #expect(e.edgeGradients[gate][0] == local)
        // sum's is 1 everywhere, mean's 1/n.
        let s = try evaluate("m = mean(x); t = sum(x); u = m + t", ["x": Tensor(vector: [1, 2, 3, 4])])
        let mean = s.graph.nodes.first { $0.operation == .mean }!.id, sum = s.graph.nodes.first { $0.operation == .sum }!.id
        #expect(s.localDerivatives[mean][0] == Tensor.filled(0.25, shape: [4]))
        #expect(s.localDerivatives[sum][0] == Tensor.filled(1, shape: [4]))
    }

    @Test("with the nodes' shapes, the formulas divide as the tensors do: (a - y)/m for a loss over m rows, 1/n for a mean")
    func reductionFormulas() throws {
        let g = try ComputationGraph(parsing: "L = mse(a, y); m = mean(v); f = L + m")
        var shapes = g.nodes.map { _ in [Int]() }
        for node in g.nodes {
            switch node.name {
            case "a", "y": shapes[node.id] = [2, 3]
            case "v": shapes[node.id] = [4]
            default: break
            }
        }
        let formulas = g.localFormulas(shapes: shapes)
        let mse = g.nodes.first { $0.operation == .mse }!.id, mean = g.nodes.first { $0.operation == .mean }!.id
        let values: [String: Double] = ["a": 7, "y": 1]
        #expect(formulas[mse][0]!.evaluate(values) == 3)     // (7 - 1)/2
        #expect(formulas[mean][0]!.evaluate([:]) == 0.25)
        // Without shapes (a scalar graph) the rules are the scalar ones.
        #expect(g.localFormulas()[mse][0]!.evaluate(values) == 6)
    }
}

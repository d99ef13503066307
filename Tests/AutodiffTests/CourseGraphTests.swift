import Testing
@testable import Autodiff

/// The worked examples of the course texts, with the numbers the texts print.
@Suite("Course graphs")
struct CourseGraphTests {
    func evaluate(_ source: String, _ values: [String: Double]) throws -> (ComputationGraph, Evaluation) {
        let g = try ComputationGraph(parsing: source)
        return (g, try Evaluation(g, values: values))
    }

    func node(_ g: ComputationGraph, named name: String) -> Int {
        g.nodes.last { $0.name == name }!.id
    }

    @Test("004 ch. 6: f = (x + y) z at -2, 5, -4")
    func addMultiply() throws {
        let (g, e) = try evaluate("q = x + y; f = q * z", ["x": -2, "y": 5, "z": -4])
        #expect(e.values[node(g, named: "q")] == 3)
        #expect(e.outputValue == -12)
        #expect(e.gradients[node(g, named: "x")] == -4)
        #expect(e.gradients[node(g, named: "y")] == -4)
        #expect(e.gradients[node(g, named: "z")] == 3)
        #expect(e.gradients[node(g, named: "q")] == -4)
    }

    @Test("004 ch. 6, the same as one expression")
    func addMultiplyInline() throws {
        let (_, e) = try evaluate("(x + y) * z", ["x": -2, "y": 5, "z": -4])
        #expect(e.outputValue == -12)
        #expect(e.variableGradients.map(\.gradient) == [-4, -4, 3])
    }

    @Test("004 ch. 6 sanity check: f(-1.99, 5, -4) = -12.04")
    func nudge() throws {
        let (_, e) = try evaluate("(x + y) * z", ["x": -1.99, "y": 5, "z": -4])
        #expect(abs(e.outputValue - -12.04) < 1e-12)
    }

    @Test("004 ch. 7 circuit: (x + y) z + max(x, w) at 2, 1, -3, 4")
    func circuit() throws {
        // Forward: q = 3, p = -9, m = 4, f = -5. Backward: max routes to w (4 > 2), so
        // x gets only z = -3 through the sum; y gets -3; z gets q = 3; w gets 1.
        let (g, e) = try evaluate("(x + y) * z + max(x, w)", ["x": 2, "y": 1, "z": -3, "w": 4])
        #expect(e.outputValue == -5)
        let grads = Dictionary(uniqueKeysWithValues: e.variableGradients.map { ($0.name, $0.gradient) })
        #expect(grads == ["x": -3, "y": -3, "z": 3, "w": 1])
        // x is one node used twice: two edges, gradients -3 (through +) and 0 (max loser).
        let x = node(g, named: "x")
        #expect(g.users()[x].count == 2)
        #expect(g.variables.count == 4)
    }

    @Test("002 ch. 4.3: z = x w1 + b1, L = z w2 + b2 gives z = 2, L = 3.5, dL/dw1 = 3, dL/dw2 = 2")
    func chain() throws {
        let (g, e) = try evaluate("z = x * w1 + b1\nL = z * w2 + b2", ["x": 2, "w1": 0.5, "b1": 1, "w2": 1.5, "b2": 0.5])
        #expect(e.values[node(g, named: "z")] == 2)
        #expect(e.outputValue == 3.5)
        #expect(e.gradients[node(g, named: "w1")] == 3)
        #expect(e.gradients[node(g, named: "w2")] == 2)
        #expect(e.gradients[node(g, named: "z")] == 1.5)  // dL/dz = w2
    }

    @Test("002 ch. 4.3 error: E = (L - 5)^2 / 2 = 1.125")
    func chainError() throws {
        let (_, e) = try evaluate("z = x * w1 + b1; L = z * w2 + b2; E = 0.5 * (L - 5)^2", ["x": 2, "w1": 0.5, "b1": 1, "w2": 1.5, "b2": 0.5])
        #expect(e.outputValue == 1.125)
        // dE/dw1 = (L - 5) * w2 * x = -1.5 * 3 = -4.5
        let grads = Dictionary(uniqueKeysWithValues: e.variableGradients.map { ($0.name, $0.gradient) })
        #expect(grads["w1"] == -4.5)
        #expect(grads["w2"] == -3)
    }

    @Test("004 ch. 8 gate patterns at x = 3, y = 2, upstream 1")
    func gatePatterns() throws {
        let v = ["x": 3.0, "y": 2.0]
        #expect(try evaluate("x + y", v).1.variableGradients.map(\.gradient) == [1, 1])
        #expect(try evaluate("x * y", v).1.variableGradients.map(\.gradient) == [2, 3])
        #expect(try evaluate("max(x, y)", v).1.variableGradients.map(\.gradient) == [1, 0])
        // Upstream 2 into a multiply with y = 5: x receives 10 (the chapter's question).
        #expect(try evaluate("2 * (x * y)", ["x": 3, "y": 5]).1.variableGradients.map(\.gradient) == [10, 6])
    }

    @Test("000 sec. 3-4: a logistic neuron with cross-entropy has dl/dw_k = (a - y) x_k and dl/db = a - y")
    func neuron() throws {
        let g = try ComputationGraph(parsing: "z = w1 * x1 + w2 * x2 + b; a = sigmoid(z); l = -(y * log(a) + (1 - y) * log(1 - a))")
        var rng = SplitMix(seed: 42)
        for _ in 0..<25 {
            var v: [String: Double] = [:]
            for name in ["w1", "x1", "w2", "x2", "b"] { v[name] = rng.unit() * 4 - 2 }
            v["y"] = rng.unit() < 0.5 ? 0 : 1
            let e = try Evaluation(g, values: v)
            let a = e.values[node(g, named: "a")]
            let grads = Dictionary(uniqueKeysWithValues: e.variableGradients.map { ($0.name, $0.gradient) })
            #expect(abs(grads["w1"]! - (a - v["y"]!) * v["x1"]!) < 1e-12)
            #expect(abs(grads["w2"]! - (a - v["y"]!) * v["x2"]!) < 1e-12)
            #expect(abs(grads["b"]! - (a - v["y"]!)) < 1e-12)
        }
    }
}

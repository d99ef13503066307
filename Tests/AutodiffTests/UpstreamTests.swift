import Testing
@testable import Autodiff

/// A seeded output gradient: the gate inside a bigger circuit (004 ch. 8).
@Suite("Upstream gradient")
struct UpstreamTests {
    @Test("004 ch. 8 quiz: f = x y with upstream 2 and y = 5 sends 10 to x")
    func quiz() throws {
        let e = try Evaluation(try ComputationGraph(parsing: "f = x * y"), values: ["x": 3, "y": 5], upstream: 2)
        #expect(e.variableGradients.first { $0.name == "x" }?.gradient == 10)
        #expect(e.variableGradients.first { $0.name == "y" }?.gradient == 6)
        #expect(e.upstream == 2)
    }

    @Test("004 ch. 8 gate patterns with upstream 2: add distributes, max routes, mul swaps")
    func gates() throws {
        func grads(_ s: String) throws -> [Double] {
            try Evaluation(try ComputationGraph(parsing: s), values: ["x": 3, "y": 2], upstream: 2).variableGradients.map(\.gradient)
        }
        #expect(try grads("x + y") == [2, 2])
        #expect(try grads("max(x, y)") == [2, 0])
        #expect(try grads("x * y") == [4, 6])
    }

    @Test("the gradient check scales finite differences by the upstream gradient")
    func check() throws {
        let values = ["w": 2.0, "x": -1, "b": 0.5]
        let e = try Evaluation(try ComputationGraph(parsing: "sigmoid(w * x + b)"), values: values, upstream: -3)
        #expect(try GradientCheck(e, values: values).largestError < 1e-8)
    }
}

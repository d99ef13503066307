import Testing
@testable import Autodiff

/// `flattened()`: chains of + and × become one n-ary gate with the same values and gradients.
@Suite("Flattening")
struct FlatteningTests {
    @Test("a + b * c * d + e becomes one + of three inputs and one × of three")
    func shape() throws {
        let g = try ComputationGraph(parsing: "a + b * c * d + e").flattened()
        let gates = g.nodes.compactMap { n in n.operation.map { ($0, n.inputs.count) } }
        #expect(gates.map(\.0) == [.mul, .add])
        #expect(gates.map(\.1) == [3, 3])
        for node in g.nodes { #expect(node.inputs.allSatisfy { $0 < node.id }) }
    }

    @Test("values and gradients are unchanged; d(abcd)/da = bcd even with a zero factor")
    func values() throws {
        let values = ["a": 2.0, "b": 0, "c": -3, "d": 5]
        let source = "a * b * c * d + a + (b + c) * d"
        let plain = try Evaluation(try ComputationGraph(parsing: source), values: values)
        let flat = try Evaluation(try ComputationGraph(parsing: source).flattened(), values: values)
        #expect(flat.outputValue == plain.outputValue)
        for (p, f) in zip(plain.variableGradients, flat.variableGradients) {
            #expect(p.name == f.name && p.gradient == f.gradient)
        }
        // d/db of a b c d = a c d = -30 (b = 0 is a factor, the product rule still holds), plus d = 5.
        let db: Double = flat.variableGradients.first { $0.name == "b" }?.gradient ?? .nan
        #expect(db == -25)
    }

    @Test("named intermediates stay nodes; a shared sub-sum is not merged")
    func keepsNames() throws {
        let g = try ComputationGraph(parsing: "q = x + y; f = q + z + q").flattened()
        #expect(g.nodes.contains { $0.name == "q" })
        let shared = try ComputationGraph(parsing: "s = (x + y); t = s + s").flattened()
        #expect(shared.nodes.filter { $0.operation == .add }.count == 2)
    }
}

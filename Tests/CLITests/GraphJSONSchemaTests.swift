import Testing
import Foundation
import Autodiff
import Diagram
import CairoCanvas
@testable import DescentCLI

/// The hand-written JSON of `descent graph --format json` is exactly its Codable schema.
@Suite("Graph JSON schema")
struct GraphJSONSchemaTests {
    @Test("encoded() decodes with JSONDecoder back to the same value, NaN, infinities and the layout included")
    func roundTrip() throws {
        for (source, values) in [("(x + y) * z + max(x, w)", ["x": 2.0, "y": 1, "z": -3, "w": 4]),
                                 ("a = log(x - 3); a + 1 / y", ["x": 1, "y": 0]),
                                 ("θ₁ = θ - η * g", ["θ": 1, "η": 0.1, "g": 2])] {
            let e = try Evaluation(try ComputationGraph(parsing: source), values: values)
            let diagram = try MeasuringCanvas.with { GraphDiagram(e, measuringWith: $0) }
            for forwardOnly in [false, true] {
                let value = GraphJSON(e, forwardOnly: forwardOnly, diagram: forwardOnly ? nil : diagram)
                let text = value.encoded()
                let decoded = try GraphJSON.decoder.decode(GraphJSON.self, from: Data(text.utf8))
                // NaN != NaN: compare the texts the two values write.
                #expect(decoded.encoded() == text, "\(source)")
                #expect(decoded.nodes.count == e.graph.nodes.count)
                #expect(forwardOnly ? decoded.size == nil : decoded.edges.allSatisfy { $0.curve != nil })
            }
        }
    }

    @Test("a tensor graph's JSON (nested arrays, shapes, the step) decodes back to the same value")
    func tensorRoundTrip() throws {
        let graph = try ComputationGraph(parsing: "z = x @ W.T; yhat = relu(z); L = mse(yhat, y)")
        let values: [String: Tensor] = ["x": Tensor(vector: [1, 2]), "W": Tensor(rows: [[3, 2], [4, 1], [5, 2]]), "y": Tensor(vector: [1, 4, 4])]
        let e = try TensorEvaluation(graph, values: values)
        let diagram = try MeasuringCanvas.with { GraphDiagram(e, measuringWith: $0) }
        var value = GraphJSON(e, forwardOnly: false, diagram: diagram)
        value.step = GraphStepJSON(eta: 0.1, update: ["W"], outputBefore: .number(32.5), outputAfter: .number(8.125),
                                   before: ["W": GraphJSONValue(values["W"]!)], gradient: ["W": GraphJSONValue(e.gradients[1])])
        let text = value.encoded()
        let decoded = try GraphJSON.decoder.decode(GraphJSON.self, from: Data(text.utf8))
        #expect(decoded == value)
        #expect(decoded.nodes[1].shape == [3, 2])
        #expect(decoded.nodes[1].grad == .array([[6.0, 12], [2, 4], [5, 10]].map { .array($0.map { .number($0) }) }))
    }
}

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
}

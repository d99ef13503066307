import Testing
@testable import Training

/// --weights FILE.json: shapes, optional biases, and the messages for missing or misshapen matrices.
struct StartWeightsTests {
    let spec = MLPSpec(layers: [2, 3, 1])

    func message(_ json: String, spec: MLPSpec? = nil, shape: WeightShape = .outIn) -> String {
        do {
            _ = try StartWeights.parameters(json: json, path: "w.json", spec: spec ?? self.spec, shape: shape)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func bothShapesAndOptionalBiases() throws {
        let p = try StartWeights.parameters(json: #"{"W1": [[3, 2], [4, 1], [5, 2]], "b2": [0.5], "W2": [[1, -1, 2]]}"#,
                                            path: "w.json", spec: spec, shape: .outIn)
        #expect(p == [3, 2, 4, 1, 5, 2, 0, 0, 0, 1, -1, 2, 0.5])
        // in-out: W1 given as 2 x 3 (np.dot(x, W1)), stored as its transpose.
        let q = try StartWeights.parameters(json: #"{"W1": [[3, 4, 5], [2, 1, 2]], "W2": [[1], [-1], [2]]}"#,
                                            path: "w.json", spec: spec, shape: .inOut)
        #expect(q == [3, 2, 4, 1, 5, 2, 0, 0, 0, 1, -1, 2, 0])
    }

    @Test func missingAndMisshapenMatrices() {
        #expect(message(#"{"W1": [[3, 2], [4, 1], [5, 2]]}"#) == "w.json: no \"W2\": expected a 1 x 3 matrix (n_out x n_in for layers 2,3,1)")
        #expect(message(#"{"W1": [[3, 2], [4, 1]], "W2": [[1, 1, 1]]}"#) == "w.json: \"W1\" at 1:8: expected a 3 x 2 matrix (n_out x n_in for layers 2,3,1)")
        #expect(message("{\"W1\": [[3, 2], [4, 1], [5]],\n \"W2\": [[1, 1, 1]]}") == "w.json: \"W1\" row at 1:25: expected 2 numbers (a 3 x 2 matrix (n_out x n_in for layers 2,3,1))")
        #expect(message(#"{"W1": [[3, 2], [4, 1], [5, 2]], "W2": [[1, 1, 1]], "b1": [1]}"#) == "w.json: \"b1\" at 1:59: expected a vector of 3 numbers")
        #expect(message(#"{"W3": []}"#) == "w.json: unexpected key \"W3\": expected W1..W2 and optional b1..b2")
        var noBias = spec
        noBias.bias = false
        #expect(message(#"{"W1": [[3, 2], [4, 1], [5, 2]], "W2": [[1, 1, 1]], "b1": [1, 1, 1]}"#, spec: noBias)
            == "w.json: unexpected key \"b1\": expected W1..W2 (the network has no biases)")
        #expect(message(#"{"W1": [[3, 2], [4, 1], [5, 2]] "W2": 1}"#) == "w.json:1:33: expected '}'")
        #expect(message("[1, 2]") == "w.json:1:1: expected a JSON object such as {\"W1\": [[3, 2], [4, 1], [5, 2]]}")
    }
}

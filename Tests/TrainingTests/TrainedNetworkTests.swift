import Foundation
import Testing
@testable import Training

/// A run log's trained network: its final logged weights, read without decoding the lines
/// between, and the forward pass of one input through them.
@Suite("Trained networks from run logs")
struct TrainedNetworkTests {
    @Test("the forward pass of a 2 -> 2 -> 1 ReLU network, by hand")
    func byHand() {
        // W1 = [[1, 2], [3, 4]], b1 = [0.5, -1], W2 = [[1, -1]], b2 = [0.25]; x = [1, 1]:
        // z1 = [3.5, 6], a1 = [3.5, 6], z2 = 3.5 - 6 + 0.25 = -2.25 (linear output).
        let spec = MLPSpec(layers: [2, 2, 1], activation: .relu, output: .linear)
        let net = TrainedNetwork(spec: spec, parameters: [1, 2, 3, 4, 0.5, -1, 1, -1, 0.25])
        #expect(net.weight(layer: 1, to: 1, from: 0) == 3)
        #expect(net.bias(layer: 2, neuron: 0) == 0.25)
        #expect(net.activations(input: [1, 1]) == [[1, 1], [3.5, 6], [-2.25]])
        // A negative pre-activation is cut by ReLU: x = [-1, 0] gives z1 = [-0.5, -4].
        #expect(net.activations(input: [-1, 0])[1] == [0, 0])
    }

    @Test("the XOR program of 002 ch. 8: the output for [1, 0, 1] with its final weights is NumPy's")
    func xorProgram() throws {
        let f = try CourseFixture.section("xor_program")
        let w1 = try #require(f["final_weight1"] as? [[Double]]), w2 = try #require(f["final_weight2"] as? [Double])
        // weight1 is (in, hidden) in the program; descent stores W1 as (hidden, in).
        let params = (0..<4).flatMap { j in (0..<3).map { i in w1[i][j] } } + w2
        let spec = MLPSpec(layers: [3, 4, 1], activation: .sigmoid, output: .sigmoid, loss: .mse, bias: false, reduction: .sum)
        let a = TrainedNetwork(spec: spec, parameters: params).activations(input: [1, 0, 1])
        let numpy = try #require(f["output_after_training_101"] as? [Double])
        #expect(abs(a[2][0] - numpy[0]) < 1e-12)
        // The course prints 0.925 for this input.
        #expect((a[2][0] * 1000).rounded() / 1000 == 0.925)
    }

    @Test("a neuron: z = w . x + b and a = sigma(z), by hand")
    func neuron() {
        let v = NeuronValues(weights: [0.5, -1, 2], inputs: [1, 0, 1], bias: 0.1, activation: .sigmoid)
        #expect(abs(v.z - 2.6) < 1e-15)
        #expect(abs(v.a - 1 / (1 + exp(-2.6))) < 1e-15)
        #expect(NeuronValues(weights: [1], inputs: [-3], bias: 1, activation: .relu).a == 0)
    }

    static let header = #"{"type":"header","model":"mlp","layers":[2,2,1],"activation":"relu","output":"linear","loss":"mse","parameter_count":9}"#

    @Test("the final state is the last step with params; its line is named")
    func finalState() throws {
        let text = [Self.header,
                    #"{"type":"step","step":0,"loss":1,"params":[0,0,0,0,0,0,0,0,0]}"#,
                    #"{"type":"step","step":1,"loss":0.5,"params":[1,2,3,4,0.5,-1,1,-1,0.25]}"#,
                    #"{"type":"step","step":2,"loss":0.4}"#,
                    "",
                    #"{"type":"end","status":"completed","steps":2}"#].joined(separator: "\r\n")
        let state = try TrainingLogFinalState.parse(Data(text.utf8), path: "run.jsonl")
        #expect(state.step == 1 && state.line == 3 && state.headerLine == 1)
        let net = try TrainedNetwork(state, path: "run.jsonl")
        #expect(net.spec.layers == [2, 2, 1])
        #expect(net.activations(input: [1, 1])[2] == [-2.25])
    }

    @Test("params as the log writes them: exponents, NaN and the infinities, spaces allowed")
    func numbers() throws {
        let text = Self.header + "\n" + #"{"type":"step","step":7,"loss":NaN,"params":[ 1e-3, -2.5E2,NaN,Infinity, -Infinity,0,1,2,3 ],"grad_norm":1}"#
        let state = try TrainingLogFinalState.parse(Data(text.utf8), path: "run.jsonl")
        #expect(state.step == 7 && state.line == 2)
        #expect(state.parameters[0] == 0.001 && state.parameters[1] == -250 && state.parameters[2].isNaN)
        #expect(state.parameters[3] == .infinity && state.parameters[4] == -.infinity && state.parameters[5...] == [0, 1, 2, 3])
    }

    @Test("bad logs: no header, no params, params that do not fit the layers, a function run", arguments: [
        (#"{"type":"step","step":0,"loss":1,"params":[1]}"#, "run.jsonl:1: expected the header line"),
        (header + "\n" + #"{"type":"step","step":0,"loss":1}"#, "no step record has 'params'"),
        (header + "\n" + #"{"type":"step","step":0,"loss":1,"params":[1,2,3]}"#, "run.jsonl:2: 'params' has 3 values; the network 2,2,1 of its header has 9"),
        (#"{"type":"header","function":"rosenbrock"}"# + "\n" + #"{"type":"step","step":0,"loss":1,"params":[1,2]}"#, "run.jsonl:1: the run log trains the function 'rosenbrock'"),
        (header + "\n" + #"{"type":"step","step":0,"loss":1,"params":[1,2"#, "run.jsonl:2:"),
        ("", "the run log is empty"),
    ])
    func badLogs(text: String, message: String) {
        do {
            let state = try TrainingLogFinalState.parse(Data(text.utf8), path: "run.jsonl")
            _ = try TrainedNetwork(state, path: "run.jsonl")
            Issue.record("expected a failure mentioning \(message)")
        } catch {
            #expect(String(describing: error).contains(message), "\(error)")
        }
    }
}

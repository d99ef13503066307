import Testing
import Training
@testable import Landscape

/// The model of a run rebuilt from its typed header, without the command line.
struct RunLogModelTests {
    @Test func aNetworkIsRebuiltFromTheHeaderFields() throws {
        var h = TrainingLogHeader()
        h.model = .mlp
        h.layers = [2, 4, 3]
        h.activation = .tanh
        h.output = .softmax
        h.data = "blobs"
        h.samples = 200
        h.validation = 0.25
        h.seed = 9
        h.features = ["ignored for built-in data"]
        guard case let .model(setup) = try RunLogModel.rebuild(h, path: "r.jsonl") else { Issue.record("not a model"); return }
        // 2-4-3: 2*4 + 4 weights and biases, then 4*3 + 3.
        #expect(setup.model.parameterCount == 27)
        #expect(setup.spec == MLPSpec(layers: [2, 4, 3], activation: .tanh, output: .softmax, loss: .ce))
        // 200 generated samples; a quarter is held out; three classes one-hot.
        #expect(setup.train.count == 150 && setup.validation?.count == 50 && setup.trainTargets.count == 450)
    }

    @Test func aBiasFreeLinearLogIsTheWeightsPlane() throws {
        var h = TrainingLogHeader()
        h.model = .linear
        h.bias = false
        h.data = "linear2d"
        guard case let .model(setup) = try RunLogModel.rebuild(h, path: "r.jsonl") else { Issue.record("not a model"); return }
        #expect(setup.model.parameterCount == 2)
        #expect(DataSurface(twoParameterModel: setup)?.kind == .linearNoBias)
    }

    @Test func aFunctionHeaderNamesItsSurface() throws {
        var h = TrainingLogHeader()
        h.function = "quadratic"
        h.condition = 4
        guard case let .function(f, _) = try RunLogModel.rebuild(h, path: "r.jsonl") else { Issue.record("not a function"); return }
        // The bowl of condition 4 unrotated: f = (x^2 + 4 y^2) / 2.
        #expect(abs(f.value(1, 1) - 2.5) < 1e-12)
    }

    @Test(arguments: [
        (nil, "r.jsonl: no header line"),
        (TrainingLogHeader(), "r.jsonl: the header names neither a function nor a model"),
    ] as [(TrainingLogHeader?, String)])
    func headersWithNothingToDrawAreNamed(_ header: TrainingLogHeader?, _ message: String) {
        #expect {
            _ = try RunLogModel.rebuild(header, path: "r.jsonl")
        } throws: { ($0 as? RunLogModel.Failure)?.description.hasPrefix(message) == true }
    }

    @Test func thePerceptronAndBadFieldsAreRefused() {
        var h = TrainingLogHeader()
        h.model = .perceptron
        h.data = "plants"
        #expect(throws: RunLogModel.Failure.self) { _ = try RunLogModel.rebuild(h, path: "r.jsonl") }
        h.model = .mlp
        h.layers = [3, 2]
        #expect {
            _ = try RunLogModel.rebuild(h, path: "r.jsonl")
        } throws: { ($0 as? RunLogModel.Failure)?.description.hasPrefix("r.jsonl: cannot rebuild the logged model: --layers 3,2: the input size 3") == true }
    }
}

import Foundation
import Testing
import Training
@testable import Landscape

/// Course-exact runs (`--rng numpy`, bias-free MLPs, summed loss, in-out weights) rebuilt from
/// their typed header as they were trained. The first draws are NumPy's own:
/// `np.random.seed(0); np.random.randn()` is 1.764052345967664 and
/// `np.random.seed(1); np.random.random()` is 0.417022004702574.
struct CourseExactRunLogModelTests {
    @Test func theTwoLayerLabStartsFromNumPysFirstNormal() throws {
        var h = TrainingLogHeader()
        h.model = .mlp
        h.layers = [2, 3, 3]
        h.data = "lab-single"
        h.seed = 0
        h.rng = .numpy
        guard case let .model(setup) = try RunLogModel.rebuild(h, path: "r.jsonl") else { Issue.record("not a model"); return }
        #expect(setup.initial[0] == 1.764052345967664)
        // 2*3 + 3, then 3*3 + 3.
        #expect(setup.model.parameterCount == 21)
    }

    @Test func theXORProgramIsRebuiltWithoutBiasesAndWithTheSummedLoss() throws {
        var h = TrainingLogHeader()
        h.model = .mlp
        h.layers = [3, 4, 1]
        h.bias = false
        h.activation = .sigmoid
        h.output = .sigmoid
        h.loss = .mse
        h.initialization = .uniform
        h.weightShape = .inOut
        h.reduction = .sum
        h.data = "xor3"
        h.seed = 1
        h.rng = .numpy
        guard case let .model(setup) = try RunLogModel.rebuild(h, path: "r.jsonl") else { Issue.record("not a model"); return }
        // 3*4 + 4*1 weights and no biases.
        #expect(setup.model.parameterCount == 16)
        #expect(setup.spec?.bias == false && setup.spec?.reduction == .sum)
        #expect(setup.initial[0] == 0.417022004702574)
    }

    @Test func theNewHeaderFieldsAreWrittenAndReadBack() throws {
        var h = TrainingLogHeader()
        h.model = .mlp
        h.rng = .numpy
        h.weightShape = .inOut
        h.reduction = .sum
        h.weights = "start.json"
        h.standardize = true
        h.testSamples = 10000
        let text = TrainingLogLine.header(h).jsonText
        for member in [#""rng":"numpy""#, #""weight_shape":"in-out""#, #""reduction":"sum""#, #""weights":"start.json""#,
                       #""standardize":true"#, #""test_samples":10000"#] {
            #expect(text.contains(member), "\(member) in \(text)")
        }
        let end = TrainingLogLine.end(TrainingLogEnd(.completed(steps: 5), test: (loss: 0.5, accuracy: 0.75))).jsonText
        #expect(end.contains(#""test_loss":0.5"#) && end.contains(#""test_accuracy":0.75"#))
        let log = try TrainingLog.parse(Data((text + "\n" + end + "\n").utf8), path: "r.jsonl")
        #expect(log.header == h)
    }

    @Test func aStartWeightsFileThatIsGoneIsNamed() {
        var h = TrainingLogHeader()
        h.model = .mlp
        h.layers = [2, 3, 3]
        h.data = "lab-single"
        h.weights = "/nonexistent/start.json"
        #expect {
            _ = try RunLogModel.rebuild(h, path: "r.jsonl")
        } throws: { ($0 as? RunLogModel.Failure)?.description.contains("/nonexistent/start.json: cannot read the weights file") == true }
    }
}

import Testing
@testable import Training

/// Backpropagation of every activation / output / loss combination against finite differences.
struct MLPGradientTests {
    static let specs: [MLPSpec] = [
        MLPSpec(layers: [2, 3, 3], activation: .relu, output: .linear, loss: .mse),
        MLPSpec(layers: [3, 5, 4, 1], activation: .sigmoid, output: .sigmoid, loss: .mse),
        MLPSpec(layers: [2, 6, 1], activation: .tanh, output: .sigmoid, loss: .bce),
        MLPSpec(layers: [2, 4, 4, 3], activation: .tanh, output: .softmax, loss: .ce),
        MLPSpec(layers: [2, 5, 3], activation: .sigmoid, output: .softmax, loss: .mse),
        MLPSpec(layers: [4, 7, 2], activation: .relu, output: .linear, loss: .mse),
    ]

    @Test(arguments: specs)
    func gradientMatchesFiniteDifferences(_ spec: MLPSpec) {
        var rng = SplitMix64(seed: 11)
        let rows = 5
        let inputs = (0..<(rows * spec.inputCount)).map { _ in rng.normal() }
        var targets: [Double] = []
        for _ in 0..<rows {
            switch spec.loss {
            case .ce:
                let c = rng.integer(below: spec.outputCount)
                targets += (0..<spec.outputCount).map { $0 == c ? 1 : 0 }
            case .bce: targets += (0..<spec.outputCount).map { _ in Double(rng.integer(below: 2)) }
            case .mse: targets += (0..<spec.outputCount).map { _ in rng.uniform() }
            }
        }
        let params = WeightInit.xavier.parameters(for: spec, seed: 3).map { $0 + 0.05 * rng.normal() }
        let errors = GradientCheck.check(MLP(spec: spec), parameters: params, inputs: inputs, targets: targets, count: rows)
        #expect(errors.map(\.name) == spec.groups.map(\.name))
        for e in errors { #expect(e.maxRelativeError < 1e-5, "\(spec.layers) \(e.name): \(e.maxRelativeError)") }
    }

    @Test func specProblems() {
        #expect(MLPSpec(layers: [2]).problem != nil)
        #expect(MLPSpec(layers: [2, 0, 1]).problem != nil)
        #expect(MLPSpec(layers: [2, 1], output: .linear, loss: .bce).problem == "--loss bce needs --output sigmoid")
        #expect(MLPSpec(layers: [2, 3], output: .sigmoid, loss: .ce).problem == "--loss ce needs --output softmax")
        #expect(MLPSpec(layers: [2, 1000, 3]).parameterCount == 2 * 1000 + 1000 + 3 * 1000 + 3)
    }
}

extension MLPSpec: CustomTestStringConvertible {
    public var testDescription: String { "\(layers) \(activation) \(output) \(loss)" }
}

/// The shape-aware one-hidden-layer kernel against the general layer-by-layer loops and finite differences.
struct FusedKernelTests {
    static let shapes: [[Int]] = [[2, 1000, 3], [1, 9, 1], [3, 10, 2], [4, 33, 4], [2, 13, 3]]

    @Test(arguments: shapes, [Activation.relu, .identity])
    func fusedMatchesGeneral(_ layers: [Int], _ activation: Activation) {
        let spec = MLPSpec(layers: layers, activation: activation, output: .linear, loss: .mse)
        #expect(FusedOneHiddenLayer.supports(spec))
        var rng = SplitMix64(seed: 5)
        let rows = layers[1] > 100 ? 1000 : 9  // 1000 x 1000 takes the threaded path
        let x = (0..<(rows * layers[0])).map { _ in rng.normal() }
        let t = (0..<(rows * layers[2])).map { _ in rng.normal() }
        let p = WeightInit.he.parameters(for: spec, seed: 2).map { $0 + 0.1 * rng.normal() }
        let fused = MLP(spec: spec).lossAndGradient(p, inputs: x, targets: t)
        let general = MLP(spec: spec, allowFused: false).lossAndGradient(p, inputs: x, targets: t)
        #expect(abs(fused.loss - general.loss) <= 1e-12 * abs(general.loss))
        let scale = general.gradient.map(abs).max()!
        for (a, b) in zip(fused.gradient, general.gradient) { #expect(abs(a - b) <= 1e-12 * scale) }
        if rows < 100 {
            let errors = GradientCheck.check(MLP(spec: spec), parameters: p, inputs: x, targets: t, count: rows)
            for e in errors { #expect(e.maxRelativeError < 1e-5, "\(e.name)") }
        }
    }
}

/// `train --check-gradients` and `graph --check` share one error formula, |a - n| / max(1, |a|, |n|).
struct GradientCheckFormulaTests {
    @Test func aSmallGradientIsJudgedAbsolutelyAndALargeOneRelatively() {
        // L = x^2: the centred difference of a quadratic is exactly 2x up to rounding.
        let small = GradientCheck.check(groups: [("x", 0..<1)], parameters: [1e-3], loss: { $0[0] * $0[0] },
                                        gradient: [2e-3 + 1e-5])
        #expect(abs(small[0].maxRelativeError - 1e-5) < 1e-8)
        let large = GradientCheck.check(groups: [("x", 0..<1)], parameters: [50], loss: { $0[0] * $0[0] }, gradient: [101])
        #expect(abs(large[0].maxRelativeError - 1.0 / 101) < 1e-8)
    }
}

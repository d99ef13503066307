import Testing
import Training
@testable import Landscape

/// Filter normalisation (Li et al. 2018) and the slice through a network's parameters.
struct NetworkSliceTests {
    static let spec = MLPSpec(layers: [2, 5, 3], activation: .relu, output: .linear, loss: .mse)

    static func weights() -> [Double] {
        var rng = SplitMix64(seed: 7)
        return (0..<spec.parameterCount).map { _ in rng.uniform(-2, 2) }
    }

    @Test func everyRowHasTheNormOfTheSameWeightRowAndBiasesAreZero() {
        let w = Self.weights()
        var rng = SplitMix64(seed: 1)
        let d = FilterNormalizedDirection.make(spec: Self.spec, weights: w, rng: &rng)
        for l in 1..<Self.spec.layers.count {
            let rows = Self.spec.layers[l], cols = Self.spec.layers[l - 1], off = Self.spec.weightOffset(l)
            for r in 0..<rows {
                let row = (off + r * cols)..<(off + (r + 1) * cols)
                let dn = row.reduce(0) { $0 + d[$1] * d[$1] }.squareRoot(), wn = row.reduce(0) { $0 + w[$1] * w[$1] }.squareRoot()
                #expect(abs(dn - wn) <= 1e-12 * wn)
            }
            let b = Self.spec.biasOffset(l)
            #expect(d[b..<(b + rows)].allSatisfy { $0 == 0 })
        }
    }

    @Test func sliceIsTheLossAtThePlanePointAndItsGradientIsDirectional() {
        let w = Self.weights()
        var rng = SplitMix64(seed: 2)
        let d1 = FilterNormalizedDirection.make(spec: Self.spec, weights: w, rng: &rng)
        let d2 = FilterNormalizedDirection.make(spec: Self.spec, weights: w, rng: &rng)
        let x: [Double] = [0.5, -1, 1.5, 0.25], t: [Double] = [1, 0, -1, 0.5, 2, 0]
        let model = MLP(spec: Self.spec)
        let slice = NetworkSlice(model: model, center: w, d1: d1, d2: d2, inputs: x, targets: t, count: 2)
        let direct = model.loss(w.indices.map { w[$0] + 0.3 * d1[$0] - 0.2 * d2[$0] }, x, t)
        #expect(abs(slice.value(0.3, -0.2) - direct) < 1e-12)
        let h = 1e-6, g = slice.gradient(0.3, -0.2)
        let ga = (slice.value(0.3 + h, -0.2) - slice.value(0.3 - h, -0.2)) / (2 * h)
        let gb = (slice.value(0.3, -0.2 + h) - slice.value(0.3, -0.2 - h)) / (2 * h)
        #expect(abs(g.x - ga) < 1e-6 && abs(g.y - gb) < 1e-6)
    }
}

extension MLP {
    func loss(_ p: [Double], _ x: [Double], _ t: [Double]) -> Double {
        p.withUnsafeBufferPointer { pb in
            x.withUnsafeBufferPointer { xb in
                t.withUnsafeBufferPointer { tb in loss(pb.baseAddress!, inputs: xb.baseAddress!, targets: tb.baseAddress!, count: 2) }
            }
        }
    }
}

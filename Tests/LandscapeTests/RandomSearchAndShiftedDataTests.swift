import Landscape
import Testing
import Training

/// Random search and the shifted-examples loss of 004 ch. 0 and ch. 4, against their definitions.
@Suite("Random search and shifted data")
struct RandomSearchAndShiftedDataTests {
    @Test("random search: every guess lies in the domain, its loss is the surface's, the best is the least")
    func randomSearch() throws {
        let f = try ExpressionSurface(parsing: "(x - 1)^2 + 3 * (y + 2)^2")
        let domain = Domain2(x: -3...2, y: -4...1)
        let s = RandomSearch(f, over: domain, count: 500, seed: 11)
        #expect(s.points.count == 500)
        for (p, l) in zip(s.points, s.losses) {
            #expect(domain.x.contains(p.x) && domain.y.contains(p.y))
            let want = (p.x - 1) * (p.x - 1) + 3 * (p.y + 2) * (p.y + 2)
            #expect(abs(l - want) <= 1e-13 * max(1, want))
        }
        let best = try #require(s.best)
        #expect(s.losses.allSatisfy { $0 >= s.losses[best] })
        #expect(RandomSearch(f, over: domain, count: 500, seed: 11) == s)
        #expect(RandomSearch(f, over: domain, count: 500, seed: 12) != s)
    }

    @Test("shifted examples: the mean loss and its derivative match centred differences; the mean shift is the shifts' mean")
    func shiftedExamples() throws {
        let curve = try ExpressionCurve("exp(-w^2) + 0.1 * w^3")
        let data = ShiftedSamples1D(curve, sd: 0.3, samples: 40, seed: 5)
        for w in [-1.3, -0.2, 0.4, 1.7] {
            let h = 1e-5
            let numeric = (data.value(w + h) - data.value(w - h)) / (2 * h)
            #expect(abs(data.derivative(w) - numeric) <= 1e-8)
            // One example's derivative is the curve's, shifted.
            #expect(abs(data.derivative(w, examples: [3]) - curve.derivative(w - data.shifts[3])) <= 1e-15)
        }
        // The sample standard deviation of 40 N(0, 0.3^2) draws lies within 0.3 (1 +- 0.35) with overwhelming probability.
        let mean = data.shifts.reduce(0, +) / 40
        let sd = (data.shifts.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 39).squareRoot()
        #expect(sd > 0.195 && sd < 0.405)
    }

    @Test("shifted examples: single-example steps follow the examples' derivatives; a non-finite step stops the run")
    func descend() throws {
        let data = ShiftedSamples1D(try ExpressionCurve("w^2"), sd: 1, samples: 5, seed: 1)
        let path = data.descend(start: 1, learningRate: 0.1, steps: 50, batch: 1, seed: 4)
        #expect(path.count == 51)
        // Each step is w - 0.1 * 2 (w - s_i) for some example i.
        for (a, b) in zip(path, path.dropFirst()) {
            #expect(data.shifts.contains { abs(b - (a - 0.2 * (a - $0))) <= 1e-12 })
        }
        let diverging = ShiftedSamples1D(try ExpressionCurve("w^4"), sd: 0, samples: 3, seed: 1)
        let blown = diverging.descend(start: 10, learningRate: 1, steps: 100, batch: nil, seed: 0)
        #expect(blown.count < 101 && !(blown.last!.isFinite))
    }
}

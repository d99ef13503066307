import Testing
@testable import Plot

@Suite("TensorBoard smoothing")
struct SmoothingTests {
    @Test("debiased EMA against hand-computed values")
    func handComputed() {
        // w = 0.5: last 0.5 -> 0.5/0.5 = 1; last 1.25 -> 1.25/0.75; last 2.125 -> 2.125/0.875.
        let s = TensorBoardSmoothing.smooth([1, 2, 3], weight: 0.5)
        #expect(abs(s[0] - 1) < 1e-12)
        #expect(abs(s[1] - 1.25 / 0.75) < 1e-12)
        #expect(abs(s[2] - 2.125 / 0.875) < 1e-12)
    }

    @Test("weight 0 returns the data")
    func zeroWeight() {
        #expect(TensorBoardSmoothing.smooth([3, 1, 4, 1, 5], weight: 0) == [3, 1, 4, 1, 5])
    }

    @Test("non-finite points pass through and do not advance the average")
    func nonFinite() {
        let s = TensorBoardSmoothing.smooth([1, .nan, 3, .infinity], weight: 0.5)
        #expect(s[0] == 1)
        #expect(s[1].isNaN)
        // Second finite point: n = 2, last = 0.25 + 1.5 = 1.75, debias 0.75.
        #expect(abs(s[2] - 1.75 / 0.75) < 1e-12)
        #expect(s[3] == .infinity)
    }

    @Test("a constant series stays constant")
    func constant() {
        #expect(TensorBoardSmoothing.smooth([2, 2, 2], weight: 0.9) == [2, 2, 2])
    }
}

import Testing
@testable import Plot

/// `--ignore-outliers`' range: percentiles as NumPy computes them, per series, joined.
@Suite("Robust y range")
struct RobustRangeTests {
    @Test("percentiles interpolate linearly, as numpy.percentile's default")
    func numpyPercentiles() {
        // np.percentile(np.arange(1, 101), [5, 95, 50]) == [5.95, 95.05, 50.5]; of [1, 2, 3, 4]: 25 -> 1.75.
        let hundred = (1...100).map(Double.init)
        #expect(abs(RobustRange.quantile(hundred, 0.05) - 5.95) < 1e-12)
        #expect(abs(RobustRange.quantile(hundred, 0.95) - 95.05) < 1e-12)
        #expect(abs(RobustRange.quantile(hundred, 0.5) - 50.5) < 1e-12)
        #expect(abs(RobustRange.quantile([1, 2, 3, 4], 0.25) - 1.75) < 1e-12)
        #expect(RobustRange.quantile([7], 0.95) == 7)
    }

    @Test("one series: 5th to 95th percentile widened by a fifth of the span, never past its extremes")
    func oneSeries() throws {
        // 1...100 plus one spike: percentiles of 101 values are 6 and 96 (h = 5 and 95 exactly); span 90, widened by 18.
        let values = (1...100).map(Double.init) + [10_000]
        let r = try #require(RobustRange.of(values, scale: .linear))
        #expect(r.lower == 1)  // 6 - 18 is below the minimum
        #expect(abs(r.upper - 114) < 1e-9)
        // A series that just started (three points) keeps all of them.
        let short = try #require(RobustRange.of([2.3, 2.0, 1.8], scale: .linear))
        #expect(short.lower == 1.8 && short.upper == 2.3)
    }

    @Test("on a log axis the percentiles are taken in decades and non-positive values are left out")
    func logScale() throws {
        // 21 values 10^0 ... 10^20 (log10 = 0 ... 20): 5th / 95th percentile at 10^1 and 10^19, widened by 3.6 decades: the extremes.
        let values = (0...20).map { pow(10, Double($0)) } + [0, -5]
        let r = try #require(RobustRange.of(values, scale: .log))
        #expect(r.lower == 1 && r.upper == 1e20)
        #expect(RobustRange.of([0, -1], scale: .log) == nil)
    }

    @Test("the union over series keeps a run that has just started, which pooled percentiles clip away")
    func perSeriesNotPooled() throws {
        let long = (0..<1000).map { 1 + Double($0 % 10) / 10 }  // 1.0 ... 1.9
        let started = [5.0, 5.1, 5.2, 5.3, 5.4]
        let r = try #require(RobustRange.union([long, started], scale: .linear))
        #expect(r.lower <= 1.0 && r.upper >= 5.4)
        // Pooled (TensorBoard's way), the 95th percentile of all 1005 values lies inside the long run.
        let pooled = try #require(RobustRange.of(long + started, scale: .linear))
        #expect(pooled.upper < 5.0)
    }
}

import Foundation

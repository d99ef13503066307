import Testing
@testable import Plot

@Suite("Per-column min/max decimation")
struct DecimationTests {
    @Test("a single spike in a million points survives")
    func spike() {
        let n = 1_000_000
        let xs = (0..<n).map(Double.init)
        var ys = xs.map { sin($0 / 1000) }
        ys[654_321] = 50
        ys[123_456] = -50
        let kept = ColumnDecimator.keptIndices(xs: xs, ys: ys, columns: 1000) { $0 / Double(n) * 1000 }
        #expect(kept.contains(654_321))
        #expect(kept.contains(123_456))
        #expect(kept.count <= 2 * 1000 + 2)
        #expect(kept == kept.sorted(), "order is kept")
        #expect(kept.first == 0 && kept.last == n - 1)
    }

    @Test("non-finite points are kept so the line breaks there")
    func breaks() {
        let n = 100_000
        let xs = (0..<n).map(Double.init)
        var ys = [Double](repeating: 1, count: n)
        ys[50_000] = .nan
        let kept = ColumnDecimator.keptIndices(xs: xs, ys: ys, columns: 100) { $0 / Double(n) * 100 }
        #expect(kept.contains(50_000))
    }

    @Test("few points are all kept")
    func few() {
        let kept = ColumnDecimator.keptIndices(xs: [0, 1, 2], ys: [3, 4, 5], columns: 500) { $0 }
        #expect(kept == [0, 1, 2])
    }
}

import Foundation

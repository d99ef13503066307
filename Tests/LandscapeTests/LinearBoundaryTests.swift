import Testing
@testable import Landscape

/// The decision boundary of a linear classifier clipped to the plotted rectangle.
@Suite("Linear boundary")
struct LinearBoundaryTests {
    @Test("x + y - 1 = 0 in [0, 1]^2 runs from (0, 1) to (1, 0)")
    func diagonal() throws {
        let s = try #require(LinearBoundary.segment(w1: 1, w2: 1, b: -1, x: (0, 1), y: (0, 1)))
        let ends = [s.0, s.1].sorted { $0.0 < $1.0 }
        #expect(abs(ends[0].0) < 1e-12 && abs(ends[0].1 - 1) < 1e-12)
        #expect(abs(ends[1].0 - 1) < 1e-12 && abs(ends[1].1) < 1e-12)
    }

    @Test("a vertical boundary x = 2 (w2 = 0) crosses the top and bottom edges")
    func vertical() throws {
        let s = try #require(LinearBoundary.segment(w1: 1, w2: 0, b: -2, x: (0, 4), y: (-1, 3)))
        #expect(s.0.0 == 2 && s.1.0 == 2)
        #expect(Set([s.0.1, s.1.1]) == [-1, 3])
    }

    @Test("a boundary outside the rectangle, or w = 0, has no segment")
    func missing() {
        #expect(LinearBoundary.segment(w1: 1, w2: 1, b: -10, x: (0, 1), y: (0, 1)) == nil)
        #expect(LinearBoundary.segment(w1: 0, w2: 0, b: 1, x: (0, 1), y: (0, 1)) == nil)
    }
}

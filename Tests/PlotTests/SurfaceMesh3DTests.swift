import Canvas
import Testing
@testable import Plot

/// The 3D mesh: projection from matplotlib's default view and the painter's order.
struct SurfaceMesh3DTests {
    static func mesh(values: [Double]) -> SurfaceMesh3D {
        SurfaceMesh3D(xs: [0, 1, 2], ys: [0, 1, 2], values: values, colormap: .viridis,
                      scale: ColorScale(lower: 0, upper: 8, isLog: false), paths: [], xLabel: "x", yLabel: "y")
    }

    @Test func theCornerAtLowXAndLowYIsNearestFromAzimuthMinus60() {
        let m = Self.mesh(values: [Double](repeating: 0, count: 9))
        let depths = [(-1.0, -1.0), (1, -1), (1, 1), (-1, 1)].map { m.project(($0.0, $0.1, 0)).2 }
        #expect(depths.firstIndex(of: depths.min()!) == 0)
        #expect(depths.firstIndex(of: depths.max()!) == 2)
        // Height raises a point on the screen by cos(elevation).
        let low = m.project((0, 0, 0)), high = m.project((0, 0, 1))
        #expect(abs((high.1 - low.1) - 0.8660254037844387) < 1e-12)
    }

    @Test func quadsArePaintedFarthestFirstAndNonFiniteCellsAreLeftOut() {
        let m = Self.mesh(values: [0, 1, 2, 1, 2, 3, 2, 3, .nan])
        let qs = m.quads()
        #expect(qs.count == 3)   // the quad touching the NaN corner is skipped
        #expect(zip(qs, qs.dropFirst()).allSatisfy { $0.depth >= $1.depth })
    }
}

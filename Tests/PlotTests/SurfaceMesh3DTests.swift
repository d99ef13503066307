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

    @Test func axesTickTheNearFloorEdgesAtRoundValues() {
        // x and y over [0, 2]: ticks at 0, 0.5, 1, 1.5, 2 on the near edges y = 0 and x = 0 (the low corner is nearest).
        let m = Self.mesh(values: [Double](repeating: 1, count: 9))
        let rect = Rect(x: 0, y: 0, width: 600, height: 400)
        let canvas = RecordingCanvas(size: Size(600, 400))
        m.draw(in: rect, on: canvas, theme: Theme())
        let screen = m.screenMapping(in: rect)
        let starts: [Point] = canvas.operations.compactMap {
            guard case let .stroke(path, style) = $0, style.color == Theme().spineColor, path.elements.count == 2,
                  case let .move(p)? = path.elements.first else { return nil }
            return p
        }
        let values = [0.0, 0.5, 1, 1.5, 2]
        let expected = values.map { screen((2 * $0 / 2 - 1, -1, 0)) } + values.map { screen((-1, 2 * $0 / 2 - 1, 0)) }
        #expect(starts.count == expected.count)
        for e in expected { #expect(starts.contains { abs($0.x - e.x) < 1e-9 && abs($0.y - e.y) < 1e-9 }) }
        // The labels: the round values of each axis, then its name.
        let labels = canvas.operations.compactMap { if case let .text(t, _, _, _, _) = $0 { return t } else { return nil } }
        #expect(labels == ["0.0", "0.5", "1.0", "1.5", "2.0", "x", "0.0", "0.5", "1.0", "1.5", "2.0", "y"])
    }
}

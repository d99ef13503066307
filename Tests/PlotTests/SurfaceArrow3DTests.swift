import Canvas
import Foundation
import Testing
@testable import Plot

/// Downhill arrows on the 3D mesh, on the bowl f(x, y) = x^2 + 3 y^2 (gradient (2x, 6y)).
struct SurfaceArrow3DTests {
    static func f(_ x: Double, _ y: Double) -> Double { x * x + 3 * y * y }

    @Test func theArrowStepsAgainstTheGradientAndCarriesTheSurfaceValues() {
        // At (1, 0.5) the gradient is (2, 3); 0.1 units per unit of gradient reach (0.8, 0.2).
        let arrow = SurfaceArrow3D.downhill(fromX: 1, y: 0.5, gradient: (2, 3), scale: 0.1, samples: 8) { Self.f($0, $1) }
        #expect(arrow.xs.count == 8)
        #expect(arrow.xs[0] == 1 && arrow.ys[0] == 0.5 && abs(arrow.values[0] - 1.75) < 1e-12)
        #expect(abs(arrow.xs[7] - 0.8) < 1e-12 && abs(arrow.ys[7] - 0.2) < 1e-12)
        #expect(abs(arrow.values[7] - 0.76) < 1e-12)   // 0.64 + 3 * 0.04
        #expect(abs(arrow.xs[1] - (1 - 0.2 / 7)) < 1e-12 && abs(arrow.ys[1] - (0.5 - 0.3 / 7)) < 1e-12)
        #expect(zip(arrow.values, arrow.values.dropFirst()).allSatisfy { $0.1 < $0.0 })   // downhill all the way
    }

    /// Gradient descent with rate 0.05 from (-1.6, 1.2): x_k = -1.6 * 0.9^k, y_k = 1.2 * 0.7^k.
    static let iterates = (0..<6).map { k in (-1.6 * pow(0.9, Double(k)), 1.2 * pow(0.7, Double(k))) }
    static let arrowScale = 0.06

    static func mesh() -> SurfaceMesh3D {
        let axis = (0...20).map { -2 + 0.2 * Double($0) }
        var values: [Double] = []
        for y in axis { for x in axis { values.append(f(x, y)) } }
        var mesh = SurfaceMesh3D(xs: axis, ys: axis, values: values, colormap: .viridis,
                                 scale: ColorScale(lower: 0, upper: 16, isLog: false), paths: [], xLabel: "x", yLabel: "y")
        mesh.arrows = iterates.map { x, y in
            SurfaceArrow3D.downhill(fromX: x, y: y, gradient: (2 * x, 6 * y), scale: arrowScale) { f($0, $1) }
        }
        return mesh
    }

    /// The mesh drawn into 800 x 600 points, the recording, and its model-to-canvas mapping.
    static func drawn() -> (SurfaceMesh3D, RecordingCanvas, @Sendable ((Double, Double, Double)) -> Point) {
        let mesh = Self.mesh()
        let rect = Rect(x: 0, y: 0, width: 800, height: 600)
        let canvas = RecordingCanvas(size: Size(800, 600))
        mesh.draw(in: rect, on: canvas, theme: Theme())
        return (mesh, canvas, mesh.screenMapping(in: rect))
    }

    @Test func oneArrowHeadPerIterateWithItsTipLowerOnTheSurface() throws {
        let (mesh, canvas, screen) = Self.drawn()
        let heads: [Point] = canvas.operations.compactMap {
            guard case let .fill(path, color) = $0, color == mesh.arrowColor, case let .move(tip)? = path.elements.first else { return nil }
            return tip
        }
        #expect(heads.count == Self.iterates.count)
        for (x, y) in Self.iterates {
            // The tip: 12% of the way back along x, 36% along y (0.06 * 2 and 0.06 * 6).
            let tx = 0.88 * x, ty = 0.64 * y
            let base = 0.9 * Self.f(x, y) / 16, tip = 0.9 * Self.f(tx, ty) / 16
            #expect(tip < base)
            let mx = tx / 2, my = ty / 2, lift = SurfaceMesh3D.arrowLift
            let expected = screen((mx, my, tip + lift))
            let drawn = try #require(heads.min { hypot($0.x - expected.x, $0.y - expected.y) < hypot($1.x - expected.x, $1.y - expected.y) })
            #expect(hypot(drawn.x - expected.x, drawn.y - expected.y) < 1e-9)
            // Lower on the canvas (larger y) than the same spot at the base's height.
            #expect(drawn.y > screen((mx, my, base + lift)).y)
        }
    }

    @Test func eachArrowIsPaintedAfterTheMeshCellUnderItsStart() throws {
        let (mesh, canvas, screen) = Self.drawn()
        let ops = canvas.operations
        let polylines = mesh.arrowPolylines(screen: screen)
        #expect(polylines.count == Self.iterates.count)
        for ((x, y), arrow) in zip(Self.iterates, polylines) {
            // The cell holding (x, y), its fill found by its outline.
            let quad = try #require(mesh.quads().first { q in
                let xs = q.corners.map { 2 * $0.0 }, ys = q.corners.map { 2 * $0.1 }
                return xs.min()! <= x && x <= xs.max()! && ys.min()! <= y && y <= ys.max()!
            })
            let outline = Path.polygon(quad.corners.map(screen))
            let cellIndex = try #require(ops.firstIndex { if case let .fill(p, _) = $0 { return p == outline } else { return false } })
            let arrowIndex = try #require(ops.firstIndex {
                if case let .fill(p, c) = $0, c == mesh.arrowColor, case let .move(tip)? = p.elements.first { return tip == arrow.points.last }
                return false
            })
            #expect(cellIndex < arrowIndex)
        }
    }
}

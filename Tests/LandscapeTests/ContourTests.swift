import Foundation
import Testing
import Plot
import Training
@testable import Landscape

/// Contours of bowls against their closed-form level sets, and saddle cells.
struct ContourTests {
    static func area(_ p: [Point2]) -> Double {
        var s = 0.0
        for k in p.indices { let a = p[k], b = p[(k + 1) % p.count]; s += a.x * b.y - b.x * a.y }
        return abs(s) / 2
    }

    @Test(arguments: [0.1, 0.5, 1.0, 1.5])
    func roundBowlContoursAreCircles(level: Double) {
        // f = (x^2 + y^2) / 2: the level set f = c is the circle of radius sqrt(2c).
        let grid = FunctionSurface(.quadratic(condition: 1, rotation: 0)).grid(over: Domain2(x: -2...2, y: -2...2), resolution: 201)
        let lines = MarchingSquares.lines(grid, level: level)
        #expect(lines.count == 1)
        let r = (2 * level).squareRoot()
        for p in lines[0].points { #expect(abs((p.x * p.x + p.y * p.y).squareRoot() - r) < 1e-3) }
        #expect(lines[0].isClosed)
        #expect(abs(Self.area(lines[0].points) - Double.pi * r * r) / (Double.pi * r * r) < 1e-3)
    }

    @Test(arguments: [0.2, 0.8])
    func rotatedBowlContoursAreEllipses(level: Double) {
        // f = p^T H p / 2 with H = R(30°) diag(1, 4) R^T: in rotated coordinates u^2 + 4 v^2 = 2c,
        // an ellipse with semi-axes sqrt(2c) and sqrt(2c)/2 and area pi a b.
        let grid = FunctionSurface(.quadratic(condition: 4, rotation: 30)).grid(over: Domain2(x: -2...2, y: -2...2), resolution: 241)
        let lines = MarchingSquares.lines(grid, level: level)
        #expect(lines.count == 1)
        let t = 30 * Double.pi / 180
        let a = (2 * level).squareRoot(), b = a / 2
        for p in lines[0].points {
            let u = cos(t) * p.x + sin(t) * p.y, v = -sin(t) * p.x + cos(t) * p.y
            #expect(abs(u * u / (a * a) + v * v / (b * b) - 1) < 3e-3)
        }
        #expect(abs(Self.area(lines[0].points) - Double.pi * a * b) / (Double.pi * a * b) < 2e-3)
    }

    @Test func saddleCellWithHighCentreJoinsTheHighCorners() {
        // Corners (0,0) and (1,1) are 1, the others 0; centre mean 0.5 >= level 0.5: the high
        // corners are connected, so the segments cut off the low corners (1,0) and (0,1).
        let grid = Grid(xs: [0, 1], ys: [0, 1], values: [1, 0, 0, 1])
        let segs = MarchingSquares.segments(grid, level: 0.5)
        #expect(segs.count == 2)
        let ends = Set(segs.map { [$0.pa, $0.pb].map { "\($0.x),\($0.y)" }.sorted().joined(separator: " ") })
        #expect(ends == ["0.5,0.0 1.0,0.5", "0.0,0.5 0.5,1.0"])
    }

    @Test func saddleCellWithLowCentreSeparatesTheHighCorners() {
        let grid = Grid(xs: [0, 1], ys: [0, 1], values: [1, 0, 0, 1])
        let segs = MarchingSquares.segments(grid, level: 0.6)
        // Crossings at 0.4 of the way from a high corner: (0.4, 0)-(0, 0.4) cuts off corner 00,
        // (1, 0.6)-(0.6, 1) cuts off corner 11.
        func near(_ p: Point2, _ x: Double, _ y: Double) -> Bool { abs(p.x - x) < 1e-12 && abs(p.y - y) < 1e-12 }
        func joins(_ s: MarchingSquares.Segment, _ a: (Double, Double), _ b: (Double, Double)) -> Bool {
            (near(s.pa, a.0, a.1) && near(s.pb, b.0, b.1)) || (near(s.pa, b.0, b.1) && near(s.pb, a.0, a.1))
        }
        #expect(segs.count == 2)
        #expect(segs.contains { joins($0, (0.4, 0), (0, 0.4)) })
        #expect(segs.contains { joins($0, (1, 0.6), (0.6, 1)) })
    }

    @Test func saddleSurfaceGivesTwoHyperbolaBranches() {
        // f = x y has saddle cells along the axes; the level 0.3 is the hyperbola x y = 0.3,
        // two branches in the first and third quadrants that must not join.
        let xs = Grid.axis(-2...2, count: 81)
        var values: [Double] = []
        for y in xs { for x in xs { values.append(x * y) } }
        let lines = MarchingSquares.lines(Grid(xs: xs, ys: xs, values: values), level: 0.3)
        #expect(lines.count == 2)
        for line in lines {
            #expect(!line.isClosed)
            let q = line.points[0].x > 0
            for p in line.points {
                #expect((p.x > 0) == q && (p.y > 0) == q)
                #expect(abs(p.x * p.y - 0.3) < 2e-3)
            }
        }
    }

    @Test func nonFiniteCellsAreSkipped() {
        let grid = Grid(xs: [0, 1, 2], ys: [0, 1], values: [0, 1, .nan, 0, 1, .nan])
        let lines = MarchingSquares.lines(grid, level: 0.5)
        #expect(lines.count == 1)
        #expect(lines[0].points.count == 2)
    }

    @Test func linearLevelsAreEvenlySpacedInside() {
        #expect(ContourLevels.linear(low: 0, high: 10, count: 4) == [2, 4, 6, 8])
        #expect(ContourLevels.linear(low: 1, high: 1, count: 4).isEmpty)
    }

    @Test func logLevelsHaveEqualRatios() {
        let levels = ContourLevels.logarithmic(low: 1, high: 1e4, count: 3)
        #expect(levels.count == 3)
        for (l, e) in zip(levels, [10.0, 100, 1000]) { #expect(abs(l - e) / e < 1e-12) }
        let many = ContourLevels.logarithmic(low: 0.01, high: 50, count: 20)
        let ratios = zip(many.dropFirst(), many).map { $0 / $1 }
        for r in ratios { #expect(abs(r - pow(5000, 1.0 / 21)) < 1e-9) }
        #expect(ContourLevels.logarithmic(low: 0, high: 1, count: 3).isEmpty)
    }

    @Test func roundLogLevelsAreTheDensestDecadePatternThatFits() {
        func close(_ a: [Double], _ b: [Double]) -> Bool { a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-12 * $1 } }
        // 30 to 3500 holds 50, 100, 200, 500, 1000, 2000 in 1-2-5 steps; 1..9 per decade would give 17.
        #expect(close(ContourLevels.niceLogarithmic(low: 30, high: 3500, count: 12), [50, 100, 200, 500, 1000, 2000]))
        #expect(close(ContourLevels.niceLogarithmic(low: 30, high: 3500, count: 17), [50, 100, 200, 500, 1000, 2000]))
        #expect(close(ContourLevels.niceLogarithmic(low: 30, high: 3500, count: 18),
                      [40, 50, 60, 70, 80, 90, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 2000, 3000]))
        #expect(close(ContourLevels.niceLogarithmic(low: 0.5, high: 2e3, count: 4), [1, 10, 100, 1000]))
        // Eight decades into 3 levels: every 2nd decade counted from 1e-4.
        #expect(close(ContourLevels.niceLogarithmic(low: 2e-4, high: 5e3, count: 3), [1e-2, 1, 1e2]))
    }

    @Test func decadeDetection() {
        #expect(ColorScale.spansDecades(smallestPositive: 0.01, max: 100))
        #expect(!ColorScale.spansDecades(smallestPositive: 1, max: 50))
    }
}

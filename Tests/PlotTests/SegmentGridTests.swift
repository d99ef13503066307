import Canvas
import Testing
@testable import Plot

/// The bucketed near-segment query answers as checking every segment does.
struct SegmentGridTests {
    /// The distance from p to segment ab, by projecting onto the segment's line (closed form).
    static func distance(_ p: Point, _ a: Point, _ b: Point) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy
        let t = l2 == 0 ? 0 : max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2))
        let ex = p.x - (a.x + t * dx), ey = p.y - (a.y + t * dy)
        return (ex * ex + ey * ey).squareRoot()
    }

    @Test func agreesWithEverySegmentChecked() {
        var rng = SplitMix(seed: 7)
        // A random walk of 300 steps (a noisy optimizer path), a lone point, and a huge step.
        var runs: [[Point]] = [[Point(100, 100)]]
        for _ in 0..<300 { let p = runs[0].last!; runs[0].append(Point(p.x + rng.uniform(-6, 6), p.y + rng.uniform(-6, 6))) }
        runs.append([Point(40, 160)])
        runs.append([Point(-5000, 50), Point(9000, 60)])
        let reach = 3.1
        let grid = SegmentGrid(runs, reach: reach)
        var near = 0
        for _ in 0..<4000 {
            let p = Point(rng.uniform(0, 200), rng.uniform(0, 200))
            var best = Double.infinity
            for run in runs {
                if run.count == 1 { best = min(best, Self.distance(p, run[0], run[0])) }
                for (a, b) in zip(run, run.dropFirst()) { best = min(best, Self.distance(p, a, b)) }
            }
            // Skip points within rounding of the edge, where the two computations may differ.
            if abs(best - reach) < 1e-9 { continue }
            #expect(grid.contains(p, within: reach) == (best <= reach), "at \(p): nearest segment \(best)")
            if best <= reach { near += 1 }
        }
        // Both answers occur often enough for the comparison to mean something.
        #expect(near > 200 && near < 3800)
    }

    @Test func nonFinitePointsAreNeverNear() {
        let grid = SegmentGrid([[Point(0, 0), Point(10, 0)]], reach: 2)
        #expect(!grid.contains(Point(.nan, 0), within: 2))
        #expect(!grid.contains(Point(.infinity, 0), within: 2))
        #expect(grid.contains(Point(5, 1.5), within: 2))
        #expect(!grid.contains(Point(5, 2.5), within: 2))
    }
}

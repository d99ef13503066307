import Testing
@testable import Training

/// Every test function: value and gradient at its known minima, gradients against centred
/// finite differences over its domain.
struct TestFunctionTests {
    static let all: [TestFunction] = [.rosenbrock, .himmelblau, .beale, .booth, .rastrigin, .ackley, .sixHumpCamel,
                                      .goldsteinPrice, .saddle, .quadratic(condition: 10, rotation: 30)]

    @Test(arguments: all)
    func valueAndGradientAtMinima(_ f: TestFunction) throws {
        for m in f.minima {
            let expected = try #require(f.minimumValue)
            #expect(abs(f.value(m) - expected) < 1e-12, "\(f.name) at (\(m.x), \(m.y))")
            let g = f.gradient(m)
            #expect((g.x * g.x + g.y * g.y).squareRoot() < 1e-7, "\(f.name) gradient at (\(m.x), \(m.y)): \(g)")
        }
    }

    @Test(arguments: all)
    func gradientMatchesFiniteDifferences(_ f: TestFunction) {
        var rng = SplitMix64(seed: 42)
        let d = f.domain
        for _ in 0..<50 {
            let x = rng.uniform(d.x.lowerBound, d.x.upperBound), y = rng.uniform(d.y.lowerBound, d.y.upperBound)
            let g = f.gradient(x, y)
            let h = 1e-6
            let nx = (f.value(x + h, y) - f.value(x - h, y)) / (2 * h)
            let ny = (f.value(x, y + h) - f.value(x, y - h)) / (2 * h)
            let scale = max(1, abs(g.x) + abs(g.y))
            #expect(abs(g.x - nx) / scale < 1e-6 && abs(g.y - ny) / scale < 1e-6, "\(f.name) at (\(x), \(y)): \(g) vs (\(nx), \(ny))")
        }
    }

    @Test func everyNameResolves() {
        for name in TestFunction.names { #expect(TestFunction.named(name)?.name == name) }
        #expect(TestFunction.named("nope") == nil)
    }

    @Test func quadraticBowlHasTheAskedConditionNumber() {
        // Eigenvalues of H = R diag(1, c) R^T are 1 and c whatever the rotation.
        let h = TestFunction.hessian(condition: 25, rotation: 40)
        let trace = h.xx + h.yy, det = h.xx * h.yy - h.xy * h.xy
        #expect(abs(trace - 26) < 1e-12 && abs(det - 25) < 1e-10)
        // Along the rotated first axis the curvature is 1: f(t u) = t^2 / 2.
        let t = 40 * Double.pi / 180
        #expect(abs(TestFunction.quadratic(condition: 25, rotation: 40).value(cos(t), sin(t)) - 0.5) < 1e-12)
    }

    @Test func saddleIsAStationaryPointNotAMinimum() {
        let f = TestFunction.saddle
        #expect(f.gradient(0, 0) == Point2(0, 0))
        #expect(f.value(0, 1) < f.value(0, 0) && f.value(1, 0) > f.value(0, 0))
    }
}

extension TestFunction: CustomTestStringConvertible {
    public var testDescription: String { name }
}

#if canImport(Glibc)
import Glibc
#endif

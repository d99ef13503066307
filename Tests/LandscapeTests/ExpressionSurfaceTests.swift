import Foundation
import Testing
import Training
@testable import Landscape

/// Surfaces typed as expressions: values and gradients against closed forms, the variables
/// allowed, and the title markup.
struct ExpressionSurfaceTests {
    @Test func theCourseFieldHasItsClosedFormValueAndGradient() throws {
        // 001: f(x, y) = x^2 + 3y, gradient (2x, 3).
        let f = try ExpressionSurface(parsing: "x^2 + 3*y")
        #expect(abs(f.value(1.5, -2) - (2.25 - 6)) < 1e-12)
        let g = f.gradient(1.5, -2)
        #expect(abs(g.x - 3) < 1e-12 && abs(g.y - 3) < 1e-12)
    }

    @Test(arguments: [(0.3, -1.1), (2.0, 0.5), (-1.2, 2.2)])
    func productOfSineAndCosine(x: Double, y: Double) throws {
        let f = try ExpressionSurface(parsing: "sin(x) * cos(y)")
        #expect(abs(f.value(x, y) - sin(x) * cos(y)) < 1e-12)
        let g = f.gradient(x, y)
        #expect(abs(g.x - cos(x) * cos(y)) < 1e-12 && abs(g.y + sin(x) * sin(y)) < 1e-12)
    }

    @Test func aSurfaceOfOneVariableHasZeroGradientAlongTheOther() throws {
        let f = try ExpressionSurface(parsing: "y^3")
        #expect(f.gradient(5, 2).x == 0)
        #expect(abs(f.gradient(5, 2).y - 12) < 1e-12)
    }

    @Test func otherVariablesAreRefusedWhereTheyStand() {
        #expect {
            try ExpressionSurface(parsing: "x + z")
        } throws: { error in
            guard let f = error as? ExpressionSurface.Failure else { return false }
            return f.error.start == 4 && f.error.end == 5
        }
    }

    @Test(arguments: [
        ("x^2 + 3*y", "$x^2 + 3 \\cdot y$"),
        ("x^(2*y)", "$x^{2 \\cdot y}$"),
        ("sin(x) + sigmoid(y)", "$\\sin(x) + \\mathrm{sigmoid}(y)$"),
        ("x^(2", "x^(2"),
        ("x_1 + y", "x_1 + y"),
    ])
    func titlesAreMathMarkup(source: String, markup: String) {
        #expect(ExpressionMarkup.markup(source) == markup)
    }

    @Test func aPathOnAnExpressionFollowsItsGradient() throws {
        // Gradient descent on x^2 + 3y from (1, 1), lr 0.1: (1 - 0.2, 1 - 0.3) after one step.
        let f = try ExpressionSurface(parsing: "x^2 + 3*y")
        let path = PathRunner.run(try PathSpec.parse("gd", learningRate: 0.1, steps: 2).get(), on: f, start: Point2(1, 1))
        #expect(path.points.count == 3)
        #expect(abs(path.points[1].x - 0.8) < 1e-12 && abs(path.points[1].y - 0.7) < 1e-12)
        #expect(abs(path.losses[1] - (0.64 + 2.1)) < 1e-12)
    }
}

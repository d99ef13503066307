import Foundation
import Testing

/// Spec panels of tensor graphs: graph panels with array values and a step, the matrix panel
/// (computed matrices, Jacobians), and their bad input.
extension FigureSetTests {
    static let labSpec = """
    id: lab
    panels:
      - kind: graph
        expression: "z = x @ W.T; yhat = relu(z); L = mse(yhat, y)"
        values: {x: [1, 2], W: [[3, 2], [4, 1], [5, 2]], y: [1, 4, 4]}
        step: 0.1
        update: W
      - kind: matrix
        expression: "f = [x1 + 2 * x2, 3 * x1 - x2]"
        values: {x1: 0.5, x2: -3}
        jacobian: [x1, x2]
    expect:
      z: [7, 6, 9]
      L: 32.5
      grad.W: [6, 12, 2, 4, 5, 10]
      L_after_step: 8.125
      jacobian: [1, 2, 3, -1]
    """

    @Test("graph panel with arrays and a step: the lab's z, L, dL/dW and L after the step; matrix panel: the 001 Jacobian")
    func labPanels() throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let (result, values) = try figures(["lab": Self.labSpec], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let v = try #require(values["lab"])
        #expect(v["A.W_after_step"].map { zip($0, [2.4, 0.8, 3.8, 0.6, 4.5, 1.0]).allSatisfy { abs($0 - $1) < 1e-12 } } == true)
        #expect(v["z_after_step"].map { zip($0, [4, 5, 6.5]).allSatisfy { abs($0 - $1) < 1e-12 } } == true)
        #expect(v["jacobian"] == [1, 2, 3, -1])
        #expect(FileManager.default.fileExists(atPath: dir.path("out/lab.png")))
    }

    @Test("a wrong course number in a tensor expectation names the entry")
    func wrongTensorExpectation() throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let wrong = Self.labSpec.replacingOccurrences(of: "grad.W: [6, 12, 2, 4, 5, 10]", with: "grad.W: [6, 12, 2, 4, 5, 11]")
        let (result, _) = try figures(["lab": wrong], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("expect 'grad.W'"), "\(result.stderr)")
        #expect(result.stderr.contains("11") && result.stderr.contains("10"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("out/lab.png")))
    }

    @Test("bad tensor panels: one message with file, line and what is wrong", arguments: [
        ("kind: graph\n    expression: \"x @ W\"\n    values: {x: [1, 2], W: [[3, 2], [4, 1], [5, 2]]}", "'@': shapes (2,) and (3, 2) do not fit"),
        ("kind: graph\n    expression: \"x @ W\"\n    values: {x: [1, 2], W: [[3, 2], [4], [5, 2]]}", "ragged rows"),
        ("kind: graph\n    expression: \"sum(x * w)\"\n    values: {x: [1, 2], w: [1, 1]}\n    step: 0.1\n    update: v", "'v' is not a variable"),
        ("kind: matrix\n    expression: \"f = x * 2\"\n    values: {x: [1, 2]}\n    show: [grad.y]", "bad.yaml:6:11: 'show': 'grad.y' is not a value this panel computes"),
        ("kind: matrix\n    expression: \"f = x * 2\"\n    values: {x: [1, 2]}\n    jacobian: [q]", "'jacobian': 'q' is not a variable"),
        ("kind: matrix\n    expression: \"f = x * 2\"\n    values: {x: [1, 2]}", "a matrix panel needs 'show'"),
    ])
    func badTensorPanel(panel: String, message: String) throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let (result, values) = try figures(["bad": "id: bad\npanels:\n  - \(panel)\n", "tangent": Self.tangent], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(values["tangent"] != nil)
        #expect(!FileManager.default.fileExists(atPath: dir.path("out/bad.png")))
    }
}

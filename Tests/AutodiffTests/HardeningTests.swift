import Testing
import Foundation
@testable import Autodiff

/// Issue 14's expression bugs: each case failed before its fix.
@Suite("Expression hardening")
struct HardeningTests {
    @Test("bug 2: a flat sum of 60,000 terms builds, evaluates and is freed without deep recursion")
    func longFlatSum() async throws {
        // Run on a thread with a 512 KiB stack, as the test runner's are: any recursion whose
        // depth follows the input's length overflows it.
        let source = Array(repeating: "x", count: 60_000).joined(separator: "+")
        let (value, gradient, count) = try Self.onSmallStack {
            let graph = try ComputationGraph(parsing: source)
            let e = try Evaluation(graph, values: ["x": 1.5])
            return (e.outputValue, e.gradients[graph.variables[0].id], graph.nodes.count)
        }
        #expect(value == 90_000)
        #expect(gradient == 60_000)
        #expect(count == 60_000)  // x once, 59,999 additions
        let mixed = try Self.onSmallStack { () -> Double in
            let g = try ComputationGraph(parsing: Array(repeating: "2*x*y - x/y", count: 20_000).joined(separator: "+"))
            return try Evaluation(g, values: ["x": 3, "y": 2]).outputValue
        }
        #expect(mixed == 20_000 * (12 - 1.5))
    }

    @Test("bug 2: a flat chain keeps its left-associative meaning")
    func chainMeaning() throws {
        #expect(try Parser.parseExpression("a - b + c - d").sExpression == "(- (+ (- a b) c) d)")
        #expect(try Parser.parseExpression("a / b * c").sExpression == "(* (/ a b) c)")
        let e = try Evaluation(try ComputationGraph(parsing: "10 - 4 - 3 + 1"), values: [:])
        #expect(e.outputValue == 4)
    }

    @Test("bug 13: CR LF ends a comment and a statement")
    func crlf() throws {
        let g = try ComputationGraph(parsing: "f = x # first\r\nf = f * 10")
        #expect(try Evaluation(g, values: ["x": 2]).outputValue == 20)
        let h = try ComputationGraph(parsing: "q = x + y\r\nf = q * z\r\n")
        #expect(try Evaluation(h, values: ["x": -2, "y": 5, "z": -4]).outputValue == -12)
        #expect(try Parser.parse("a = 1\rb = a + x").statements.count == 2)
    }

    @Test("bug 13: positions after CR LF lines are on the right line and column")
    func crlfPosition() throws {
        let source = "q = x + y\r\nf = (q * z\r\n"
        do {
            _ = try Parser.parse(source)
            Issue.record("parsed")
        } catch let e as ExpressionError {
            let lines = e.render(in: source).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines[0].hasPrefix("expression:2:11: expected ')'"), "\(lines[0])")
            #expect(lines[1] == "    f = (q * z")
        }
    }

    @Test("bug 14: saturated sigmoid' and tanh' keep their tails")
    func saturated() throws {
        let s = try Evaluation(try ComputationGraph(parsing: "exp(40) * sigmoid(x)"), values: ["x": 40])
        // e^40 sigmoid'(40) = e^40 e^-40 / (1 + e^-40)^2
        let t = exp(-40.0)
        #expect(abs(s.variableGradients[0].gradient - 1 / ((1 + t) * (1 + t))) < 1e-14)
        let h = try Evaluation(try ComputationGraph(parsing: "exp(40) * tanh(x)"), values: ["x": 20])
        // e^40 sech^2(20) = e^40 * 4 e^-40 / (1 + e^-40)^2
        #expect(abs(h.variableGradients[0].gradient - 4 / ((1 + t) * (1 + t))) < 1e-13)
        let far = try Evaluation(try ComputationGraph(parsing: "sigmoid(x)"), values: ["x": -745])
        #expect(far.variableGradients[0].gradient >= 0)
        let inf = try Evaluation(try ComputationGraph(parsing: "tanh(x) + sigmoid(x)"), values: ["x": .infinity])
        #expect(inf.variableGradients[0].gradient == 0)
    }

    @Test("bug 15: 100 and 200 nested parentheses parse; 201 is refused naming the real limit")
    func nesting() throws {
        for depth in [100, 200] {
            let source = String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth)
            #expect(try Evaluation(try ComputationGraph(parsing: source), values: ["x": 3]).outputValue == 3)
        }
        #expect(try Parser.parse(String(repeating: "-", count: 200) + "x").statements.count == 1)
        #expect(try Parser.parse(String(repeating: "exp(", count: 200) + "x" + String(repeating: ")", count: 200)).statements.count == 1)
        do {
            _ = try Parser.parse(String(repeating: "(", count: 201) + "x" + String(repeating: ")", count: 201))
            Issue.record("201 levels parsed")
        } catch let e as ExpressionError {
            #expect(e.message.contains("more than 200 levels"))
            #expect(e.start == 200)
        }
    }

    @Test("bug 16: with x = NaN, d(x + y)/dy = 1 and d(x * y)/dx = y (as PyTorch)")
    func nanInput() throws {
        let sum = try Evaluation(try ComputationGraph(parsing: "x + y"), values: ["x": .nan, "y": 2])
        #expect(sum.outputValue.isNaN)
        #expect(sum.variableGradients.first { $0.name == "y" }?.gradient == 1)
        #expect(sum.variableGradients.first { $0.name == "x" }?.gradient == 1)
        let product = try Evaluation(try ComputationGraph(parsing: "x * y"), values: ["x": .nan, "y": 2])
        #expect(product.variableGradients.first { $0.name == "x" }?.gradient == 2)
        #expect(product.variableGradients.first { $0.name == "y" }?.gradient.isNaN == true)
        let relu = try Evaluation(try ComputationGraph(parsing: "relu(x) + y"), values: ["x": .nan, "y": 2])
        #expect(relu.variableGradients.first { $0.name == "x" }?.gradient.isNaN == true)
        #expect(relu.variableGradients.first { $0.name == "y" }?.gradient == 1)
    }

    @Test("Greek letters and subscript digits are names")
    func greek() throws {
        let g = try ComputationGraph(parsing: "θ = θ₀ - η * w₁")
        #expect(g.variables.map(\.name) == ["θ₀", "η", "w₁"])
        #expect(try Evaluation(g, values: ["θ₀": 1, "η": 0.5, "w₁": 4]).outputValue == -1)
        #expect(throws: ExpressionError.self) { try Parser.parse("x € y") }
    }

    /// Runs `body` on a new thread with a 512 KiB stack and returns its result.
    static func onSmallStack<T: Sendable>(_ body: @escaping @Sendable () throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { box.result = Result { try body() }; done.signal() }
        thread.stackSize = 512 * 1024
        thread.start()
        done.wait()
        return try box.result!.get()
    }
}

/// A result handed from the small-stack thread back to the test.
final class ResultBox<T>: @unchecked Sendable { var result: Result<T, Error>? }

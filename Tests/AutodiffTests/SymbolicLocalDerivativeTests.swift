import Foundation
import Testing
@testable import Autodiff

/// `--local symbolic`: each wire's local derivative as a formula in the graph's names.
@Suite("Symbolic local derivatives")
struct SymbolicLocalDerivativeTests {
    /// The formula of the wire from the node named (or with source text) `input` into the gate
    /// whose source text is `gate`.
    func formula(_ g: ComputationGraph, gate: String, input: String) -> Formula? {
        let formulas = g.localFormulas()
        for node in g.nodes where node.operation != nil && g.text(of: node.id) == gate {
            for (k, i) in node.inputs.enumerated() where g.formula(of: i) == .name(input) { return formulas[node.id][k] }
        }
        return nil
    }

    @Test("000 sec. 3-4, the logistic neuron: dl/da = (a - y)/(a(1 - a)), da/dz = a(1 - a), dz/dw = x")
    func neuronChain() throws {
        let g = try ComputationGraph(parsing: "z = w * x + b; a = sigmoid(z)")
        #expect(formula(g, gate: "sigmoid(z)", input: "z")?.text == "a(1 - a)")
        #expect(formula(g, gate: "w * x", input: "w")?.text == "x")
        #expect(formula(g, gate: "w * x", input: "x")?.text == "w")
        #expect(formula(g, gate: "w * x + b", input: "b")?.text == "1")
        // The loss gate bce(a, y) = -(y log a + (1 - y) log(1 - a)), by its rule.
        let bce = SymbolicLocalDerivatives.rule("bce", inputs: [.name("a"), .name("y")], output: .name("l"))
        #expect(bce?.map(\.text) == ["(a - y)/(a(1 - a))", "log(1 - a) - log(a)"])
        // The chain's product: (a - y)/(a(1 - a)) · a(1 - a) · x is (a - y) x at any point.
        let values = ["a": 0.31, "y": 1.0, "x": -2.0]
        let product = bce![0].evaluate(values) * Formula.mul(.name("a"), .number(1) - .name("a")).evaluate(values) * values["x"]!
        #expect(abs(product - (0.31 - 1) * -2) < 1e-12)
    }

    @Test("unnamed values are written as their source, and the output without a name as a call")
    func unnamed() throws {
        let g = try ComputationGraph(parsing: "sigmoid(w * x) * 2")
        #expect(formula(g, gate: "sigmoid(w * x)", input: "w * x")?.text == "sigmoid(w * x)(1 - sigmoid(w * x))")
        #expect(formula(g, gate: "sigmoid(w * x) * 2", input: "sigmoid(w * x)")?.text == "2")
        #expect(formula(g, gate: "sigmoid(w * x) * 2", input: "sigmoid(w * x)") != nil)
    }

    @Test("simplification: no 1 times, no 0 plus, no double minus")
    func simplification() {
        let x = Formula.name("x"), one = Formula.number(1), zero = Formula.number(0)
        #expect((one * x).text == "x")
        #expect((zero + x).text == "x")
        #expect((x * zero).text == "0")
        #expect((-(-x)).text == "x")
        #expect((x * .number(2)).text == "2x")
        #expect((x - (one - x)).text == "x - (1 - x)")
        #expect((one / (x * (one - x))).text == "1/(x(1 - x))")
        #expect(Formula.power(x, one).text == "x")
    }

    /// One gate per operation, named r so rules that use the output can: (program, inputs).
    static let cases: [(String, [String: Double])] = [
        ("r = u + v", ["u": 0.7, "v": -1.3]), ("r = u - v", ["u": 0.7, "v": -1.3]),
        ("r = u * v", ["u": 0.7, "v": -1.3]), ("r = u / v", ["u": 0.7, "v": -1.3]),
        ("r = u ^ v", ["u": 1.7, "v": -1.3]), ("r = -u", ["u": 0.7]),
        ("r = exp(u)", ["u": 0.7]), ("r = log(u)", ["u": 0.7]), ("r = sqrt(u)", ["u": 0.7]),
        ("r = abs(u)", ["u": -0.7]), ("r = sin(u)", ["u": 0.7]), ("r = cos(u)", ["u": 0.7]),
        ("r = tanh(u)", ["u": 0.7]), ("r = sigmoid(u)", ["u": 0.7]), ("r = relu(u)", ["u": 0.7]),
        ("r = relu(u)", ["u": -0.7]), ("r = max(u, v)", ["u": 0.7, "v": -1.3]), ("r = max(u, v)", ["u": -0.7, "v": 1.3]),
        ("r = min(u, v)", ["u": 0.7, "v": -1.3]), ("r = pow(u, v)", ["u": 1.7, "v": 2.5]),
        ("r = sigmoid(u * v)", ["u": 0.7, "v": -1.3]), ("tanh(u) * exp(v)", ["u": 0.7, "v": -1.3]),
        ("r = u * u * v + 3", ["u": 0.7, "v": -1.3]),
    ]

    @Test("every rule, evaluated at the graph's values, equals the numeric local derivative and centred differences",
          arguments: cases.indices)
    func rulesMatchNumbers(index: Int) throws {
        let (program, inputs) = Self.cases[index]
        let g = try ComputationGraph(parsing: program)
        let e = try Evaluation(g, values: inputs)
        // Names and unnamed gates' source texts, as the formulas write them.
        var values: [String: Double] = [:]
        for node in g.nodes {
            if case .name(let n) = g.formula(of: node.id) { values[n] = e.values[node.id] }
        }
        let formulas = g.localFormulas()
        for node in g.nodes {
            guard let op = node.operation else { continue }
            let x = node.inputs.map { e.values[$0] }
            for k in node.inputs.indices {
                let formula = try #require(formulas[node.id][k], "\(program): no rule for \(op)")
                let symbolic = formula.evaluate(values)
                #expect(abs(symbolic - e.localDerivatives[node.id][k]) <= 1e-12 * max(1, abs(symbolic)),
                        "\(program): d\(op)/dx\(k) = \(formula.text) = \(symbolic), numeric \(e.localDerivatives[node.id][k])")
                // Independent of the numeric rules: centred differences of the operation's value.
                let h = 1e-6 * max(1, abs(x[k]))
                var up = x, down = x
                up[k] += h; down[k] -= h
                let central = (op.value(up) - op.value(down)) / (2 * h)
                #expect(abs(symbolic - central) <= 1e-6 * max(1, abs(central)), "\(program): \(formula.text) = \(symbolic), differences \(central)")
            }
        }
    }

    @Test("the loss gates' rules match centred differences of their closed forms")
    func lossRules() throws {
        let a = 0.31, y = 0.8, h = 1e-6
        let env = ["a": a, "y": y]
        let bce: (Double, Double) -> Double = { a, y in -(y * Foundation.log(a) + (1 - y) * Foundation.log(1 - a)) }
        let mse: (Double, Double) -> Double = { a, y in 0.5 * (a - y) * (a - y) }
        let ce: (Double, Double) -> Double = { p, y in -y * Foundation.log(p) }
        for (name, f) in [("bce", bce), ("mse", mse), ("ce", ce)] {
            let rules = try #require(SymbolicLocalDerivatives.rule(name, inputs: [.name("a"), .name("y")], output: nil))
            let da = (f(a + h, y) - f(a - h, y)) / (2 * h), dy = (f(a, y + h) - f(a, y - h)) / (2 * h)
            #expect(abs(rules[0].evaluate(env) - da) < 1e-6, "\(name): \(rules[0].text)")
            #expect(abs(rules[1].evaluate(env) - dy) < 1e-6, "\(name): \(rules[1].text)")
        }
    }
}

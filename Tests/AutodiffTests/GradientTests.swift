import Testing
import Foundation
@testable import Autodiff

/// Every operator's reverse-mode gradient against centred finite differences at
/// pseudo-random points inside the operator's smooth domain.
@Suite("Gradients vs finite differences")
struct GradientTests {
    /// Expression, and the range each variable is drawn from (kept away from kinks/poles).
    static let cases: [(String, ClosedRange<Double>)] = [
        ("x + y", -3...3), ("x - y", -3...3), ("x * y", -3...3), ("x / y", 0.5...3),
        ("x ^ y", 0.5...2), ("x ** 3", -2...2), ("pow(x, y)", 0.5...2), ("-x", -3...3), ("-x^2", -3...3),
        ("exp(x)", -2...2), ("log(x)", 0.1...5), ("sqrt(x)", 0.1...5), ("abs(x)", 0.1...3),
        ("abs(-x)", 0.1...3), ("sin(x)", -3...3), ("cos(x)", -3...3), ("tanh(x)", -3...3),
        ("sigmoid(x)", -5...5), ("relu(x)", 0.1...3), ("relu(-x)", 0.1...3),
        ("max(x, y, 1e-3 * x)", -3...3), ("min(x, y)", -3...3),
        ("x * x", -3...3), ("q = x * y; q + q * x", -2...2),
        ("sigmoid(x * y + sin(x)) * log(1 + y^2)", -2...2),
        ("c = x; c = c * y + 1; c = c * c; c", -2...2),
    ]

    @Test("analytic gradient matches centred differences", arguments: cases.indices)
    func matches(index: Int) throws {
        let (source, range) = Self.cases[index]
        let g = try ComputationGraph(parsing: source)
        var rng = SplitMix(seed: UInt64(index + 1))
        for _ in 0..<20 {
            var values: [String: Double] = [:]
            for v in g.variables { values[v.name!] = range.lowerBound + (range.upperBound - range.lowerBound) * rng.unit() }
            // max/min: skip near-ties, where the function has a kink.
            let sorted = values.values.sorted()
            if source.hasPrefix("max") || source.hasPrefix("min"), zip(sorted, sorted.dropFirst()).contains(where: { $1 - $0 < 1e-3 }) { continue }
            let e = try Evaluation(g, values: values)
            let check = try GradientCheck(e, values: values)
            #expect(check.largestError < 1e-6, "\(source) at \(values): \(check.rows.map { "\($0.name) \($0.analytic) vs \($0.numeric)" })")
        }
    }

    @Test("gradients add up over uses: d(x*x)/dx = 2x")
    func sumsOverUses() throws {
        let g = try ComputationGraph(parsing: "x * x")
        #expect(g.variables.count == 1)
        #expect(g.nodes[g.output].inputs == [0, 0])
        let e = try Evaluation(g, values: ["x": 3])
        #expect(e.gradients[0] == 6)
        #expect(e.edgeGradients[g.output] == [3, 3])
    }

    @Test("kinks: relu'(0) = 0, abs'(0) = 0, a tie in max/min goes to the first argument")
    func kinks() throws {
        #expect(try Evaluation(ComputationGraph(parsing: "relu(x)"), values: ["x": 0]).gradients[0] == 0)
        #expect(try Evaluation(ComputationGraph(parsing: "abs(x)"), values: ["x": 0]).gradients[0] == 0)
        let maxTie = try Evaluation(ComputationGraph(parsing: "max(x, y, z)"), values: ["x": 1, "y": 4, "z": 4])
        #expect(maxTie.variableGradients.map(\.gradient) == [0, 1, 0])
        let minTie = try Evaluation(ComputationGraph(parsing: "min(x, y)"), values: ["x": 2, "y": 2])
        #expect(minTie.variableGradients.map(\.gradient) == [1, 0])
    }

    @Test("closed forms: sigmoid'(0) = 1/4, tanh'(0) = 1, d/dx log x = 1/x")
    func closedForms() throws {
        #expect(try Evaluation(ComputationGraph(parsing: "sigmoid(x)"), values: ["x": 0]).gradients[0] == 0.25)
        #expect(try Evaluation(ComputationGraph(parsing: "tanh(x)"), values: ["x": 0]).gradients[0] == 1)
        #expect(try Evaluation(ComputationGraph(parsing: "log(x)"), values: ["x": 4]).gradients[0] == 0.25)
        #expect(try Evaluation(ComputationGraph(parsing: "sigmoid(x)"), values: ["x": -800]).values[1] == 0)
    }

    @Test("domain errors name the node and keep going")
    func domain() throws {
        let g = try ComputationGraph(parsing: "a = log(x - 3); a + 1 / y")
        let e = try Evaluation(g, values: ["x": 1, "y": 0])
        #expect(e.outputValue.isNaN)
        #expect(e.domainIssues.count == 2)
        #expect(e.domainIssues[0].text == "log(x - 3)")
        #expect(e.domainIssues[0].description.contains("log(-2) = NaN"))
        #expect(e.domainIssues[1].text == "1 / y")
        #expect(e.domainIssues[1].value == .infinity)
    }

    @Test("missing values are listed")
    func missing() throws {
        let g = try ComputationGraph(parsing: "(x + y) * z")
        #expect(throws: MissingValues(names: ["y", "z"])) { try Evaluation(g, values: ["x": 1]) }
    }
}

/// A small deterministic generator (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

import Testing
import Foundation
import CairoCanvas

/// The course's graphs through the whole `descent graph` process, against reviewed golden
/// PNGs (RMS over RGB, 0-255; `DESCENT_UPDATE_GOLDEN=1` rewrites them).
@Suite("Graph golden images")
struct GraphGoldenImageTests {
    static let cases: [(name: String, arguments: [String])] = [
        ("graph-add-mul", ["graph", "(x + y) * z", "x=-2", "y=5", "z=-4", "--dpi", "96"]),
        ("graph-circuit", ["graph", "(x + y) * z + max(x, w)", "x=2", "y=1", "z=-3", "w=4", "--dpi", "96"]),
        ("graph-chain", ["graph", "z = x * w1 + b1\nL = z * w2 + b2", "x=2", "w1=0.5", "b1=1", "w2=1.5", "b2=0.5", "--local", "--dpi", "96"]),
        ("graph-circuit-tb", ["graph", "(x + y) * z + max(x, w)", "x=2", "y=1", "z=-3", "w=4", "--direction", "tb", "--dpi", "96"]),
        // 004 ch. 8 through --outputs, each gate with its own upstream; 000 sec. 3-4 with symbolic local derivatives.
        ("graph-outputs", ["graph", "s = x + y; p = x * y; m = max(x, y)", "x=3", "y=2", "--outputs", "s,p,m", "--upstream", "1,2,1", "--dpi", "96"]),
        ("graph-neuron-symbolic", ["graph", "z = w * x + b; a = sigmoid(z)", "w=0.5", "x=1", "b=0.1", "--local", "both", "--dpi", "96"]),
        // The course figure set's graph figures, from their specs.
        ("figure-graph-add-mul", ["render", Repository.example("figures/graph-add-mul.yaml")]),
        ("figure-graph-circuit", ["render", Repository.example("figures/graph-circuit.yaml")]),
        ("gate-patterns", ["render", Repository.example("figures/gate-patterns.yaml")]),
        ("neuron-chain", ["render", Repository.example("figures/neuron-chain.yaml")]),
    ]

    @Test("course graphs match their golden images", arguments: cases.map(\.name))
    func golden(name: String) throws {
        let c = Self.cases.first { $0.name == name }!
        try GoldenImage.checkCommand(c.arguments, against: name)
    }
}

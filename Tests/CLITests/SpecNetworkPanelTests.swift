import Foundation
import Testing

/// The `network` and `neuron` panel kinds of figure specs.
@Suite("Network and neuron spec panels")
struct SpecNetworkPanelTests {
    @Test("neuron: z = w . x + b and a = sigma(z) come out as values, by hand")
    func neuron() throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let spec = """
        id: n
        panels:
          - kind: neuron
            inputs: 2
            weights: [0.5, -0.3]
            input: [1, -2]
            bias: 0.1
            title: "z = {z:.2f}"
        """
        let (result, values) = try FigureSetTests().figures(["n": spec], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        // z = 0.5 + 0.6 + 0.1 = 1.2.
        #expect(abs((values["n"]?["z"]?[0] ?? 0) - 1.2) < 1e-12)
        #expect(abs((values["n"]?["a"]?[0] ?? 0) - 1 / (1 + exp(-1.2))) < 1e-12)
    }

    @Test("network with run-panel: in the course's xor-network spec, the trained output for [1, 0, 1] is NumPy's")
    func trainedXOR() throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let xor = try String(contentsOf: root.appendingPathComponent("Examples/figures/xor-network.yaml"), encoding: .utf8)
        let mnist = "id: mnist\npanels:\n  - kind: network\n    layers: [784, 30, 10]\n    output-labels: 0-9\n"
        let (result, values) = try FigureSetTests().figures(["xor-network": xor, "mnist": mnist], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        // scripts/make-course-fixtures.py runs the 002 ch. 8 program with NumPy: the output for
        // [1, 0, 1] after its 1000 updates ("output_after_training_101" in the fixture) is 0.9247976287021183.
        #expect(abs((values["xor-network"]?["output"]?[0] ?? 0) - 0.9247976287021183) < 1e-9)
        #expect(values["xor-network"]?["a0"] == [1, 0, 1])
        #expect(values["xor-network"]?["a1"]?.count == 4)
        #expect(FileManager.default.fileExists(atPath: dir.path("out/mnist.png")))
    }

    @Test("bad network panels name the spec's line", arguments: [
        ("- kind: network\n    run-panel: B", "x.yaml:6:16: 'run-panel': no earlier train panel 'B'"),
        ("- kind: network\n    layers: [3, 0, 1]", "layer 2 (column 3): 0 neurons"),
        ("- kind: network\n    layers: [3, 1]\n    input: [1, 0, 1]", "--input needs --run"),
        ("- kind: neuron\n    inputs: 2\n    weights: [1]", "--weights '1': 1 weight(s) for --neuron 2"),
        ("- kind: neuron\n    inputs: 2\n    run: x.jsonl", "x.yaml:7:5: unknown key 'run'"),
    ])
    func badPanels(panel: String, message: String) throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let spec = "id: x\npanels:\n  - kind: bars\n    values: [1, 2]\n  " + panel + "\n"
        let (result, _) = try FigureSetTests().figures(["x": spec], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}

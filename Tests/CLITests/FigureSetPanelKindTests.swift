import Foundation
import Testing

/// The figure set's bar series, random search and shifted-data SGD panels, against numbers from
/// elsewhere: the course's printed XOR outputs, the definition of a minimum, closed forms.
@Suite("Figure set: bars, random search, shifted data")
struct FigureSetPanelKindTests {
    let set = FigureSetTests()

    /// The course's XOR program (002 ch. 8) as a train panel: no biases, U[0, 1) weights from
    /// np.random.seed(1), 1/2 the summed squared error, learning rate 1, 1000 iterations.
    static let xorTrainPanel = """
      - kind: train
        model: mlp
        layers: [3, 4, 1]
        activation: sigmoid
        output: sigmoid
        loss: mse
        no-bias: true
        initialization: uniform
        weight-shape: in-out
        reduction: sum
        data: xor3
        lr: 1
        epochs: 1000
        rng: numpy
        seed: 1
    """

    @Test("bars: the XOR network's outputs before and after training are the program's printed ones (002 ch. 8)")
    func xorOutputs() throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let spec = """
        id: xor
        panels:
        \(Self.xorTrainPanel)
          - kind: bars
            series:
              - {values: A.outputs_initial, label: before}
              - {values: A.outputs_final, label: after}
              - {values: A.targets, label: target, as: level}
        """
        let (result, values) = try set.figures(["xor": spec], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        // "Initial Output" and "New output" as the course's program prints them, to 3 decimals.
        let before = try #require(values["xor"]?["B.bars1"]), after = try #require(values["xor"]?["B.bars2"])
        for (got, printed) in zip(before, [0.758, 0.771, 0.791, 0.801]) { #expect(abs(got - printed) <= 0.0005 + 1e-12) }
        for (got, printed) in zip(after, [0.028, 0.925, 0.925, 0.090]) { #expect(abs(got - printed) <= 0.0015) }
        #expect(values["xor"]?["B.levels1"] == [0, 1, 1, 0])
    }

    @Test("bars: a series naming no computed value, or of the wrong length, is refused with its line", arguments: [
        ("  - kind: bars\n    series:\n      - {values: A.nothing}", "bad.yaml:5:18: 'values': no computed value 'A.nothing'"),
        ("  - kind: bars\n    series:\n      - {values: [1, 2]}\n      - {values: [1, 2, 3]}", "every series needs 2 values"),
        ("  - kind: bars\n    series:\n      - {values: [1, 2], as: dots}", "'as': expected bars or level, found 'dots'"),
        ("  - kind: bars\n    values: [1, A.none]", "bad.yaml:4:17: 'values': no computed value 'A.none'"),
    ])
    func badSeries(panel: String, message: String) throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let (result, _) = try set.figures(["bad": "id: bad\npanels:\n" + panel + "\n"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("bars: a list may mix numbers and single computed values; height-ratios set the rows")
    func barsFromNames() throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        // The chain of 002 ch. 4.3 stepped up with alpha = 0.1: L goes from 3.5 to 4.92 (the course's numbers).
        let spec = """
        id: names
        layout: "A;B"
        height-ratios: [1, 2]
        panels:
          - kind: graph
            expression: "z = x * w1 + b1; L = z * w2 + b2"
            values: {x: 2, w1: 0.5, b1: 1, w2: 1.5, b2: 0.5}
            step: -0.1
            update: [w1, w2]
          - kind: bars
            values: [A.L, A.L_after_step, 5]
        """
        let (result, values) = try set.figures(["names": spec], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let bars = try #require(values["names"]?["B.bars"])
        #expect(bars.count == 3 && abs(bars[0] - 3.5) < 1e-12 && abs(bars[1] - 4.92) < 1e-12 && bars[2] == 5)
        let bad = spec.replacingOccurrences(of: "height-ratios: [1, 2]", with: "height-ratios: [1, 2, 3]")
        let (r2, _) = try set.figures(["names": bad], in: dir)
        #expect(r2.status == 1 && r2.stderr.contains("'height-ratios': expected 2 positive numbers, one per row of the layout"), "\(r2.stderr)")
    }

    @Test("figures.json and the gallery carry the title as drawn, its computed values filled in")
    func filledTitle() throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        // One step of GD on w^2 from 2 at eta 0.25: w = 2 (1 - 2 * 0.25) = 1.
        let spec = "id: t\ntitle: \"w after one step: {final_w:.1f}\"\npanels:\n  - kind: gd-steps\n    function: w^2\n    start: 2\n    lr: [0.25]\n    steps: 1\n"
        let (result, _) = try set.figures(["t": spec], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try String(contentsOfFile: dir.path("out/figures.json"), encoding: .utf8)
        #expect(json.contains("\"w after one step: 1.0\""), "\(json)")
        let html = try String(contentsOfFile: dir.path("out/index.html"), encoding: .utf8)
        #expect(html.contains("<h2>w after one step: 1.0</h2>"), "\(html)")
    }

    @Test("landscape --random-search: the best guess is no worse than any grid point it could have been, and lies in the domain")
    func randomSearch() throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        // On the bowl x^2 + y^2 over [-1, 1]^2 the best of 200 uniform guesses lies within
        // 0.2 of the minimum with probability 1 - (1 - pi 0.04 / 4)^200 > 0.998 for any seed,
        // and its loss is its squared distance from the origin.
        let spec = """
        id: rs
        panels:
          - kind: landscape
            function: "x^2 + y^2"
            xlim: [-1, 1]
            ylim: [-1, 1]
            optimizers: gd
            steps: 5
            random-search: 200
            seed: 7
        """
        let (result, values) = try set.figures(["rs": spec], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let x = try #require(values["rs"]?["random_best_x"]?.first), y = try #require(values["rs"]?["random_best_y"]?.first)
        let loss = try #require(values["rs"]?["random_best_loss"]?.first)
        #expect(abs(x) <= 1 && abs(y) <= 1)
        #expect(abs(loss - (x * x + y * y)) <= 1e-12)
        #expect(loss < 0.04)
    }

    @Test("gd-steps with shifts: sd 0 is plain GD, w_k = (1 - 2 eta)^k w_0 on w^2, full batch or single examples")
    func shiftedDataWithoutNoise() throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let spec = """
        id: shift
        panels:
          - kind: gd-steps
            function: w^2
            shifts: {sd: 0, samples: 10}
            start: 2
            lr: [0.1, 0.1]
            batch: [full, 1]
            steps: 7
            show: w
        """
        let (result, values) = try set.figures(["shift": spec], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let final = try #require(values["shift"]?["final_w"])
        let want = 2 * Foundation.pow(0.8, 7.0)
        #expect(final.count == 2 && final.allSatisfy { abs($0 - want) <= 1e-12 })
    }

    @Test("gd-steps with shifts: on w^2 the full-batch minimum moves to the mean shift, as mean((w - s_i)^2) is least there")
    func shiftedDataMean() throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let spec = """
        id: mean
        panels:
          - kind: gd-steps
            function: w^2
            shifts: {sd: 0.5, samples: 20, seed: 3}
            start: 2
            lr: [0.25]
            steps: 200
            show: w
        """
        let (result, values) = try set.figures(["mean": spec], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let w = try #require(values["mean"]?["final_w"]?.first), loss = try #require(values["mean"]?["final_loss"]?.first)
        // At the minimum w* = mean(s), the loss is the shifts' variance; the loss can be no lower.
        // Both follow from the minimum alone: dL/dw = 2(w - mean s) = 0, L(w*) = mean(s^2) - mean(s)^2.
        #expect(abs(w) < 0.5)
        #expect(loss > 0 && loss < 0.5)
        let bad = spec.replacingOccurrences(of: "    show: w", with: "    batch: [0]\n    show: w")
        let (r2, _) = try set.figures(["mean": bad], in: dir)
        #expect(r2.status == 1 && r2.stderr.contains("'batch': expected full or 1 to 20, found '0'"), "\(r2.stderr)")
    }
}

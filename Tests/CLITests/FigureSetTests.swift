import Foundation
import Testing

/// `descent figures` and `descent render` on specs the tests write: panel kinds against
/// closed forms, the expect mechanism, spec errors, the manifest and the gallery.
@Suite("Figure set")
struct FigureSetTests {
    /// Renders `specs` (name -> YAML) with `descent figures`; returns the result, the folder and figures.json's values by id.
    func figures(_ specs: [String: String], extra: [String] = [], in dir: TemporaryDirectory) throws
        -> (DescentProcess.Result, [String: [String: [Double]]]) {
        try FileManager.default.createDirectory(atPath: dir.path("specs"), withIntermediateDirectories: true)
        for (name, text) in specs { try dir.write("specs/\(name).yaml", text) }
        let result = try DescentProcess.run(["figures", "--specs", dir.path("specs"), "--out", dir.path("out")] + extra)
        var values: [String: [String: [Double]]] = [:]
        if let data = FileManager.default.contents(atPath: dir.path("out/figures.json")),
           let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] {
            for entry in list {
                guard let id = entry["id"] as? String, let v = entry["values"] as? [String: [Any]] else { continue }
                values[id] = v.mapValues { $0.map { ($0 as? Double) ?? (($0 as? String) == "NaN" ? .nan : .infinity) } }
            }
        }
        return (result, values)
    }

    static let tangent = """
    id: tangent
    title: "Tangent of $w^2$ at 2"
    panels:
      - kind: curve
        range: [-1, 4]
        curves:
          - function: w^2
            tangent: [2]
            secant: {at: 2, h: [0.5], method: forward}
    expect:
      "f'(2)": 4
    """

    @Test("curve panel: the tangent slope of w^2 at 2 is 4, the forward secant's (f(2.5) - f(2)) / 0.5 = 4.5")
    func tangentSlope() throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let (result, values) = try figures(["tangent": Self.tangent], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(values["tangent"]?["f'(2)"] == [4])
        #expect(abs((values["tangent"]?["secant(2,0.5)"]?[0] ?? 0) - 4.5) < 1e-12)
        for file in ["tangent.png", "tangent.svg", "figures.json", "index.html"] {
            #expect(FileManager.default.fileExists(atPath: dir.path("out/\(file)")), "\(file)")
        }
        // The PNG is 1920 pixels wide: sharp on a slide.
        let png = try #require(FileManager.default.contents(atPath: dir.path("out/tangent.png")))
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1920)
    }

    @Test("sigmoid' is 1/4 at 0, its maximum; sigma(0) = 1/2")
    func sigmoidPeak() throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let spec = """
        id: sig
        panels:
          - kind: curve
            range: [-6, 6]
            curves:
              - function: sigmoid(z)
                derivative: true
                points: [0, -1, 1, 3]
        """
        let (result, values) = try figures(["sig": spec], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let v = try #require(values["sig"])
        #expect(abs(v["f'(0)"]![0] - 0.25) < 1e-15)
        #expect(abs(v["f(0)"]![0] - 0.5) < 1e-15)
        for z in ["-1", "1", "3"] { #expect(v["f'(\(z))"]![0] < 0.25) }
        // sigma'(1) = sigma(1)(1 - sigma(1)) in closed form.
        let s1 = 1 / (1 + exp(-1.0))
        #expect(abs(v["f'(1)"]![0] - s1 * (1 - s1)) < 1e-15)
        // --check computes and compares, and draws and writes nothing.
        let other = try TemporaryDirectory(); defer { other.cleanup() }
        let (checked, _) = try figures(["sig": spec], extra: ["--check"], in: other)
        #expect(checked.status == 0 && checked.stderr.contains("checked 1"), "\(checked.stderr)")
        #expect(!FileManager.default.fileExists(atPath: other.path("out/sig.png")))
    }

    @Test("fd-error: at h = 1e-3 the errors for exp at 1 are within a factor 1.1 of the Taylor terms h e/2 and h^2 e/6")
    func finiteDifferenceError() throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let spec = """
        id: fd
        panels:
          - kind: fd-error
            function: exp(x)
            at: 1
            check-h: [0.001]
        """
        let (result, values) = try figures(["fd": spec], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let v = try #require(values["fd"])
        let e = exp(1.0), h = 1e-3
        let forward = v["error_forward(0.001)"]![0], centred = v["error_centred(0.001)"]![0]
        #expect(forward / (h * e / 2) > 0.9 && forward / (h * e / 2) < 1.1)
        #expect(centred / (h * h * e / 6) > 0.9 && centred / (h * h * e / 6) < 1.1)
        // The best step sits where truncation meets round-off: about sqrt(eps) forward, eps^(1/3) centred.
        #expect(v["best_h_forward"]![0] > 1e-10 && v["best_h_forward"]![0] < 1e-6)
        #expect(v["best_h_centred"]![0] > 1e-7 && v["best_h_centred"]![0] < 1e-3)
    }

    @Test("gd-steps: w_k = (1 - 2 eta)^k w_0 on w^2")
    func gradientDescentSteps() throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let spec = """
        id: gd
        panels:
          - kind: gd-steps
            function: w^2
            start: 2
            lr: [0.1, 0.4, 1.1]
            steps: 7
            show: loss
        """
        let (result, values) = try figures(["gd": spec], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let final = try #require(values["gd"]?["final_w"])
        for (got, eta) in zip(final, [0.1, 0.4, 1.1]) {
            let want = 2 * pow(1 - 2 * eta, 7)
            #expect(abs(got - want) <= 1e-12 * abs(want))
        }
    }

    @Test("a wrong expectation fails its figure with the spec, key, expected and computed values; the others still render")
    func wrongExpectation() throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let wrong = Self.tangent.replacingOccurrences(of: "id: tangent", with: "id: wrong").replacingOccurrences(of: "\"f'(2)\": 4", with: "\"f'(2)\": 4.5")
        let (result, values) = try figures(["tangent": Self.tangent, "wrong": wrong], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("wrong.yaml:11:3: expect 'f'(2)': the course says 4.5, the figure computes 4"), "\(result.stderr)")
        #expect(values["tangent"] != nil && values["wrong"] == nil)
        #expect(!FileManager.default.fileExists(atPath: dir.path("out/wrong.png")))
        #expect(FileManager.default.fileExists(atPath: dir.path("out/tangent.png")))
        #expect(result.stderr.contains("1 failed"))
    }

    @Test("bad specs are listed with file, line and key; one does not stop the others", arguments: [
        ("kind: curv", "bad.yaml:3:11: unknown panel kind 'curv'; did you mean 'curve'?"),
        ("kind: curve\n    range: [0, 1]\n    curves:\n      - function: w^2\n        tangnet: [1]", "bad.yaml:7:9: unknown key 'tangnet' in curve 1; did you mean 'tangent'?"),
        ("kind: landscape\n    function: himmelblau\n    lrr: 0.1", "bad.yaml:5:5: unknown key 'lrr' in panel 'A'; did you mean 'lr'?"),
        ("kind: landscape\n    function: himmelblau\n    lr: -1", "bad.yaml:3:11: panel 'A': --lr -1.0: expected a positive number"),
        ("kind: curve\n    range: [0, 1]\n    curves:\n      - function: x * y", "bad.yaml:6:19: 'function': 'x * y' uses x, y"),
        ("kind: graph\n    expression: \"x + y\"\n    values: {x: 1}", "bad.yaml:3:11: panel 'A': missing value"),
    ])
    func badSpec(panel: String, message: String) throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let bad = "id: bad\npanels:\n  - \(panel)\n"
        let (result, values) = try figures(["bad": bad, "tangent": Self.tangent], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(values["tangent"] != nil)
    }

    @Test("unchanged figures are skipped; a changed spec or --force redraws")
    func manifest() throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let (first, _) = try figures(["tangent": Self.tangent], in: dir)
        #expect(first.stderr.contains("rendered 1, skipped 0"))
        let (second, values) = try figures(["tangent": Self.tangent], in: dir)
        #expect(second.stderr.contains("rendered 0, skipped 1 unchanged"), "\(second.stderr)")
        #expect(values["tangent"]?["f'(2)"] == [4], "figures.json keeps a skipped figure's values")
        let changed = Self.tangent.replacingOccurrences(of: "tangent: [2]", with: "tangent: [1]")
            .replacingOccurrences(of: "\"f'(2)\": 4", with: "\"f'(1)\": 2")
        let (third, after) = try figures(["tangent": changed], in: dir)
        #expect(third.stderr.contains("rendered 1, skipped 0"))
        #expect(after["tangent"]?["f'(1)"] == [2])
        let (forced, _) = try figures(["tangent": changed], extra: ["--force"], in: dir)
        #expect(forced.stderr.contains("rendered 1, skipped 0"))
    }

    @Test("the gallery shows every figure with its spec and command")
    func gallery() throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        _ = try figures(["tangent": Self.tangent], in: dir)
        let html = try String(contentsOfFile: dir.path("out/index.html"), encoding: .utf8)
        #expect(html.contains("<img src=\"tangent.png\""))
        #expect(html.contains("descent render"))
        #expect(html.contains("tangent: [2]"), "the spec text is shown")
        #expect(html.contains("Tangent of w"), "the title as plain text")
    }

    @Test("render: one spec into one file of the extension's format")
    func renderOne() throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let spec = try dir.write("t.yaml", Self.tangent)
        let result = try DescentProcess.run(["render", spec, "-o", dir.path("t.svg")])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: dir.path("t.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && svg.contains("<svg"))
        let missing = try DescentProcess.run(["render", dir.path("nope.yaml"), "-o", dir.path("n.png")])
        #expect(missing.status == 1 && missing.stderr.contains("nope.yaml: no such file"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("n.png")))
    }
}

import Testing
@testable import FigureSpec

/// Reading spec files: the schema, and errors that name the file, line and key.
@Suite("Figure specs")
struct FigureSpecTests {
    func spec(_ text: String) throws -> FigureSpec {
        try FigureSpec(try SpecReader.parse(text, file: "t.yaml"), file: "t.yaml", text: text)
    }

    func error(_ text: String) -> String {
        do { _ = try spec(text); return "no error" } catch { return "\(error)" }
    }

    @Test("a spec with a list of panels lays them out in one row, named A, B, ...")
    func panelsInARow() throws {
        let s = try spec("""
        id: two
        title: Two panels
        source: 004 ch. 1
        size: 1600x700
        panels:
          - kind: curve
            range: [0, 1]
          - kind: bars
            values: [1, 2]
        expect:
          "f'(2)": 4
          z: [7, 6, 9]
        """)
        #expect(s.id == "two" && s.title == "Two panels" && s.source == "004 ch. 1")
        #expect(s.size == (1600, 700))
        #expect(s.mosaic == "AB")
        #expect(s.panels.map(\.kind) == ["curve", "bars"])
        #expect(s.expectations.map(\.key) == ["f'(2)", "z"])
        #expect(s.expectations[1].values == [7, 6, 9])
        #expect(s.expectations[1].position.line == 12)
    }

    @Test("columns wrap a list of panels; a layout mosaic places named panels")
    func layouts() throws {
        let grid = try spec("id: g\npanels:\n  - kind: a\n  - kind: b\n  - kind: c\ncolumns: 2\n")
        #expect(grid.mosaic == "AB;C.")
        let mosaic = try spec("id: m\nlayout: \"AB;CC\"\npanels:\n  A: {kind: a}\n  B: {kind: b}\n  C: {kind: c}\n")
        #expect(mosaic.mosaic == "AB;CC" && mosaic.panels.map(\.name) == ["A", "B", "C"])
    }

    @Test("an unknown top-level key names its line and the nearest key")
    func unknownKey() {
        let message = error("id: x\ntitel: Oops\npanels:\n  - kind: curve\n")
        #expect(message.hasPrefix("t.yaml:2:1: unknown key 'titel' in the spec; did you mean 'title'?"))
        #expect(message.contains("(keys: "))
    }

    @Test("not YAML: the line and column of the problem", arguments: [
        ("id: x\npanels: [a, b\n", "t.yaml:3:1: not valid YAML"),
        ("id: x\n  bad: indent\n", "t.yaml:2:6: not valid YAML"),
    ])
    func notYAML(text: String, prefix: String) {
        #expect(error(text).hasPrefix(prefix), "\(error(text))")
    }

    @Test("wrong types and missing keys say what was expected, where", arguments: [
        ("id: x\n", "t.yaml:1:1: the spec: missing 'panels'"),
        ("id: x\nsize: big\npanels:\n  - kind: curve\n", "t.yaml:2:7: 'size': expected WIDTHxHEIGHT"),
        ("id: x\nletters: maybe\npanels:\n  - kind: curve\n", "t.yaml:2:10: 'letters': expected true or false"),
        ("id: x\npanels:\n  - range: [0, 1]\n", "t.yaml:3:5: panel 'A': missing 'kind'"),
        ("id: x\npanels: 3\n", "t.yaml:2:9: 'panels': expected a list of panels"),
        ("id: x y\npanels:\n  - kind: a\n", "t.yaml:1:5: 'id': expected letters, digits and '-'"),
        ("id: x\nlayout: AB\npanels:\n  - kind: a\n", "t.yaml:2:9: 'layout' \"AB\" names 'B', which is not a panel"),
        ("id: x\nexpect:\n  z: [1, two]\npanels:\n  - kind: a\n", "t.yaml:3:10: expect 'z': expected a number, found 'two'"),
        ("id: x\nid: y\npanels:\n  - kind: a\n", "t.yaml:1:1: 'id' is given more than once"),
    ])
    func badValues(text: String, prefix: String) {
        #expect(error(text).hasPrefix(prefix), "\(error(text))")
    }

    @Test("a panel's options refuse keys nobody read, suggesting the nearest")
    func panelKeys() throws {
        let s = try spec("id: x\npanels:\n  - kind: curve\n    rnage: [0, 1]\n")
        let options = s.panels[0].options
        _ = try options.numbers("range")
        #expect(throws: SpecError.self) { try options.finish() }
        do { try options.finish() } catch {
            #expect("\(error)".hasPrefix("t.yaml:4:5: unknown key 'rnage' in panel 'A'; did you mean 'range'?"))
        }
    }
}

/// Computed values in labels: `{name}`, `{name:.3f}`, `{name[1]}`; TeX braces untouched.
@Suite("Value templates")
struct ValueTemplateTests {
    let values: [String: [Double]] = ["L": [32.5], "z": [7, 6, 9], "f'(2)": [4], "w": [-0.25]]

    @Test("fields are filled, formats as Python's", arguments: [
        ("L = {L}", "L = 32.5"), ("L = {L:.3f}", "L = 32.500"), ("z_2 = {z[2]}", "z_2 = 9"),
        ("slope {f'(2)}", "slope 4"), ("{w:.1e}", "\u{2212}2.5e-01"), ("{z[0]:d}", "7"), ("{{literal}}", "{literal}"),
        ("no fields", "no fields"),
    ])
    func fill(text: String, expected: String) throws {
        #expect(try ValueTemplate.fill(text, values: values) == expected)
    }

    @Test("math markup keeps its braces", arguments: ["$\\hat{y}$", "$x^{2}$", "$\\frac{1}{2}$", "$w_{1}$", "$\\frac{1}{x_{2}}$"])
    func tex(text: String) throws {
        #expect(try ValueTemplate.fill(text, values: values) == text)
    }

    @Test("an unknown name lists the computed ones")
    func unknown() {
        #expect(throws: ValueTemplate.Failure.self) { try ValueTemplate.fill("{loss}", values: values) }
        do { _ = try ValueTemplate.fill("{loss}", values: values) } catch {
            #expect("\(error)".contains("no computed value 'loss' (computed: L, f'(2), w, z)"))
        }
        #expect(throws: ValueTemplate.Failure.self) { try ValueTemplate.fill("{z[3]}", values: values) }
    }
}

import Foundation
import Testing

/// `descent graph` with vector and matrix values: the 001 lab end to end, `--values` arrays,
/// `--step/--update`, and bad input (shapes, ragged rows, names) as one message, exit 1, no file.
@Suite("descent graph with tensors")
struct TensorGraphCommandTests {
    static let lab = ["z = x @ W.T; yhat = relu(z); L = mse(yhat, y)", "x=[1, 2]", "W=[[3,2],[4,1],[5,2]]", "y=[1,4,4]"]

    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try DescentProcess.run(["graph"] + arguments + ["--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    }

    func node(_ object: [String: Any], _ name: String) -> [String: Any] {
        (object["nodes"] as! [[String: Any]]).last { $0["name"] as? String == name }!
    }

    @Test("the 001 lab: z = [7, 6, 9], L = 32.5, dL/dW = [[6, 12], [2, 4], [5, 10]] in the JSON, with shapes")
    func lab() throws {
        let o = try json(Self.lab)
        #expect(node(o, "z")["value"] as? [Double] == [7, 6, 9])
        #expect(node(o, "z")["shape"] as? [Int] == [3])
        #expect(node(o, "L")["value"] as? Double == 32.5)
        #expect(node(o, "W")["grad"] as? [[Double]] == [[6, 12], [2, 4], [5, 10]])
        #expect(node(o, "W")["shape"] as? [Int] == [3, 2])
        let edges = o["edges"] as! [[String: Any]]
        let wId = node(o, "W")["id"] as! Int
        #expect(edges.first { $0["from"] as? Int == wId }?["grad"] as? [[Double]] == [[6, 12], [2, 4], [5, 10]])
    }

    @Test("--step 0.1 --update W: W_new = [[2.4, 0.8], [3.8, 0.6], [4.5, 1]], z_new = [4, 5, 6.5], L = 8.125 (001 lab 3/3)")
    func step() throws {
        let o = try json(Self.lab + ["--step", "0.1", "--update", "W"])
        let w = (node(o, "W")["value"] as! [[Double]]).flatMap { $0 }
        for (a, b) in zip(w, [2.4, 0.8, 3.8, 0.6, 4.5, 1.0]) { #expect(abs(a - b) < 1e-12) }
        for (a, b) in zip(node(o, "z")["value"] as! [Double], [4, 5, 6.5]) { #expect(abs(a - b) < 1e-12) }
        #expect(node(o, "L")["value"] as? Double == 8.125)
        let step = o["step"] as! [String: Any]
        #expect(step["output_before"] as? Double == 32.5)
        #expect(step["output_after"] as? Double == 8.125)
        #expect((step["gradient"] as! [String: Any])["W"] as? [[Double]] == [[6, 12], [2, 4], [5, 10]])
    }

    @Test("a --values file holds vectors and matrices; NAME=VALUE wins")
    func valuesFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let file = try dir.write("v.json", #"{"x": [1, 2], "W": [[3, 2], [4, 1], [5, 2]], "y": [0, 0, 0]}"#)
        let o = try json([Self.lab[0], "--values", file, "y=[1, 4, 4]"])
        #expect(node(o, "L")["value"] as? Double == 32.5)
    }

    @Test("softmax + ce: the gradient on the logits' wire is p - y")
    func softmaxCE() throws {
        let o = try json(["p = softmax(z); L = ce(p, y)", "z=[2, 1, 0.1]", "y=[1, 0, 0]"])
        let p = node(o, "p")["value"] as! [Double]
        let g = node(o, "z")["grad"] as! [Double]
        for (i, y) in [1.0, 0, 0].enumerated() { #expect(abs(g[i] - (p[i] - y)) < 1e-12) }
    }

    static let badInputs: [(arguments: [String], message: String, caret: String?)] = [
        (["z = x @ W; L = sum(z)", "x=[1,2]", "W=[[3,2],[4,1],[5,2]]"],
         "expression:1:7: '@': shapes (2,) and (3, 2) do not fit", "          ^"),
        (["a + b", "a=[1,2]", "b=[1,2,3]"], "expression:1:3: '+': shapes (2,) and (3,) do not broadcast", "      ^"),
        (["mse(a, b)", "a=[1,2]", "b=[1,2,3]"], "the prediction's shape (2,) and the target's (3,) differ", "    ^^^"),
        (["x @ W", "x=[1,2]", "W=[[3,2],[4],[5,2]]"], "value of 'W':1:8: ragged rows: row 2 has 1 entry, row 1 has 2", "           ^"),
        (["x + 1", "x=[1,,2]"], "value of 'x':1:4: expected a number", "       ^"),
        (["bcee(a, b)", "a=1", "b=2"], "unknown function 'bcee', did you mean 'bce'?", "    ^^^^"),
        (Self.lab + ["--step", "0.1", "--update", "W,z"], "--update W,z: column 12: 'z' is computed by the expression, not a variable", nil),
        (Self.lab + ["--step", "0.1", "--update", "V"], "'V' is not a variable of the expression; variables: x, W, y", nil),
        (Self.lab + ["--step", "fast", "--update", "W"], "--step 'fast': expected a finite number", nil),
        (Self.lab + ["--update", "W"], "--update W: needs --step ETA", nil),
    ]

    @Test("bad input: one message with its position, exit 1, no file", arguments: badInputs.indices)
    func badInput(index: Int) throws {
        let c = Self.badInputs[index]
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let result = try DescentProcess.run(["graph"] + c.arguments + ["-o", dir.path("g.png")])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains(c.message) == true, "stderr: \(result.stderr)")
        if let caret = c.caret { #expect(lines.count == 3 && lines[2] == caret, "stderr: \(result.stderr)") } else { #expect(lines.count == 1) }
        #expect(dir.files().isEmpty)
    }

    @Test("a ragged matrix in a --values file names the key and the row")
    func raggedFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let file = try dir.write("v.json", #"{"x": [1, 2], "W": [[3, 2], [4], [5, 2]], "y": [1, 4, 4]}"#)
        let result = try DescentProcess.run(["graph", Self.lab[0], "--values", file, "-o", dir.path("g.png")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file): value of 'W' has ragged rows: row 2 has 1 entries, row 1 has 2"), "\(result.stderr)")
        #expect(dir.files() == ["v.json"])
    }

    @Test("--check compares every entry's gradient with finite differences")
    func check() throws {
        let result = try DescentProcess.run(["graph"] + Self.lab + ["--check"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let largest = result.stdout.split(separator: "\n").last { $0.hasPrefix("largest error: ") }!
        let value = Double(largest.dropFirst("largest error: ".count).prefix { $0 != " " })!
        #expect(value < 1e-8)
    }
}

import Testing
import Foundation

/// Issue 14 through `descent graph`, `train --function` and `landscape --function`: long flat
/// expressions, expressions from files and standard input, CR LF, Greek names, NaN inputs.
@Suite("descent graph input")
struct GraphInputTests {
    static let longSum = Array(repeating: "x", count: 60_000).joined(separator: "+")

    func json(_ result: DescentProcess.Result) throws -> [[String: Any]] {
        #expect(result.status == 0, "stderr: \(result.stderr.prefix(500))")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        return object["nodes"] as! [[String: Any]]
    }

    @Test("bug 2: a flat sum of 60,000 terms from a file: value and gradient, no crash")
    func longSumFromFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let file = try dir.write("sum.txt", Self.longSum)
        // DOT: the whole graph with values and gradients, without the (debug-build slow) layout.
        let result = try DescentProcess.run(["graph", "-f", file, "x=1", "--format", "dot"])
        #expect(result.status == 0, "stderr: \(result.stderr.prefix(300))")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.filter { $0.contains("label=\"+\"") }.count == 59_999)
        // The last addition's output wire shows 60000 and gradient 1; x's wires each gradient 1.
        #expect(lines.contains { $0.contains("-> out") && $0.contains(">60000<") })
    }

    @Test("bug 2: the same flat sum through train --function and landscape --function")
    func longSumSurfaces() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let sum = Array(repeating: "x*y", count: 20_000).joined(separator: "+")
        let train = try DescentProcess.run(["train", "--function", sum, "--start=1,1", "--steps", "1", "--lr", "1e-6"])
        #expect(train.status == 0, "stderr: \(train.stderr.prefix(300))")
        let landscape = try DescentProcess.run(["landscape", "--function", sum, "--resolution", "8", "--title", "a long sum", "-o", dir.path("l.png")])
        #expect(landscape.status == 0, "stderr: \(landscape.stderr.prefix(300))")
        #expect(FileManager.default.fileExists(atPath: dir.path("l.png")))
    }

    @Test("the expression from standard input with -, CR LF lines and a comment (bug 13)")
    func standardInput() throws {
        let result = try DescentProcess.run(["graph", "-", "x=2", "--format", "json"], stdin: Data("f = x # first\r\nf = f * 10\r\n".utf8))
        let nodes = try json(result)
        #expect(nodes.last?["value"] as? Double == 20)
    }

    @Test("errors in a file name the file, line and column")
    func fileError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let file = try dir.write("e.txt", "q = x + y\r\nf = q * * z\r\n")
        let result = try DescentProcess.run(["graph", "-f", file, "x=1", "y=2", "z=3", "-o", dir.path("g.png")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file):2:9: expected a number, a name, '(' or '['"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("g.png")))
        let missing = try DescentProcess.run(["graph", "-f", dir.path("none.txt"), "x=1"])
        #expect(missing.status == 1 && missing.stderr.contains("none.txt: cannot read the expression file"))
    }

    @Test("Greek names and subscript digits: θ₁ = θ - η g")
    func greek() throws {
        let nodes = try json(try DescentProcess.run(["graph", "θ₁ = θ - η * g", "θ=1", "η=0.1", "g=2", "--format", "json"]))
        #expect(nodes.last?["name"] as? String == "θ₁")
        #expect(abs((nodes.last?["value"] as? Double ?? 0) - 0.8) < 1e-12)
        #expect(nodes.first { $0["name"] as? String == "η" }?["grad"] as? Double == -2)
    }

    @Test("bug 16: x = NaN gives d(x + y)/dy = 1 and a note")
    func nanInput() throws {
        let result = try DescentProcess.run(["graph", "x + y", "x=NaN", "y=2", "--format", "json"])
        let nodes = try json(result)
        #expect(nodes.first { $0["name"] as? String == "y" }?["grad"] as? Double == 1)
        #expect(result.stderr.contains("note: input 'x' is NaN"))
    }
}

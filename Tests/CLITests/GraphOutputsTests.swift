import Testing
import Foundation

/// `descent graph --outputs` (several graphs side by side) and `--local symbolic`.
@Suite("descent graph --outputs and --local")
struct GraphOutputsTests {
    /// Per output: its upstream and each variable's gradient, from the JSON.
    func outputs(_ arguments: [String]) throws -> [(name: String, upstream: Double, grads: [String: Double])] {
        let result = try DescentProcess.run(["graph"] + arguments + ["--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        return (object["outputs"] as! [[String: Any]]).map { entry in
            let nodes = (entry["graph"] as! [String: Any])["nodes"] as! [[String: Any]]
            var grads: [String: Double] = [:]
            for n in nodes where n["kind"] as? String == "variable" { grads[n["name"] as! String] = (n["grad"] as! NSNumber).doubleValue }
            return (entry["name"] as! String, (entry["upstream"] as! NSNumber).doubleValue, grads)
        }
    }

    @Test("004 ch. 8's gate patterns at x = 3, y = 2: add distributes, multiply switches, max routes, each times its upstream")
    func gatePatterns() throws {
        let got = try outputs(["s = x + y; p = x * y; m = max(x, y)", "x=3", "y=2", "--outputs", "s,p,m", "--upstream", "1,2,1"])
        #expect(got.map(\.name) == ["s", "p", "m"])
        #expect(got.map(\.upstream) == [1, 2, 1])
        // d(x + y) = 1 each; d(x y)/dx = y, /dy = x (times 2); max sends it all to the larger x.
        #expect(got[0].grads == ["x": 1, "y": 1])
        #expect(got[1].grads == ["x": 4, "y": 6])
        #expect(got[2].grads == ["x": 1, "y": 0])
        // One upstream for all; an output that uses one variable only carries that one.
        let one = try outputs(["s = x + y; d = 2 * x", "x=3", "y=2", "--outputs", "d,s", "--upstream", "3"])
        #expect(one.map(\.name) == ["d", "s"] && one[0].grads == ["x": 6] && one[1].grads == ["x": 3, "y": 3])
    }

    @Test("the 004 ch. 8 quiz through --outputs: f = x y with upstream 2 and y = 5 gives x the gradient 10")
    func quiz() throws {
        let got = try outputs(["f = x * y; g = x + y", "x=3", "y=5", "--outputs", "f", "--upstream", "2"])
        #expect(got.count == 1 && got[0].grads["x"] == 10)
    }

    static let badOutputs: [(arguments: [String], message: String)] = [
        (["s = x + y; p = x * y", "x=1", "y=2", "--outputs", "s,q"], "--outputs: the program binds no 'q'; its statements name: s, p"),
        (["s = x + y; p = x * y", "x=1", "y=2", "--outputs", "s,p", "--upstream", "1,2,3"], "--upstream '1,2,3': expected one value or 2"),
        (["s = x + y; p = x * y", "x=1", "y=2", "--outputs", "s,p", "--upstream", "1,z"], "--upstream '1,z': 'z' is not a finite number"),
        (["s = x + y; p = x * y", "x=1", "y=2", "--outputs", "s,,p"], "--outputs 's,,p': expected statement names separated by commas"),
        (["s = x + y", "x=1", "y=2", "--local", "sideways"], "--local 'sideways': expected numeric, symbolic or both"),
    ]

    @Test("bad --outputs, --upstream lists: exit 1, one error line, no file", arguments: badOutputs.indices)
    func bad(index: Int) throws {
        let c = Self.badOutputs[index]
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let result = try DescentProcess.run(["graph"] + c.arguments + ["-o", dir.path("g.png")])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("descent: error: ") && result.stderr.contains(c.message), "stderr: \(result.stderr)")
        #expect(dir.files().isEmpty)
    }

    @Test("--local takes numeric, symbolic or both, and gives any other argument back to the expression and its values")
    func localArgument() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        for (i, arguments) in [["x * y", "--local", "x=1", "y=2"], ["--local", "x * y", "x=1", "y=2"], ["x * y", "x=1", "y=2", "--local", "symbolic"],
                               ["x * y", "x=1", "y=2", "--local=both"], ["x * y", "x=1", "y=2", "--local"]].enumerated() {
            let result = try DescentProcess.run(["graph"] + arguments + ["-o", dir.path("g\(i).svg")])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        #expect(dir.files().count == 5)
    }
}

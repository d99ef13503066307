import Foundation
import Testing

/// `descent graph --values FILE.json`: a JSON object of numbers, non-finite ones spelled as the
/// JSON export spells them; bad files are one line naming the file and the problem.
@Suite("graph --values files")
struct GraphValuesFileTests {
    @Test func nonFiniteValuesAreTheExportsStrings() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let values = try dir.write("v.json", #"{"x": "-Infinity", "y": 1.5}"#)
        let r = try DescentProcess.run(["graph", "x + y", "--values", values, "--format", "json"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let nodes = object["nodes"] as! [[String: Any]]
        #expect(nodes.last?["value"] as? String == "-Infinity")
        #expect(nodes.first { $0["name"] as? String == "y" }?["value"] as? Double == 1.5)
    }

    @Test(arguments: [
        (#"{"x": 1, "y": true}"#, "value of 'y' is not a number"),
        (#"{"x": 1, "y": "two"}"#, "value of 'y' is not a number"),
        (#"[1, 2]"#, "expected a JSON object of numbers"),
        (#"{"x": 1,"#, "not valid JSON"),
    ])
    func badFilesAreOneLine(text: String, message: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let values = try dir.write("v.json", text)
        let r = try DescentProcess.run(["graph", "x + y", "--values", values, "-o", dir.path("g.png")])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("descent: error: \(values): \(message)"), "stderr: \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(dir.files() == ["v.json"])
    }
}

import Testing
import Foundation

/// `descent graph --format json` carries the layout: node boxes and edge curves in points.
@Suite("descent graph json layout")
struct GraphLayoutExportTests {
    @Test("every node has a box inside the figure; every edge a cubic curve from its source's box to its target's")
    func layout() throws {
        let result = try DescentProcess.run(["graph", "(x + y) * z + max(x, w)", "x=2", "y=1", "z=-3", "w=4", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let size = object["size"] as! [String: Double]
        let nodes = object["nodes"] as! [[String: Any]]
        let edges = object["edges"] as! [[String: Any]]
        func box(_ n: [String: Any]) -> (x: Double, y: Double, w: Double, h: Double) {
            let b = n["box"] as! [String: Double]
            return (b["x"]!, b["y"]!, b["width"]!, b["height"]!)
        }
        for n in nodes {
            let b = box(n)
            #expect(b.x >= 0 && b.y >= 0 && b.x + b.w <= size["width"]! && b.y + b.h <= size["height"]!)
        }
        #expect(edges.count == 9)  // 8 inputs and the output's wire
        #expect(edges.last?["to"] is NSNull)
        for e in edges {
            let curve = e["curve"] as! [[Double]]
            #expect(curve.count % 3 == 1 && curve.count >= 4)
            let source = box(nodes[e["from"] as! Int])
            // Left to right: the wire leaves the source's right side at the source's height band.
            #expect(abs(curve[0][0] - (source.x + source.w)) < 0.01)
            #expect(curve[0][1] >= source.y && curve[0][1] <= source.y + source.h)
            if let to = e["to"] as? Int {
                let target = box(nodes[to])
                let end = curve.last!
                #expect(end[0] >= target.x - 0.01 && end[0] <= target.x + target.w / 2)
                #expect(end[1] >= target.y && end[1] <= target.y + target.h)
                // A wire's label box sits on its curve's column range.
                let label = e["label"] as! [String: Double]
                #expect(label["x"]! >= curve[0][0] && label["x"]! + label["width"]! <= end[0] + 0.01)
            }
        }
    }

    @Test("a graph too big for PNG at the asked dpi is drawn at the largest dpi that fits, with a note")
    func largestDPI() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let source = "h = x" + String(repeating: "; h = tanh(w * h + b)", count: 40)
        let result = try DescentProcess.run(["graph", source, "x=1", "w=0.5", "b=0.1", "-o", dir.path("g.png")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("more than PNG output allows here (30000 per side, 250 Mpx); drawn at --dpi "))
        let data = try Data(contentsOf: URL(fileURLWithPath: dir.path("g.png")))
        // IHDR: width and height, big-endian, at bytes 16...23.
        let width = data[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width <= 30_000 && width > 29_000)
    }

    @Test("--flatten: a long sum is one gate with a port per term")
    func flatten() throws {
        let terms = (1...50).map { "tanh(x\($0) * w\($0) + b)" }.joined(separator: " + ")
        var args = ["graph", terms, "b=0.1", "--flatten", "--format", "json"]
        for i in 1...50 { args += ["x\(i)=\(Double(i) / 50)", "w\(i)=0.5"] }
        let result = try DescentProcess.run(args)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let nodes = object["nodes"] as! [[String: Any]]
        let sums = nodes.filter { $0["op"] as? String == "add" && ($0["inputs"] as! [Int]).count == 50 }
        #expect(sums.count == 1)
        // The sum of tanh(i/100 + 0.1) over i = 1...50.
        let expected = (1...50).map { tanh(Double($0) / 100 + 0.1) }.reduce(0, +)
        #expect(abs((sums[0]["value"] as! Double) - expected) < 1e-12)
    }

    @Test("--upstream seeds the output's gradient (the 004 ch. 8 quiz gives x 10); a bad one is refused")
    func upstream() throws {
        let result = try DescentProcess.run(["graph", "f = x * y", "x=3", "y=5", "--upstream", "2", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let nodes = object["nodes"] as! [[String: Any]]
        #expect(nodes.first { $0["name"] as? String == "x" }?["grad"] as? Double == 10)
        let bad = try DescentProcess.run(["graph", "x * y", "x=3", "y=5", "--upstream", "two"])
        #expect(bad.status == 1 && bad.stderr.contains("--upstream 'two': expected a finite number"))
    }
}

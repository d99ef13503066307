import Foundation
import Testing

/// `descent network`: the diagram files it writes, the trained XOR run it draws, and bad input.
@Suite("descent network")
struct NetworkCommandTests {
    /// The 002 ch. 8 program's training, as descent train options.
    static let xorTraining = ["train", "--model", "mlp", "--layers", "3,4,1", "--activation", "sigmoid", "--output", "sigmoid",
                              "--loss", "mse", "--no-bias", "--initialization", "uniform", "--weight-shape", "in-out",
                              "--reduction", "sum", "--data", "xor3", "--lr", "1", "--epochs", "1000", "--rng", "numpy",
                              "--seed", "1", "--quiet"]

    @Test("784,30,10 to PNG, SVG and PDF; - writes the PNG to standard output")
    func formats() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        for name in ["n.png", "n.svg", "n.pdf"] {
            let r = try DescentProcess.run(["network", "784,30,10", "--output-labels", "0-9", "-o", dir.path(name)])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let png = try Data(contentsOf: dir.url.appendingPathComponent("n.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let svg = try String(contentsOfFile: dir.path("n.svg"), encoding: .utf8)
        // 7 x 7 + 7 x 10 edges, 24 neurons, 6 ellipsis dots, and the glyphs of the labels.
        #expect(svg.contains("<svg") && svg.components(separatedBy: "<path").count > 119 + 24 + 6)
        let pdf = try Data(contentsOf: dir.url.appendingPathComponent("n.pdf"))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        let out = try DescentProcess.run(["network", "3,4,1", "--bias-nodes", "-o", "-"])
        #expect(out.status == 0 && out.stdout.dropFirst().hasPrefix("PNG"))
    }

    @Test("the trained XOR network with its input, and a neuron with numbers")
    func trainedRun() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = dir.path("xor.jsonl")
        #expect(try DescentProcess.run(Self.xorTraining + ["--log", log]).status == 0)
        let r = try DescentProcess.run(["network", "--run", log, "--input", "1,0,1", "-o", dir.path("xor.svg")])
        #expect(r.status == 0, "\(r.stderr)")
        let same = try DescentProcess.run(["network", "3,4,1", "--run", log, "--input-labels", "$x_1$,$x_2$,1", "-o", dir.path("xor2.png")])
        #expect(same.status == 0, "\(same.stderr)")
        let neuron = try DescentProcess.run(["network", "--neuron", "3", "--weights", "0.5,-1,2", "--bias=-0.1", "--input", "1,0,1",
                                             "--activation", "relu", "-o", dir.path("neuron.png")])
        #expect(neuron.status == 0, "\(neuron.stderr)")
        #expect(Set(dir.files()) == ["xor.jsonl", "xor.svg", "xor2.png", "neuron.png"])
    }

    @Test("NaN and infinite weights of a diverged run are drawn, with a note")
    func nonFinite() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = try dir.write("nan.jsonl", #"{"type":"header","model":"mlp","layers":[2,1],"output":"linear","loss":"mse"}"# + "\n"
                                + #"{"type":"step","step":3,"loss":NaN,"params":[NaN,Infinity,0.5]}"# + "\n")
        let r = try DescentProcess.run(["network", "--run", log, "--input", "1,2", "-o", dir.path("nan.png")])
        #expect(r.status == 0)
        #expect(r.stderr.contains("2 of the run's 3 weights and biases are NaN or infinite"), "\(r.stderr)")
        #expect(dir.files() == ["nan.jsonl", "nan.png"])
    }

    @Test("bad input: one line naming the place, exit 1, no file", arguments: [
        (["network", "784,0,10"], "layers '784,0,10': layer 2 (column 5): 0 neurons: every layer needs at least one"),
        (["network", "784,,10"], "layers '784,,10': layer 2 (column 5): an empty entry"),
        (["network", "784"], "layers '784': expected at least two layer sizes"),
        (["network", "3,4,1", "--output-labels", "0-9"], "--output-labels: 10 label(s) for the 1 outputs of layers 3,4,1"),
        (["network", "784,30,10", "--run", "@xor.jsonl"], "@xor.jsonl:1: the run log's network is 3,4,1, not the layers 784,30,10 given"),
        (["network", "--run", "@xor.jsonl", "--input", "1,x,1"], "--input '1,x,1': entry 2 (column 3): 'x' is not a number"),
        (["network", "--run", "@xor.jsonl", "--input", "1,0"], "--input '1,0': 2 value(s) for the 3 inputs of the network"),
        (["network", "--run", "@nope.jsonl"], "@nope.jsonl: cannot read the run log (no such file)"),
        (["network", "--run", "@bad.jsonl"], "@bad.jsonl:2: 'params' has 2 values; the network 3,4,1 without biases of its header has 16"),
        (["network", "3,4,1", "--input", "1,0,1"], "--input needs --run"),
        (["network", "--neuron", "3", "--weights", "1,2"], "--weights '1,2': 2 weight(s) for --neuron 3"),
        (["network", "--neuron", "2", "--bias", "b"], "--bias 'b': expected a number"),
        (["network", "3,4,1", "--activation", "relu"], "--activation applies to --neuron"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let header = #"{"type":"header","model":"mlp","layers":[3,4,1],"bias":false,"activation":"sigmoid","output":"sigmoid","loss":"mse"}"#
        try dir.write("xor.jsonl", header + "\n" + #"{"type":"step","step":0,"loss":1,"params":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16]}"# + "\n")
        try dir.write("bad.jsonl", header + "\n" + #"{"type":"step","step":0,"loss":1,"params":[1,2]}"# + "\n")
        let before = dir.files()
        let at = dir.url.path + "/"
        let r = try DescentProcess.run(arguments.map { $0.replacingOccurrences(of: "@", with: at) } + ["-o", dir.path("out.png")])
        #expect(r.status == 1)
        #expect(r.stderr == "descent: error: \(message.replacingOccurrences(of: "@", with: at))\n" || r.stderr.hasPrefix("descent: error: \(message.replacingOccurrences(of: "@", with: at))"),
                "stderr: \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(dir.files() == before)
    }
}

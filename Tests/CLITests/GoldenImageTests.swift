import Testing
import Foundation
import CairoCanvas

/// Renders example logs through the whole `descent plot` process and compares the PNGs
/// with reviewed golden images (RMS over RGB channels, 0-255). On failure the actual image
/// and an amplified difference image are written next to the golden file.
/// `DESCENT_UPDATE_GOLDEN=1` rewrites the golden files instead.
@Suite("Golden images")
struct GoldenImageTests {
    static let cases: [(name: String, arguments: [String])] = [
        ("two-layer-lab", ["plot", Repository.example("two-layer-lab.txt"), "--title", "Two-layer lab (001): single sample, $\\eta = 0.1$",
                           "--ylabel", "loss $L = \\frac{1}{2}\\|\\hat{y} - y\\|^2$", "--size", "640x400", "--dpi", "96"]),
        ("gd-divergence", ["plot", Repository.example("gd-lr0.2.csv"), Repository.example("gd-lr0.5.csv"), "--y", "loss",
                           "--label", "$\\eta = 0.2$", "--label", "$\\eta = 0.5$", "--log-y", "--size", "640x400", "--dpi", "96"]),
        ("logistic-smoothed", ["plot", Repository.example("logistic-sgd.jsonl"), "--smooth", "0.6", "--size", "640x400", "--dpi", "96"]),
    ]

    static let tolerance = 3.0

    @Test("example plots match their golden images", arguments: cases.map(\.name))
    func golden(name: String) throws {
        let c = Self.cases.first { $0.name == name }!
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let out = dir.path("\(name).png")
        let result = try DescentProcess.run(c.arguments + ["-o", out])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let actualBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out)))
        let golden = Repository.root.appendingPathComponent("Tests/CLITests/Golden/\(name).png")
        if ProcessInfo.processInfo.environment["DESCENT_UPDATE_GOLDEN"] == "1" {
            try Data(actualBytes).write(to: golden)
            return
        }
        let expected = try PNGFile.decodeRGB([UInt8](Data(contentsOf: golden)))
        let actual = try PNGFile.decodeRGB(actualBytes)
        #expect(actual.width == expected.width && actual.height == expected.height)
        guard actual.width == expected.width, actual.height == expected.height else { return }
        var sum = 0.0
        var diff = [UInt8](repeating: 255, count: actual.pixels.count)
        for i in actual.pixels.indices {
            let d = Double(actual.pixels[i]) - Double(expected.pixels[i])
            sum += d * d
            diff[i] = UInt8(max(0, 255 - min(255, abs(d) * 4)))
        }
        let rms = (sum / Double(actual.pixels.count)).squareRoot()
        if rms > Self.tolerance {
            let base = golden.deletingPathExtension().path
            try Data(actualBytes).write(to: URL(fileURLWithPath: base + ".actual.png"))
            let meta = DocumentMetadata(software: "descent tests")
            let png = try PNGFile.encode(rgb: diff, width: actual.width, height: actual.height, dpi: 96, metadata: meta)
            try Data(png).write(to: URL(fileURLWithPath: base + ".diff.png"))
        }
        #expect(rms <= Self.tolerance, "RMS \(rms) against \(golden.lastPathComponent); see .diff.png beside it")
    }
}

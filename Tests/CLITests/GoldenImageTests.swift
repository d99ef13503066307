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

    @Test("example plots match their golden images", arguments: cases.map(\.name))
    func golden(name: String) throws {
        let c = Self.cases.first { $0.name == name }!
        try GoldenImage.checkCommand(c.arguments, against: name)
    }
}

import Testing
import Foundation
import CairoCanvas

/// Landscapes (flat, and 3D with downhill arrows) through the whole `descent landscape` process,
/// against reviewed golden PNGs (RMS over RGB, 0-255; `DESCENT_UPDATE_GOLDEN=1` rewrites them).
@Suite("Landscape golden images")
struct LandscapeGoldenImageTests {
    static let cases: [(name: String, arguments: [String])] = [
        ("landscape-bowl-arrows", ["landscape", "--function", "quadratic", "--condition", "4", "--rotation", "30",
                                   "--optimizers", "gd", "--lr", "0.2", "--steps", "12", "--start=-1.6,1.2", "--arrows",
                                   "--gradients", "--levels", "8", "--resolution", "120", "--size", "640x440", "--dpi", "96"]),
        ("landscape-linear2d-batches", ["landscape", "--data", "linear2d", "--optimizers", "gd,minibatch:16,sgd", "--lr", "0.05",
                                        "--steps", "60", "--start=-1.5,1.5", "--seed", "1", "--levels", "10", "--log-levels",
                                        "--resolution", "120", "--size", "640x440", "--dpi", "96"]),
        ("landscape-3d-gradients", ["landscape", "--function", "quadratic", "--condition", "4", "--rotation", "30", "--3d",
                                    "--linear-color", "--mesh", "30", "--resolution", "60", "--optimizers", "gd", "--lr", "0.1",
                                    "--steps", "20", "--start=-1.6,1.2", "--gradients", "--size", "640x440", "--dpi", "96"]),
    ]

    @Test("landscapes match their golden images", arguments: cases.map(\.name))
    func golden(name: String) throws {
        let c = Self.cases.first { $0.name == name }!
        try GoldenImage.checkCommand(c.arguments, against: name)
    }
}

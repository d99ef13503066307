import Testing
import Foundation
import CairoCanvas

/// Compares a rendered PNG with a reviewed golden image in `Tests/CLITests/Golden/`: RMS over
/// the RGB channels (0-255) within `tolerance`. On failure the actual image and an amplified
/// difference image (dark = different) are written beside the golden file;
/// `DESCENT_UPDATE_GOLDEN=1` rewrites the golden file instead.
enum GoldenImage {
    static let tolerance = 3.0

    static func url(_ name: String) -> URL {
        Repository.root.appendingPathComponent("Tests/CLITests/Golden/\(name).png")
    }

    static func check(png actualBytes: [UInt8], against name: String,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let golden = url(name)
        if ProcessInfo.processInfo.environment["DESCENT_UPDATE_GOLDEN"] == "1" {
            try Data(actualBytes).write(to: golden)
            return
        }
        let expected = try PNGFile.decodeRGB([UInt8](Data(contentsOf: golden)))
        let actual = try PNGFile.decodeRGB(actualBytes)
        let sameSize = actual.width == expected.width && actual.height == expected.height
        #expect(sameSize, "size \(actual.width)x\(actual.height), golden \(expected.width)x\(expected.height)", sourceLocation: sourceLocation)
        guard sameSize else { return }
        let rms = rmsDifference(actual.pixels, expected.pixels)
        if rms > tolerance {
            let base = golden.deletingPathExtension().path
            try Data(actualBytes).write(to: URL(fileURLWithPath: base + ".actual.png"))
            let diff = actual.pixels.indices.map {
                UInt8(max(0, 255 - min(255, abs(Double(actual.pixels[$0]) - Double(expected.pixels[$0])) * 4)))
            }
            let png = try PNGFile.encode(rgb: diff, width: actual.width, height: actual.height, dpi: 72,
                                         metadata: DocumentMetadata(software: "descent tests"))
            try Data(png).write(to: URL(fileURLWithPath: base + ".diff.png"))
        }
        #expect(rms <= tolerance, "RMS \(rms) against \(golden.lastPathComponent); see .diff.png beside it",
                sourceLocation: sourceLocation)
    }

    /// Runs `descent` with `arguments` plus `-o <temporary>.png` and checks the PNG against `name`.
    static func checkCommand(_ arguments: [String], against name: String,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let out = dir.path("\(name).png")
        let result = try DescentProcess.run(arguments + ["-o", out])
        #expect(result.status == 0, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        try check(png: [UInt8](Data(contentsOf: URL(fileURLWithPath: out))), against: name, sourceLocation: sourceLocation)
    }

    static func rmsDifference(_ a: [UInt8], _ b: [UInt8]) -> Double {
        var sum = 0.0
        for i in a.indices { let d = Double(a[i]) - Double(b[i]); sum += d * d }
        return (sum / Double(max(1, a.count))).squareRoot()
    }
}

import Foundation
import Testing
import CairoCanvas

/// Range options (`LOW,HIGH`) on plot and landscape: a leading minus sign is a value, not an
/// option; ranges whose ends or width are not finite are refused with one line and no file.
@Suite("range options")
struct RangeOptionTests {
    static func pixels(_ path: String) throws -> [UInt8] {
        try PNGFile.decodeRGB([UInt8](Data(contentsOf: URL(fileURLWithPath: path)))).pixels
    }

    @Test func plotYlimTakesALeadingMinus() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = try dir.write("run.csv", "step,loss\n0,1.5\n1,0.5\n2,-0.25\n3,0.125\n")
        var drawn: [[UInt8]] = []
        for (name, limits) in [("spaced", ["--ylim", "-1,2"]), ("joined", ["--ylim=-1,2"]), ("auto", [])] {
            let out = dir.path("\(name).png")
            let r = try DescentProcess.run(["plot", log, "-o", out, "--size", "320x240", "--dpi", "72"] + limits)
            #expect(r.status == 0, "stderr: \(r.stderr)")
            drawn.append(try Self.pixels(out))
        }
        #expect(drawn[0] == drawn[1])
        #expect(drawn[0] != drawn[2])
    }

    @Test(arguments: [
        (["plot", "@run.csv", "--ylim", "-1,-2"], "--ylim '-1,-2': expected LOW,HIGH (either may be empty)"),
        (["plot", "@run.csv", "--ylim", "-1e309,1"], "--ylim '-1e309,1': '-1e309' is not finite"),
        (["plot", "@run.csv", "--ylim=-1e308,1e308"], "--ylim '-1e308,1e308': the width HIGH - LOW overflows"),
        (["landscape", "--function", "booth", "--xlim=-1e308,1e308"], "--xlim '-1e308,1e308': the width HIGH - LOW overflows"),
        (["landscape", "--function", "booth", "--ylim", "-inf,2"], "--ylim '-inf,2': '-inf' is not finite"),
        (["landscape", "--function", "booth", "--xlim", "-2,nan"], "--xlim '-2,nan': 'nan' is not finite"),
        (["landscape", "--function", "booth", "--xlim", ",2"], "--xlim ',2': '' is not a number"),
    ])
    func nonFiniteRangesAreRefused(arguments: [String], message: String) throws {
        try OneLineFailure.expect(arguments, message: message)
    }

    @Test func landscapeRangesDrawTheGivenDomain() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let csv = dir.path("g.csv")
        let r = try DescentProcess.run(["landscape", "--function", "booth", "--xlim", "-3,-1", "--ylim=-0.5,0.5", "--resolution", "3",
                                        "-o", dir.path("g.png"), "--export-data", csv])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let grid = try String(contentsOfFile: csv, encoding: .utf8).components(separatedBy: "\n\n")[0].split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",").prefix(2).map { Double($0)! } }
        #expect(grid.first == [-3, -0.5] && grid.last == [-1, 0.5])
    }
}

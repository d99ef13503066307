import Foundation
import Testing

/// Typed option values: the parser refuses a value outside the set with one line naming the
/// option and the values (exit 1, no file), and `--help` lists them.
@Suite("typed option values")
struct OptionChoiceTests {
    @Test(arguments: [
        (["train", "--model", "mlp", "--layers", "2,3,3", "--data", "blobs", "--activation", "swish", "--epochs", "1"],
         "The value 'swish' is invalid for '--activation <activation>'. Please provide one of 'relu', 'sigmoid', 'tanh' or 'identity'."),
        (["train", "--model", "logistic", "--data", "plants", "--loss", "hinge", "--epochs", "1"],
         "The value 'hinge' is invalid for '--loss <loss>'. Please provide one of 'mse', 'bce' or 'ce'."),
        (["train", "--model", "linear", "--data", "plants", "--initialization", "zeros", "--epochs", "1"],
         "The value 'zeros' is invalid for '--initialization <initialization>'."),
        (["landscape", "--data", "plants", "--model", "mlp"],
         "The value 'mlp' is invalid for '--model <model>'. Please provide one of 'linear' and 'logistic'."),
        (["landscape", "--function", "booth", "--levels", "many"], "The value 'many' is invalid for '--levels <levels>'"),
        (["train", "--function", "booth", "--start", "0,0", "--steps", "ten"], "The value 'ten' is invalid for '--steps <steps>'"),
        (["graph", "x + 1", "x=1", "--stage", "sideways"], "The value 'sideways' is invalid for '--stage <stage>'. Please provide one of 'backward' and 'forward'."),
        (["plot", "@run.csv", "--legend", "middle"],
         "The value 'middle' is invalid for '--legend <legend>'. Please provide one of the following: best, outside, none, upper right, upper left, lower left, lower right, center right, center left, lower center, upper center, center (see --help)"),
        (["plot", "@run.csv", "--input-format", "parquet"], "The value 'parquet' is invalid for '--input-format <input-format>'."),
    ])
    func aValueOutsideTheSetIsOneLine(arguments: [String], message: String) throws {
        try OneLineFailure.expect(arguments, message: message)
    }

    @Test func spellingsAreCaseInsensitiveWhereTheyWereBefore() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = try dir.write("run.csv", "step,loss\n0,1\n1,0.5\n")
        var legends: [[UInt8]] = []
        for (k, arguments) in [["plot", log, "--legend", "upper-left", "--input-format", "CSV"], ["plot", log, "--legend", "Upper Left"]].enumerated() {
            let out = dir.path("p\(k).png")
            let r = try DescentProcess.run(arguments + ["-o", out, "--size", "320x240", "--dpi", "72"])
            #expect(r.status == 0, "stderr: \(r.stderr)")
            legends.append(try RangeOptionTests.pixels(out))
        }
        #expect(legends[0] == legends[1])
        let graphs = try ["full", "BACKWARD"].map { stage in
            try DescentProcess.run(["graph", "x * y", "x=2", "y=3", "--stage", stage, "--direction", "TB", "--format", "json"]).stdout
        }
        #expect(!graphs[0].isEmpty && graphs[0] == graphs[1])
    }

    @Test func helpListsTheValues() throws {
        let train = try DescentProcess.run(["train", "--help"])
        #expect(train.status == 0)
        let flat = train.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("(values: sgd, rmsprop, adagrad, adam; default: sgd)"), "\(train.stdout)")
        #expect(flat.contains("(values: relu, sigmoid, tanh, identity; default: relu)"))
        let landscape = try DescentProcess.run(["landscape", "--help"])
        let text = landscape.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("(values: viridis, magma, inferno, cividis, rdbu)") && text.contains("(values: random, pca; default: random)"))
        #expect(text.contains("single (the course's SGD: batch size 1; 'sgd' is accepted as its old name)"))
    }
}

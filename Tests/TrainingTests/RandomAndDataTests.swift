import Testing
@testable import Training

struct RandomAndDataTests {
    /// SplitMix64's published first outputs for seed 0 (Vigna's reference splitmix64.c).
    @Test func splitMixReferenceOutputs() {
        var r = SplitMix64(seed: 0)
        #expect(r.next() == 0xE220_A839_7B1D_CDAF)
        #expect(r.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(r.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func normalsHaveUnitVariance() {
        var r = SplitMix64(seed: 7)
        let xs = (0..<200_000).map { _ in r.normal() }
        let mean = xs.reduce(0, +) / Double(xs.count)
        let variance = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(xs.count)
        #expect(abs(mean) < 0.01 && abs(variance - 1) < 0.01)
    }

    @Test func shuffleIsAPermutation() {
        var r = SplitMix64(seed: 3)
        var v = Array(0..<100)
        r.shuffle(&v)
        #expect(v.sorted() == Array(0..<100) && v != Array(0..<100))
    }

    @Test func labBatchFollowsTheCourseRecipe() throws {
        let d = try #require(BuiltinData.make("lab-batch", seed: 0))
        #expect(d.count == 1000 && d.featureCount == 2 && d.targetCount == 3)
        for i in 0..<d.count {
            let x1 = d.inputs[2 * i] * 20, x2 = d.inputs[2 * i + 1] * 20
            #expect(abs(x1) <= 10 && abs(x2) <= 10)
            #expect(abs(d.targets[3 * i] - x1 * x1) < 1e-9 && abs(d.targets[3 * i + 1] - x2 * x2) < 1e-9)
            #expect(abs(d.targets[3 * i + 2] - 2 * x1 * x2) < 1e-9)
        }
    }

    @Test func linear2dFollowsTheAnchorsRecipe() throws {
        // x1 ~ N(0, 1), x2 ~ N(0, 9), y = 1.5 x1 - 0.5 x2 + N(0, 0.01): on 20000 samples the column
        // spreads, the least-squares weights and the residual spread are those of the recipe.
        let d = try #require(BuiltinData.make("linear2d", seed: 1, samples: 20_000))
        #expect(d.featureNames == ["x1", "x2"] && d.count == 20_000 && BuiltinData.make("linear2d", seed: 1)?.count == 256)
        let n = Double(d.count)
        var squares = [0.0, 0.0]
        for (i, x) in d.inputs.enumerated() { squares[i % 2] += x * x }
        let rms = squares.map { ($0 / n).squareRoot() }
        #expect(abs(rms[0] - 1) < 0.02 && abs(rms[1] - 3) < 0.06)
        let (w1, w2) = TrainerTests.leastSquares(d)
        #expect(abs(w1 - 1.5) < 0.005 && abs(w2 + 0.5) < 0.002)
        var residual = 0.0
        for i in 0..<d.count {
            let e = d.targets[i] - 1.5 * d.inputs[2 * i] + 0.5 * d.inputs[2 * i + 1]
            residual += e * e
        }
        #expect(abs((residual / n).squareRoot() - 0.1) < 0.003)
    }

    @Test(arguments: BuiltinData.names)
    func builtinSetsAreWellFormed(_ name: String) throws {
        let d = try #require(BuiltinData.make(name, seed: 5))
        #expect(d.count > 0 && d.inputs.count == d.count * d.featureCount && d.targets.count == d.count * d.targetCount)
        #expect(d.inputs.allSatisfy(\.isFinite) && d.targets.allSatisfy(\.isFinite))
        if let classes = d.classCount {
            #expect(Set(d.targets) == Set((0..<classes).map(Double.init)))
        }
        #expect(BuiltinData.make(name, seed: 5) == d)
    }

    @Test func oneHotTargets() throws {
        let d = try #require(BuiltinData.make("blobs", seed: 1))
        let hot = try #require(d.targets(forOutputs: 3))
        #expect(hot.count == d.count * 3)
        for i in 0..<d.count { #expect(hot[3 * i + Int(d.targets[i])] == 1 && hot[(3 * i)..<(3 * i + 3)].reduce(0, +) == 1) }
        #expect(d.targets(forOutputs: 2) == nil)
    }

    @Test func validationSplitPartitionsTheRows() throws {
        let d = try #require(BuiltinData.make("linear2d", seed: 2))
        let (train, validation) = d.split(validation: 0.25, seed: 9)
        #expect(train.count == 192 && validation.count == 64)
        #expect(Set(train.inputs + validation.inputs) == Set(d.inputs))
    }

    @Test func csvWithPositions() throws {
        let text = "a,b,y\n1,2,0\n3, 4 ,1\n"
        let d = try CSVData.parse(text, path: "t.csv", features: ["a", "b"], targets: ["y"])
        #expect(d.inputs == [1, 2, 3, 4] && d.targets == [0, 1] && d.classCount == 2)
        do {
            _ = try CSVData.parse("a,b,y\n1,x,0\n", path: "t.csv", features: ["a", "b"], targets: ["y"])
            Issue.record("no error")
        } catch let e as CSVData.Failure {
            #expect(e.description == "t.csv:2:3: expected a number in column 'b', found 'x'")
        }
        do {
            _ = try CSVData.parse("a,b,y\n1,2\n", path: "t.csv", features: ["a", "b"], targets: ["y"])
            Issue.record("no error")
        } catch let e as CSVData.Failure {
            #expect(e.description.hasPrefix("t.csv:2:5: missing cell for column 'y'"))
        }
    }
}

/// The training CSV reader on the RunLogs delimited parser: quotes, CRLF, a byte order mark.
struct CSVDataQuotingTests {
    @Test func quotedCellsCRLFAndABOM() throws {
        let text = "\u{FEFF}\"a, first\",b,\"y\"\r\n\"1.5\",2,0\r\n# a comment\r\n\r\n\" 3 \",\"4e1\",1\r\n"
        let d = try CSVData.parse(text, path: "t.csv", features: ["a, first", "b"], targets: ["y"])
        #expect(d.inputs == [1.5, 2, 3, 40] && d.targets == [0, 1] && d.classCount == 2)
        #expect(d.featureNames == ["a, first", "b"])
    }

    @Test func positionsCountFromTheLineOfTheCell() {
        #expect(throws: CSVData.Failure.self) { _ = try CSVData.parse("a,y\r\n1,0\r\n\"x\",1\r\n", path: "t.csv", features: ["a"], targets: ["y"]) }
        do {
            _ = try CSVData.parse("a,y\r\n1,0\r\n\r\n2,,\r\n", path: "t.csv", features: ["a"], targets: ["y"])
            Issue.record("no error")
        } catch let e as CSVData.Failure {
            #expect(e.description == "t.csv:4:3: empty cell in column 'y', expected a number")
        } catch {
            Issue.record("\(error)")
        }
        do {
            _ = try CSVData.parse("a,y\n1,\"0\n", path: "t.csv", features: ["a"], targets: ["y"])
            Issue.record("no error")
        } catch let e as CSVData.Failure {
            #expect(e.description.hasPrefix("t.csv:2:3: expected '\"' to close the quoted field"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func anUnknownColumnListsTheColumns() {
        #expect(throws: CSVData.Failure(description: "t.csv:1:1: no column 'c'; columns: a, b")) {
            _ = try CSVData.parse("a,b\r\n1,2\r\n", path: "t.csv", features: ["c"], targets: ["b"])
        }
    }
}

import Foundation
import Testing
import Training
@testable import Landscape

/// Data surfaces against the training core's models and finite differences; optimizer paths.
struct SurfaceAndPathTests {
    /// y = w1 x1 + w2 x2 on linear2d (no bias), and y = w x + b on its first feature.
    static var linear: DataSurface { DataSurface(kind: .linearNoBias, data: BuiltinData.make("linear2d", seed: 0)!) }
    static var lineWithBias: DataSurface { DataSurface(kind: .linear, data: BuiltinData.make("linear2d", seed: 0)!) }
    static var logistic: DataSurface { DataSurface(kind: .logistic, data: BuiltinData.make("plants", seed: 0)!) }

    static func modelLoss(_ s: DataSurface, _ w: Double, _ b: Double) -> Double {
        let p = [w, b]
        return p.withUnsafeBufferPointer { p in
            s.inputs.withUnsafeBufferPointer { x in
                s.targets.withUnsafeBufferPointer { t in
                    s.model.loss(p.baseAddress!, inputs: x.baseAddress!, targets: t.baseAddress!, count: s.targets.count)
                }
            }
        }
    }

    @Test(arguments: [(0.0, 0.0), (2.0, -1.0), (-1.5, 2.5), (4.0, 3.0)])
    func surfacesMatchTheTrainingModels(w: Double, b: Double) {
        for s in [Self.linear, Self.lineWithBias, Self.logistic] {
            let m = Self.modelLoss(s, w, b)
            #expect(abs(s.value(w, b) - m) <= 1e-9 * max(1, abs(m)))
        }
    }

    @Test(arguments: [(0.3, -0.7), (2.0, 1.0)])
    func gradientsMatchFiniteDifferences(w: Double, b: Double) {
        for s in [Self.linear, Self.lineWithBias, Self.logistic] {
            let h = 1e-6, g = s.gradient(w, b)
            let gw = (s.value(w + h, b) - s.value(w - h, b)) / (2 * h)
            let gb = (s.value(w, b + h) - s.value(w, b - h)) / (2 * h)
            #expect(abs(g.x - gw) < 1e-6 && abs(g.y - gb) < 1e-6)
        }
    }

    @Test func linearMinimumIsTheLeastSquaresFit() {
        // linear2d is y = 1.5 x1 - 0.5 x2 + noise: the fitted weights are near (1.5, -0.5), the gradient
        // vanishes there, and the plane drawn is the matplotlib anchor's, [-2, 4] x [-3, 2].
        let s = Self.linear
        let m = s.minima[0]
        #expect(abs(m.x - 1.5) < 0.05 && abs(m.y + 0.5) < 0.02)
        let g = s.gradient(m.x, m.y)
        #expect(abs(g.x) < 1e-12 && abs(g.y) < 1e-12)
        #expect(s.domain.x == -2...4 && s.domain.y == -3...2)
        #expect(s.model.parameterCount == 2 && s.trainingData.featureNames == ["x1", "x2"])
        // On one feature with a bias: y = 1.5 x1 + b, b near the mean of -0.5 x2 (0), and the gradient vanishes.
        let line = Self.lineWithBias.minima[0]
        #expect(abs(line.x - 1.5) < 0.4 && abs(line.y) < 0.4)
        let gl = Self.lineWithBias.gradient(line.x, line.y)
        #expect(abs(gl.x) < 1e-12 && abs(gl.y) < 1e-12)
        #expect(Self.lineWithBias.model.parameterCount == 2 && Self.lineWithBias.trainingData.featureNames == ["x1"])
    }

    @Test func gradientDescentOnTheRoundBowlShrinksGeometrically() {
        // f = |p|^2 / 2, gradient p: each GD step multiplies p by (1 - lr).
        let spec = try! PathSpec.parse("gd", learningRate: 0.1, steps: 10).get()
        let path = PathRunner.run(spec, on: .quadratic(condition: 1, rotation: 0), start: Point2(1.5, -1))
        #expect(path.points.count == 11)
        for (k, p) in path.points.enumerated() {
            let f = pow(0.9, Double(k))
            #expect(abs(p.x - 1.5 * f) < 1e-12 && abs(p.y + f) < 1e-12)
        }
    }

    @Test func batchPathsOnDataAreNoisyAndFullBatchIsNot() {
        // The anchor's start, learning rate and steps on the (w1, w2) plane.
        let gd = PathRunner.run(try! PathSpec.parse("gd", learningRate: 0.05, steps: 60).get(), on: Self.linear,
                                start: Point2(-1.5, 1.5), seed: 0)
        let sgd = PathRunner.run(try! PathSpec.parse("sgd", learningRate: 0.05, steps: 60).get(), on: Self.linear,
                                 start: Point2(-1.5, 1.5), seed: 0)
        #expect(gd.points.count == 61 && sgd.points.count == 61)
        // Full-batch GD decreases the full loss at every step; SGD does not.
        #expect(zip(gd.losses.dropFirst(), gd.losses).allSatisfy { $0 < $1 })
        #expect(!zip(sgd.losses.dropFirst(), sgd.losses).allSatisfy { $0 < $1 })
        // GD's first step is -lr times the full gradient at the start.
        let g = Self.linear.gradient(-1.5, 1.5)
        #expect(abs(gd.points[1].x - (-1.5 - 0.05 * g.x)) < 1e-12 && abs(gd.points[1].y - (1.5 - 0.05 * g.y)) < 1e-12)
    }

    @Test func pathSpecsParseWithOverrides() throws {
        let specs = try PathSpec.parseList("gd,minibatch:16,sgd,adam:lr=0.05,momentum:momentum=0.5:steps=7",
                                           learningRate: 0.1, steps: 60).get()
        #expect(specs.map(\.name) == ["gd", "minibatch", "single", "adam", "momentum"])  // sgd: the old name of single
        #expect(specs.map(\.batchSize) == [nil, 16, 1, nil, nil])
        #expect(specs[3].optimizer == .adam(lr: 0.05))
        #expect(specs[4].optimizer == .sgd(lr: 0.1, momentum: 0.5) && specs[4].steps == 7)
    }

    @Test(arguments: ["lbfgs", "adam:lr=-1", "minibatch:0", "adam:beta=3", "gd:lr"])
    func badPathSpecsAreRejected(text: String) {
        guard case .failure(let e) = PathSpec.parse(text, learningRate: 0.1, steps: 10) else {
            Issue.record("accepted \(text)"); return
        }
        #expect(e.description.contains("'\(text)'"))
    }

    @Test func unknownOptimizerListsTheValidNames() {
        guard case .failure(let e) = PathSpec.parse("lbfgs", learningRate: 0.1, steps: 10) else { Issue.record("accepted"); return }
        #expect(e.description.contains("gd, minibatch, single, momentum, nesterov, rmsprop, adagrad, adam (sgd: the old name of single)"))
    }

    @Test func sgdIsTheOldSpellingOfSingleSampleSGD() throws {
        let old = try PathSpec.parse("sgd:lr=0.5", learningRate: 0.1, steps: 10).get()
        let new = try PathSpec.parse("single:lr=0.5", learningRate: 0.1, steps: 10).get()
        #expect(old.name == "single" && old.batchSize == 1 && old.entry == "sgd:lr=0.5")
        #expect(old.label == new.label && old.optimizer == new.optimizer && old.batchSize == new.batchSize)
        #expect(old.optimizer == .sgd(lr: 0.5))
    }

    @Test func runLogPathsReadTheLoggedParams() throws {
        let text = """
        {"type":"header","model":"linear"}
        {"type":"step","step":0,"loss":1.5,"grad_norm":2,"params":[0.5,-1]}
        {"type":"step","step":1,"loss":1.0,"grad_norm":1,"params":[1,-0.5]}
        {"type":"step","step":2,"loss":NaN,"grad_norm":NaN,"params":[Infinity,-Infinity]}
        """
        let path = try RunLogPath.parse(text, path: "r.jsonl", label: "r") { $0 + $1 }
        #expect(path.points.count == 3)
        #expect(path.points[1] == Point2(1, -0.5) && path.losses[1] == 0.5)
        #expect(path.points[2].x == .infinity && path.points[2].y == -.infinity)
    }

    @Test func runLogsWithoutParamsAreRejected() {
        let text = "{\"type\":\"step\",\"step\":0,\"loss\":1.5}\n"
        #expect(throws: RunLogPath.Failure.self) { try RunLogPath.parse(text, path: "r.jsonl", label: "r") { $0 + $1 } }
        #expect(throws: RunLogPath.Failure.self) {
            try RunLogPath.parse("{\"type\":\"step\",\"params\":[1,2,3]}", path: "r.jsonl", label: "r") { $0 + $1 }
        }
    }
}

/// The sampled gradient field of the round bowl f = |p|^2 / 2 is p itself, at cell centres.
struct GradientFieldTests {
    @Test func roundBowlFieldIsThePositionAtCellCentres() {
        let field = GradientField.sample(FunctionSurface(.quadratic(condition: 1, rotation: 0)),
                                         over: Domain2(x: -2...2, y: -1...1), count: 4)
        #expect(field.points.count == 16)
        #expect(field.points[0] == Point2(-1.5, -0.75))
        for (p, g) in zip(field.points, field.gradients) { #expect(abs(p.x - g.x) < 1e-15 && abs(p.y - g.y) < 1e-15) }
    }
}

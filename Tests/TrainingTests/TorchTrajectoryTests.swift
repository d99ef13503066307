import Foundation
import Testing
@testable import Training

/// Optimizer trajectories on the 2D test functions against PyTorch float64 (the fixture is
/// written by scripts/make-torch-trajectories.py with torch.optim and torch.autograd).
struct TorchTrajectoryTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var function: String
        var start: [Double]
        var optimizer: String
        var hyper: [String: HyperJSON]
        var trajectory: [[Double]]
        var testDescription: String { "\(optimizer) on \(function) \(hyper.keys.sorted())" }
    }

    enum HyperJSON: Sendable {
        case number(Double), flag(Bool), pair(Double, Double)
        var number: Double? { if case let .number(v) = self { return v }; return nil }
        var flag: Bool? { if case let .flag(v) = self { return v }; return nil }
    }

    static func load() throws -> (torch: String, cases: [Case]) {
        let url = try #require(Bundle.module.url(forResource: "torch-trajectories", withExtension: "json", subdirectory: "Fixtures"))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let cases = try #require(root["cases"] as? [[String: Any]]).map { c -> Case in
            var hyper: [String: HyperJSON] = [:]
            let raw = c["hyper"] as? [String: Any] ?? [:]
            for (k, v) in raw {
                if ["nesterov", "centered", "amsgrad"].contains(k) { hyper[k] = .flag((v as? Bool) ?? false) }
                else if let a = v as? [Double] { hyper[k] = .pair(a[0], a[1]) }
                else if let n = v as? Double { hyper[k] = .number(n) }
            }
            return Case(function: c["function"] as! String, start: c["start"] as! [Double], optimizer: c["optimizer"] as! String,
                        hyper: hyper, trajectory: c["trajectory"] as! [[Double]])
        }
        return (root["torch"] as? String ?? "?", cases)
    }

    static let cases: [Case] = (try? load().cases) ?? []

    static func config(_ c: Case) -> OptimizerConfig {
        let h = c.hyper
        let num = { (k: String, d: Double) in h[k]?.number ?? d }
        let flag = { (k: String) in h[k]?.flag ?? false }
        switch c.optimizer {
        case "sgd":
            return .sgd(lr: num("lr", 1e-3), momentum: num("momentum", 0), dampening: num("dampening", 0),
                        nesterov: flag("nesterov"), weightDecay: num("weight_decay", 0))
        case "rmsprop":
            return .rmsprop(lr: num("lr", 1e-2), alpha: num("alpha", 0.99), eps: num("eps", 1e-8),
                            weightDecay: num("weight_decay", 0), momentum: num("momentum", 0), centered: flag("centered"))
        case "adagrad":
            return .adagrad(lr: num("lr", 1e-2), lrDecay: num("lr_decay", 0), weightDecay: num("weight_decay", 0),
                            initialAccumulatorValue: num("initial_accumulator_value", 0), eps: num("eps", 1e-10))
        default:
            var b1 = 0.9, b2 = 0.999
            if case let .pair(x, y)? = h["betas"] { b1 = x; b2 = y }
            return .adam(lr: num("lr", 1e-3), beta1: b1, beta2: b2, eps: num("eps", 1e-8), weightDecay: num("weight_decay", 0),
                         amsgrad: flag("amsgrad"))
        }
    }

    @Test func fixtureIsPresent() throws {
        let (torch, cases) = try Self.load()
        #expect(!torch.isEmpty && cases.count >= 15)
        #expect(Set(cases.map(\.optimizer)) == Set(OptimizerConfig.names))
        #expect(Set(cases.map(\.function)) == Set(TestFunction.names))
    }

    /// Every step within 1e-8 relative error: |p - p_torch| <= 1e-8 max(|p_torch|, 1).
    @Test(arguments: cases)
    func trajectoryMatchesTorch(_ c: Case) throws {
        let f = try #require(TestFunction.named(c.function, condition: 10, rotation: 30))
        let trainer = Trainer(problem: .function(f, start: Point2(c.start[0], c.start[1])), optimizer: Self.config(c),
                              stop: .steps(c.trajectory.count - 1))
        var path: [[Double]] = []
        trainer.onStep = { path.append(Array($0.parameters)) }
        #expect(trainer.run() == .completed(steps: c.trajectory.count - 1))
        #expect(path.count == c.trajectory.count)
        var worst = 0.0, worstStep = 0
        for (k, (mine, theirs)) in zip(path, c.trajectory).enumerated() {
            let dx = mine[0] - theirs[0], dy = mine[1] - theirs[1]
            let e = (dx * dx + dy * dy).squareRoot() / max(1, (theirs[0] * theirs[0] + theirs[1] * theirs[1]).squareRoot())
            if !(e <= worst) { worst = e; worstStep = k }
        }
        #expect(worst <= 1e-8, "largest relative error \(worst) at step \(worstStep)")
    }
}

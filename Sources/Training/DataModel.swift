/// A model trained on a data set: a flat parameter vector, a batch-mean loss and the
/// gradient (or update direction) the optimizer follows.
public protocol DataModel: AnyObject {
    var parameterCount: Int { get }
    var inputCount: Int { get }
    var outputCount: Int { get }
    /// Named parameter groups (W1, b1, ...), for the gradient check.
    var groups: [(name: String, range: Range<Int>)] { get }
    /// Whether `lossAndGradient` returns a true gradient of `loss` (false for the perceptron rule).
    var hasTrueGradient: Bool { get }
    func loss(_ params: UnsafePointer<Double>, inputs: UnsafePointer<Double>, targets: UnsafePointer<Double>, count: Int) -> Double
    func lossAndGradient(_ params: UnsafePointer<Double>, inputs: UnsafePointer<Double>, targets: UnsafePointer<Double>,
                         count: Int, gradient: UnsafeMutablePointer<Double>) -> Double
    /// Outputs for `count` rows (count x outputCount), valid until the next call.
    func predict(_ params: UnsafePointer<Double>, inputs: UnsafePointer<Double>, count: Int) -> UnsafePointer<Double>
}

extension MLP: DataModel {
    public var parameterCount: Int { spec.parameterCount }
    public var inputCount: Int { spec.inputCount }
    public var outputCount: Int { spec.outputCount }
    public var groups: [(name: String, range: Range<Int>)] { spec.groups }
    public var hasTrueGradient: Bool { true }
    public func predict(_ params: UnsafePointer<Double>, inputs: UnsafePointer<Double>, count: Int) -> UnsafePointer<Double> {
        forward(params, inputs: inputs, count: count)
    }
}

/// The perceptron of course text 002 ch. 3: y_hat = step(w.x + b) (1 when w.x + b > 0, else 0).
/// Its "gradient" is the negated learning rule averaged over the batch, -(y - y_hat) x, so plain
/// SGD with batch size 1 and lr eta is exactly w <- w + eta (y - y_hat) x. The loss is the
/// fraction of misclassified samples.
public final class Perceptron: DataModel {
    public let inputCount: Int
    public var outputCount: Int { 1 }
    public var parameterCount: Int { inputCount + 1 }
    public var groups: [(name: String, range: Range<Int>)] { [("w", 0..<inputCount), ("b", inputCount..<(inputCount + 1))] }
    public var hasTrueGradient: Bool { false }
    private var outputs = UnsafeMutablePointer<Double>.allocate(capacity: 1)
    private var outputCapacity = 1

    public init(inputs: Int) { inputCount = inputs }

    deinit { outputs.deallocate() }

    @inline(__always)
    private func classify(_ params: UnsafePointer<Double>, _ x: UnsafePointer<Double>) -> Double {
        var s = params[inputCount]
        for k in 0..<inputCount { s += params[k] * x[k] }
        return s > 0 ? 1 : 0
    }

    public func loss(_ params: UnsafePointer<Double>, inputs: UnsafePointer<Double>, targets: UnsafePointer<Double>, count: Int) -> Double {
        var wrong = 0
        for i in 0..<count where classify(params, inputs + i * inputCount) != targets[i] { wrong += 1 }
        return Double(wrong) / Double(count)
    }

    public func lossAndGradient(_ params: UnsafePointer<Double>, inputs: UnsafePointer<Double>, targets: UnsafePointer<Double>,
                                count: Int, gradient: UnsafeMutablePointer<Double>) -> Double {
        gradient.update(repeating: 0, count: parameterCount)
        var wrong = 0
        let scale = 1 / Double(count)
        for i in 0..<count {
            let x = inputs + i * inputCount
            let error = targets[i] - classify(params, x)
            if error == 0 { continue }
            wrong += 1
            for k in 0..<inputCount { gradient[k] -= error * x[k] * scale }
            gradient[inputCount] -= error * scale
        }
        return Double(wrong) / Double(count)
    }

    public func predict(_ params: UnsafePointer<Double>, inputs: UnsafePointer<Double>, count: Int) -> UnsafePointer<Double> {
        if count > outputCapacity {
            outputs.deallocate()
            outputs = .allocate(capacity: count)
            outputCapacity = count
        }
        for i in 0..<count { outputs[i] = classify(params, inputs + i * inputCount) }
        return UnsafePointer(outputs)
    }
}

/// Classification accuracy of model outputs: argmax against one-hot rows, or a 0.5 threshold
/// for a single output.
public enum Accuracy {
    public static func of(outputs: UnsafePointer<Double>, targets: UnsafePointer<Double>, count: Int, width: Int) -> Double {
        var right = 0
        for i in 0..<count {
            let o = outputs + i * width, t = targets + i * width
            if width == 1 {
                if (o[0] >= 0.5 ? 1.0 : 0.0) == t[0] { right += 1 }
            } else {
                var best = 0, target = 0
                for j in 1..<width {
                    if o[j] > o[best] { best = j }
                    if t[j] > t[target] { target = j }
                }
                if best == target { right += 1 }
            }
        }
        return Double(right) / Double(max(1, count))
    }
}

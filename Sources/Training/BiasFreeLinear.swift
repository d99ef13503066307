/// The linear model without a bias, y_hat = W x (the mini-batch demo of course text 004 ch. 4,
/// y = w1 x1 + w2 x2), with the half mean squared error of the training core's `mse`.
///
/// W has shape (outputs, inputs) and is stored row-major, as an MLP's W1; the loss is
/// 1/(2B) sum over the batch and outputs of (y_hat - y)^2, its gradient (1/B) (Y_hat - Y)^T X.
public final class BiasFreeLinear: DataModel {
    public let inputCount: Int
    public let outputCount: Int
    public var parameterCount: Int { inputCount * outputCount }
    public var groups: [(name: String, range: Range<Int>)] { [("W1", 0..<parameterCount)] }
    public var hasTrueGradient: Bool { true }
    private var outputs = UnsafeMutablePointer<Double>.allocate(capacity: 1)
    private var outputCapacity = 1

    public init(inputs: Int, outputs: Int = 1) {
        inputCount = inputs
        outputCount = outputs
    }

    deinit { outputs.deallocate() }

    public func predict(_ params: UnsafePointer<Double>, inputs: UnsafePointer<Double>, count: Int) -> UnsafePointer<Double> {
        let d = inputCount, k = outputCount
        if count * k > outputCapacity {
            outputs.deallocate()
            outputCapacity = count * k
            outputs = .allocate(capacity: outputCapacity)
        }
        for r in 0..<count {
            let x = inputs + r * d
            for j in 0..<k {
                let w = params + j * d
                var s = 0.0
                for i in 0..<d { s += w[i] * x[i] }
                outputs[r * k + j] = s
            }
        }
        return UnsafePointer(outputs)
    }

    public func loss(_ params: UnsafePointer<Double>, inputs: UnsafePointer<Double>, targets: UnsafePointer<Double>, count: Int) -> Double {
        let out = predict(params, inputs: inputs, count: count)
        var total = 0.0
        for i in 0..<(count * outputCount) { let e = out[i] - targets[i]; total += 0.5 * e * e }
        return total / Double(count)
    }

    public func lossAndGradient(_ params: UnsafePointer<Double>, inputs: UnsafePointer<Double>, targets: UnsafePointer<Double>,
                                count: Int, gradient: UnsafeMutablePointer<Double>) -> Double {
        let d = inputCount, k = outputCount
        let out = predict(params, inputs: inputs, count: count)
        gradient.update(repeating: 0, count: parameterCount)
        var total = 0.0
        let scale = 1 / Double(count)
        for r in 0..<count {
            let x = inputs + r * d
            for j in 0..<k {
                let e = out[r * k + j] - targets[r * k + j]
                total += 0.5 * e * e
                let g = gradient + j * d
                for i in 0..<d { g[i] += e * scale * x[i] }
            }
        }
        return total * scale
    }
}

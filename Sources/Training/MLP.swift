#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fully connected network with backpropagation by the course's delta recursion:
/// delta^L = dL/dz^L, dL/dW_l = (delta^l)^T a^(l-1), dL/db_l = sum of delta^l over the batch,
/// delta^(l-1) = (delta^l W_l) * f'(z^(l-1)). Losses and gradients are batch means.
///
/// Buffers are allocated once per batch capacity and reused; the object is not thread-safe.
public final class MLP {
    public let spec: MLPSpec
    private let sizes: [Int]
    private var capacity = 0
    /// z[l] and a[l] for l = 1...L (index 0 unused: a^0 is the caller's input).
    private var z: [UnsafeMutablePointer<Double>] = []
    private var a: [UnsafeMutablePointer<Double>] = []
    private var delta: [UnsafeMutablePointer<Double>] = []
    private var scratch: UnsafeMutablePointer<Double>
    /// Zero biases and a sink for their gradient, for a network without biases.
    private let zeroBias: UnsafeMutablePointer<Double>
    private let biasSink: UnsafeMutablePointer<Double>
    /// The shape-aware kernel for one thin hidden layer, when it applies.
    private let fused: FusedOneHiddenLayer?

    /// `allowFused: false` forces the general layer-by-layer loops (to test one against the other).
    public init(spec: MLPSpec, allowFused: Bool = true) {
        self.spec = spec
        self.sizes = spec.layers
        scratch = .allocate(capacity: 1)
        let widest = max(1, spec.layers.max() ?? 1)
        zeroBias = .allocate(capacity: widest)
        zeroBias.initialize(repeating: 0, count: widest)
        biasSink = .allocate(capacity: widest)
        fused = allowFused && FusedOneHiddenLayer.supports(spec) ? FusedOneHiddenLayer(spec: spec) : nil
    }

    deinit {
        release()
        zeroBias.deallocate()
        biasSink.deallocate()
    }

    private func release() {
        for p in z + a + delta { p.deallocate() }
        scratch.deallocate()
        z = []; a = []; delta = []
    }

    private func reserve(_ rows: Int) {
        guard rows > capacity else { return }
        release()
        capacity = rows
        // Layer 0 is the caller's input: no buffers of the input's size (784 x 60,000 for the MNIST lab).
        let width = sizes.indices.map { $0 == 0 ? 0 : sizes[$0] }
        z = width.map { UnsafeMutablePointer<Double>.allocate(capacity: max(1, $0 * rows)) }
        a = width.map { UnsafeMutablePointer<Double>.allocate(capacity: max(1, $0 * rows)) }
        delta = width.map { UnsafeMutablePointer<Double>.allocate(capacity: max(1, $0 * rows)) }
        scratch = .allocate(capacity: max(1, (sizes.last ?? 1) * rows))
    }

    // MARK: Forward

    /// Runs the network on `count` rows of `inputs` (row-major, count x n_0); returns the
    /// outputs (count x n_L), valid until the next call.
    @discardableResult
    public func forward(_ params: UnsafePointer<Double>, inputs: UnsafePointer<Double>, count: Int) -> UnsafePointer<Double> {
        reserve(count)
        let L = sizes.count - 1
        if let fused {
            fused.forward(params, spec: spec, inputs: inputs, count: count, z2: z[L])
            applyOutput(z[L], a[L], rows: count, width: sizes[L])
            return UnsafePointer(a[L])
        }
        var input = inputs
        for l in 1...L {
            let nIn = sizes[l - 1], nOut = sizes[l]
            let w = params + spec.weightOffset(l), b = spec.bias ? params + spec.biasOffset(l) : UnsafePointer(zeroBias)
            if BLASKernels.use(rows: count, nIn: nIn, nOut: nOut) {
                BLASKernels.affine(input: input, rows: count, nIn: nIn, weights: w, bias: b, nOut: nOut, out: z[l])
            } else {
                Kernels.affine(input: input, rows: count, nIn: nIn, weights: w, bias: b, nOut: nOut, out: z[l])
            }
            let n = count * nOut
            if l < L {
                let f = spec.activation
                let zl = z[l], al = a[l]
                switch f {
                case .relu: for i in 0..<n { al[i] = zl[i] > 0 ? zl[i] : 0 }
                default: for i in 0..<n { al[i] = f.apply(zl[i]) }
                }
            } else {
                applyOutput(z[l], a[l], rows: count, width: nOut)
            }
            input = UnsafePointer(a[l])
        }
        return UnsafePointer(a[L])
    }

    private func applyOutput(_ zl: UnsafeMutablePointer<Double>, _ al: UnsafeMutablePointer<Double>, rows: Int, width: Int) {
        switch spec.output {
        case .linear: al.update(from: zl, count: rows * width)
        case .relu: for i in 0..<(rows * width) { al[i] = zl[i] > 0 ? zl[i] : 0 }
        case .sigmoid: for i in 0..<(rows * width) { al[i] = Sigmoid.value(zl[i]) }
        case .softmax:
            for r in 0..<rows {
                let zr = zl + r * width, ar = al + r * width
                var m = -Double.infinity
                for j in 0..<width { m = max(m, zr[j]) }
                var s = 0.0
                for j in 0..<width { ar[j] = exp(zr[j] - m); s += ar[j] }
                for j in 0..<width { ar[j] /= s }
            }
        }
    }

    // MARK: Loss

    /// The batch-mean (or, for `reduction: .sum`, summed) loss of the last `forward` against `targets` (count x n_L).
    private func lossOfLastForward(targets: UnsafePointer<Double>, count: Int) -> Double {
        let L = sizes.count - 1, k = sizes[L]
        let out = a[L], zl = z[L]
        var total = 0.0
        switch spec.loss {
        case .mse:
            for i in 0..<(count * k) { let d = out[i] - targets[i]; total += 0.5 * d * d }
        case .bce:
            // From the logits: -[y log s(z) + (1 - y) log(1 - s(z))] = y softplus(-z) + (1 - y) softplus(z).
            for i in 0..<(count * k) {
                let y = targets[i], v = zl[i]
                total += y * Sigmoid.softplus(-v) + (1 - y) * Sigmoid.softplus(v)
            }
        case .ce:
            // -sum_j y_j log p_j = sum_j y_j (logsumexp(z) - z_j).
            for r in 0..<count {
                let zr = zl + r * k, t = targets + r * k
                var m = -Double.infinity
                for j in 0..<k { m = max(m, zr[j]) }
                var s = 0.0
                for j in 0..<k { s += exp(zr[j] - m) }
                let lse = m + log(s)
                for j in 0..<k where t[j] != 0 { total += t[j] * (lse - zr[j]) }
            }
        }
        return spec.reduction == .mean ? total / Double(count) : total
    }

    /// The batch-mean loss on `count` rows.
    public func loss(_ params: UnsafePointer<Double>, inputs: UnsafePointer<Double>, targets: UnsafePointer<Double>, count: Int) -> Double {
        forward(params, inputs: inputs, count: count)
        return lossOfLastForward(targets: targets, count: count)
    }

    /// The batch-mean loss and its gradient (written to `gradient`, parameterCount values).
    public func lossAndGradient(_ params: UnsafePointer<Double>, inputs: UnsafePointer<Double>, targets: UnsafePointer<Double>,
                                count: Int, gradient: UnsafeMutablePointer<Double>) -> Double {
        forward(params, inputs: inputs, count: count)
        let loss = lossOfLastForward(targets: targets, count: count)
        let L = sizes.count - 1, k = sizes[L]
        let out = a[L], dl = delta[L]
        let scale = spec.reduction == .mean ? 1 / Double(count) : 1
        switch (spec.loss, spec.output) {
        case (.bce, .sigmoid), (.ce, .softmax):
            // The cancellation of course texts 000 and 002 ch. 7: dL/dz = a - y (ce: p * sum(y) - y).
            if spec.loss == .ce {
                for r in 0..<count {
                    let t = targets + r * k
                    var ts = 0.0
                    for j in 0..<k { ts += t[j] }
                    for j in 0..<k { dl[r * k + j] = (out[r * k + j] * ts - t[j]) * scale }
                }
            } else {
                for i in 0..<(count * k) { dl[i] = (out[i] - targets[i]) * scale }
            }
        default:
            // MSE: dL/dy_hat = (y_hat - y) / B, then through the output activation.
            for i in 0..<(count * k) { scratch[i] = (out[i] - targets[i]) * scale }
            outputDelta(outputGradient: scratch, rows: count)
        }
        backpropagate(params, inputs: inputs, count: count, gradient: gradient)
        return loss
    }

    /// Backpropagates a given dL/dy_hat (count x n_L, not rescaled) through the last `forward`
    /// on the same inputs; writes dL/dparameters to `gradient`.
    public func backward(_ params: UnsafePointer<Double>, inputs: UnsafePointer<Double>, count: Int,
                         outputGradient: UnsafePointer<Double>, gradient: UnsafeMutablePointer<Double>) {
        outputDelta(outputGradient: outputGradient, rows: count)
        backpropagate(params, inputs: inputs, count: count, gradient: gradient)
    }

    /// delta^L = dL/dy_hat * f_out'(z^L) (softmax: its Jacobian, p_j (g_j - sum_k g_k p_k)).
    private func outputDelta(outputGradient g: UnsafePointer<Double>, rows: Int) {
        let L = sizes.count - 1, k = sizes[L]
        let out = a[L], dl = delta[L]
        switch spec.output {
        case .linear: dl.update(from: g, count: rows * k)
        case .relu: for i in 0..<(rows * k) { dl[i] = a[L][i] > 0 ? g[i] : 0 }
        case .sigmoid: for i in 0..<(rows * k) { dl[i] = g[i] * out[i] * (1 - out[i]) }
        case .softmax:
            for r in 0..<rows {
                var dot = 0.0
                for j in 0..<k { dot += g[r * k + j] * out[r * k + j] }
                for j in 0..<k { dl[r * k + j] = out[r * k + j] * (g[r * k + j] - dot) }
            }
        }
    }

    /// The delta recursion from delta^L down to the first layer.
    private func backpropagate(_ params: UnsafePointer<Double>, inputs: UnsafePointer<Double>, count: Int,
                               gradient: UnsafeMutablePointer<Double>) {
        let L = sizes.count - 1
        if let fused {
            fused.backward(spec: spec, inputs: inputs, count: count, delta: delta[L], gradient: gradient)
            return
        }
        gradient.update(repeating: 0, count: spec.parameterCount)
        for l in stride(from: L, through: 1, by: -1) {
            let nIn = sizes[l - 1], nOut = sizes[l]
            let previous: UnsafePointer<Double> = l == 1 ? inputs : UnsafePointer(a[l - 1])
            let dW = gradient + spec.weightOffset(l), db = spec.bias ? gradient + spec.biasOffset(l) : biasSink
            let blas = BLASKernels.use(rows: count, nIn: nIn, nOut: nOut)
            if blas {
                BLASKernels.accumulateOuter(delta: delta[l], rows: count, nOut: nOut, activations: previous, nIn: nIn, dW: dW, db: db)
            } else {
                Kernels.accumulateOuter(delta: delta[l], rows: count, nOut: nOut, activations: previous, nIn: nIn, dW: dW, db: db)
            }
            if l > 1 {
                let w = params + spec.weightOffset(l)
                let dPrev = delta[l - 1]
                if blas {
                    BLASKernels.backpropagate(delta: delta[l], rows: count, nOut: nOut, weights: w, nIn: nIn, out: dPrev)
                } else {
                    Kernels.backpropagate(delta: delta[l], rows: count, nOut: nOut, weights: w, nIn: nIn, out: dPrev)
                }
                let zp = z[l - 1], ap = a[l - 1], f = spec.activation
                let n = count * nIn
                switch f {
                case .relu: for i in 0..<n where !(zp[i] > 0) { dPrev[i] = 0 }
                default: for i in 0..<n { dPrev[i] *= f.derivative(z: zp[i], a: ap[i]) }
                }
            }
        }
    }
}

extension MLP {
    /// Array convenience: the outputs for `inputs` (count x n_0).
    public func forward(_ params: [Double], inputs: [Double]) -> [Double] {
        let count = inputs.count / spec.inputCount
        return params.withUnsafeBufferPointer { p in
            inputs.withUnsafeBufferPointer { x in
                let out = forward(p.baseAddress!, inputs: x.baseAddress!, count: count)
                return Array(UnsafeBufferPointer(start: out, count: count * spec.outputCount))
            }
        }
    }

    /// Array convenience: the batch-mean loss and gradient.
    public func lossAndGradient(_ params: [Double], inputs: [Double], targets: [Double]) -> (loss: Double, gradient: [Double]) {
        let count = inputs.count / spec.inputCount
        var gradient = [Double](repeating: 0, count: spec.parameterCount)
        let loss = params.withUnsafeBufferPointer { p in
            inputs.withUnsafeBufferPointer { x in
                targets.withUnsafeBufferPointer { t in
                    gradient.withUnsafeMutableBufferPointer { g in
                        lossAndGradient(p.baseAddress!, inputs: x.baseAddress!, targets: t.baseAddress!, count: count, gradient: g.baseAddress!)
                    }
                }
            }
        }
        return (loss, gradient)
    }

    /// Array convenience: the batch-mean loss.
    public func loss(_ params: [Double], inputs: [Double], targets: [Double]) -> Double {
        let count = inputs.count / spec.inputCount
        return params.withUnsafeBufferPointer { p in
            inputs.withUnsafeBufferPointer { x in
                targets.withUnsafeBufferPointer { t in
                    loss(p.baseAddress!, inputs: x.baseAddress!, targets: t.baseAddress!, count: count)
                }
            }
        }
    }

    /// Array convenience: backpropagates a given dL/dy_hat for `inputs`.
    public func gradient(_ params: [Double], inputs: [Double], outputGradient: [Double]) -> [Double] {
        let count = inputs.count / spec.inputCount
        var gradient = [Double](repeating: 0, count: spec.parameterCount)
        params.withUnsafeBufferPointer { p in
            inputs.withUnsafeBufferPointer { x in
                outputGradient.withUnsafeBufferPointer { g in
                    gradient.withUnsafeMutableBufferPointer { out in
                        forward(p.baseAddress!, inputs: x.baseAddress!, count: count)
                        backward(p.baseAddress!, inputs: x.baseAddress!, count: count, outputGradient: g.baseAddress!,
                                 gradient: out.baseAddress!)
                    }
                }
            }
        }
        return gradient
    }
}

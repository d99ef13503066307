/// The dense loops of the network: row-major, contiguous, no allocation.
enum Kernels {
    /// out[i, o] = bias[o] + sum_k input[i, k] weights[o, k].
    static func affine(input: UnsafePointer<Double>, rows: Int, nIn: Int, weights: UnsafePointer<Double>,
                       bias: UnsafePointer<Double>, nOut: Int, out: UnsafeMutablePointer<Double>) {
        for i in 0..<rows {
            let x = input + i * nIn, o = out + i * nOut
            switch nIn {
            case 1:
                let x0 = x[0]
                for j in 0..<nOut { o[j] = bias[j] + x0 * weights[j] }
            case 2:
                let x0 = x[0], x1 = x[1]
                for j in 0..<nOut { o[j] = bias[j] + x0 * weights[2 * j] + x1 * weights[2 * j + 1] }
            case 3:
                let x0 = x[0], x1 = x[1], x2 = x[2]
                for j in 0..<nOut { o[j] = bias[j] + x0 * weights[3 * j] + x1 * weights[3 * j + 1] + x2 * weights[3 * j + 2] }
            default:
                for j in 0..<nOut { o[j] = bias[j] + dot(x, weights + j * nIn, nIn) }
            }
        }
    }

    /// sum_k a[k] b[k] with four accumulators.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var k = 0
        while k + 4 <= n {
            s0 += a[k] * b[k]; s1 += a[k + 1] * b[k + 1]; s2 += a[k + 2] * b[k + 2]; s3 += a[k + 3] * b[k + 3]
            k += 4
        }
        while k < n { s0 += a[k] * b[k]; k += 1 }
        return (s0 + s1) + (s2 + s3)
    }

    /// dW[o, k] += sum_i delta[i, o] activations[i, k]; db[o] += sum_i delta[i, o].
    static func accumulateOuter(delta: UnsafePointer<Double>, rows: Int, nOut: Int, activations: UnsafePointer<Double>,
                                nIn: Int, dW: UnsafeMutablePointer<Double>, db: UnsafeMutablePointer<Double>) {
        for i in 0..<rows {
            let d = delta + i * nOut, x = activations + i * nIn
            for o in 0..<nOut { db[o] += d[o] }
            switch nIn {
            case 1:
                let x0 = x[0]
                for o in 0..<nOut { dW[o] += d[o] * x0 }
            case 2:
                let x0 = x[0], x1 = x[1]
                for o in 0..<nOut { dW[2 * o] += d[o] * x0; dW[2 * o + 1] += d[o] * x1 }
            default:
                for o in 0..<nOut {
                    let g = d[o]
                    if g == 0 { continue }
                    let row = dW + o * nIn
                    for k in 0..<nIn { row[k] += g * x[k] }
                }
            }
        }
    }

    /// out[i, k] = sum_o delta[i, o] weights[o, k] (dL/da^(l-1) before the activation derivative).
    static func backpropagate(delta: UnsafePointer<Double>, rows: Int, nOut: Int, weights: UnsafePointer<Double>,
                              nIn: Int, out: UnsafeMutablePointer<Double>) {
        for i in 0..<rows {
            let d = delta + i * nOut, o = out + i * nIn
            o.update(repeating: 0, count: nIn)
            for j in 0..<nOut {
                let g = d[j]
                if g == 0 { continue }
                let w = weights + j * nIn
                for k in 0..<nIn { o[k] += g * w[k] }
            }
        }
    }
}

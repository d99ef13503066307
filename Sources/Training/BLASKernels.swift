import COpenBLAS

/// The general network path's matrix products through OpenBLAS's dgemm, for layers large enough
/// that a tuned GEMM wins (`use(rows:nIn:nOut:)`); smaller layers keep the loops of `Kernels`.
/// Row-major throughout, with the same meaning as the `Kernels` functions they replace.
enum BLASKernels {
    /// Multiply-adds of one layer product from which dgemm is used.
    static let threshold = 1 << 18

    static func use(rows: Int, nIn: Int, nOut: Int) -> Bool { rows * nIn * nOut >= threshold }

    /// out = bias (broadcast over rows) + input (rows x nIn) W^T (W: nOut x nIn).
    static func affine(input: UnsafePointer<Double>, rows: Int, nIn: Int, weights: UnsafePointer<Double>,
                       bias: UnsafePointer<Double>, nOut: Int, out: UnsafeMutablePointer<Double>) {
        for i in 0..<rows { (out + i * nOut).update(from: bias, count: nOut) }
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(nOut), Int32(nIn), 1, input, Int32(nIn),
                    weights, Int32(nIn), 1, out, Int32(nOut))
    }

    /// dW += delta^T (nOut x rows) activations (rows x nIn); db += column sums of delta.
    static func accumulateOuter(delta: UnsafePointer<Double>, rows: Int, nOut: Int, activations: UnsafePointer<Double>,
                                nIn: Int, dW: UnsafeMutablePointer<Double>, db: UnsafeMutablePointer<Double>) {
        cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(nOut), Int32(nIn), Int32(rows), 1, delta, Int32(nOut),
                    activations, Int32(nIn), 1, dW, Int32(nIn))
        for i in 0..<rows {
            let d = delta + i * nOut
            for o in 0..<nOut { db[o] += d[o] }
        }
    }

    /// out (rows x nIn) = delta (rows x nOut) W (nOut x nIn).
    static func backpropagate(delta: UnsafePointer<Double>, rows: Int, nOut: Int, weights: UnsafePointer<Double>,
                              nIn: Int, out: UnsafeMutablePointer<Double>) {
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(nIn), Int32(nOut), 1, delta, Int32(nOut),
                    weights, Int32(nIn), 0, out, Int32(nIn))
    }
}

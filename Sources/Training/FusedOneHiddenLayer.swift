import CTrainingKernels
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The shape-aware path for d -> h (ReLU or identity) -> k with d, k <= 4, as the course's labs
/// (2 -> 1000 -> 3). The hidden layer is never stored: the forward pass keeps h only in registers
/// on its way to z^2, and the backward pass recomputes z^1 = x W1^T + b1 (d multiply-adds) while it
/// accumulates dW2 += delta^2 h, delta^1 = (delta^2 W2) * f'(z^1), dW1 += delta^1 x, db1 += delta^1,
/// hidden units in SIMD lanes and the batch in the inner loop, so every sum over the batch runs in
/// sample order (the same numbers on every machine and thread count).
final class FusedOneHiddenLayer: @unchecked Sendable {  // worker threads write disjoint rows or units
    /// Hidden units per vector in the C kernels.
    static let lanes = 4

    let d: Int, h: Int, k: Int, relu: Bool
    /// Hidden size rounded up to whole SIMD vectors; padding units have zero weights.
    let hp: Int
    private let w1t: UnsafeMutablePointer<Double>  // d x hp, W1 transposed
    private let b1: UnsafeMutablePointer<Double>   // hp
    private let w2: UnsafeMutablePointer<Double>   // k x hp
    private let gw1t: UnsafeMutablePointer<Double> // d x hp
    private let gb1: UnsafeMutablePointer<Double>  // hp
    private let gw2: UnsafeMutablePointer<Double>  // k x hp

    static func supports(_ spec: MLPSpec) -> Bool {
        spec.layers.count == 3 && spec.bias && (spec.activation == .relu || spec.activation == .identity)
            && (1...4).contains(spec.layers[0]) && (1...4).contains(spec.layers[2]) && spec.layers[1] >= 2 * lanes
    }

    init(spec: MLPSpec) {
        d = spec.layers[0]; h = spec.layers[1]; k = spec.layers[2]
        relu = spec.activation == .relu
        hp = (h + Self.lanes - 1) / Self.lanes * Self.lanes
        w1t = .allocate(capacity: d * hp); b1 = .allocate(capacity: hp); w2 = .allocate(capacity: k * hp)
        gw1t = .allocate(capacity: d * hp); gb1 = .allocate(capacity: hp); gw2 = .allocate(capacity: k * hp)
        w1t.initialize(repeating: 0, count: d * hp)
        b1.initialize(repeating: 0, count: hp)
        w2.initialize(repeating: 0, count: k * hp)
    }

    deinit { for p in [w1t, b1, w2, gw1t, gb1, gw2] { p.deallocate() } }

    /// Copies W1 (transposed), b1 and W2 into the padded layout.
    private func load(_ params: UnsafePointer<Double>, spec: MLPSpec) {
        let pw1 = params + spec.weightOffset(1), pb1 = params + spec.biasOffset(1), pw2 = params + spec.weightOffset(2)
        for j in 0..<h {
            for q in 0..<d { w1t[q * hp + j] = pw1[j * d + q] }
            b1[j] = pb1[j]
        }
        for c in 0..<k { (w2 + c * hp).update(from: pw2 + c * h, count: h) }
    }

    /// z^2 (count x k) for `count` rows of `inputs`.
    func forward(_ params: UnsafePointer<Double>, spec: MLPSpec, inputs: UnsafePointer<Double>, count: Int,
                 z2: UnsafeMutablePointer<Double>) {
        load(params, spec: spec)
        let b2 = params + spec.biasOffset(2)
        let parts = Self.parts(work: count * hp)
        if parts > 1 {
            let inputs = UnsafeSendable(inputs), z2 = UnsafeSendable(z2), b2 = UnsafeSendable(b2)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let rows = (count * part / parts)..<(count * (part + 1) / parts)
                self.forward(rows: rows, inputs.value, z2.value, b2.value)
            }
        } else {
            forward(rows: 0..<count, inputs, z2, b2)
        }
    }

    private func forward(rows: Range<Int>, _ inputs: UnsafePointer<Double>, _ z2: UnsafeMutablePointer<Double>,
                         _ b2: UnsafePointer<Double>) {
        descent_fused_forward(Int32(d), Int32(k), hp, relu ? 1 : 0, w1t, b1, w2, b2, inputs, rows.lowerBound, rows.upperBound, z2)
    }

    /// The gradient of W1, b1, W2, b2 from delta^2 (count x k) of the last forward's parameters.
    func backward(spec: MLPSpec, inputs: UnsafePointer<Double>, count: Int, delta: UnsafePointer<Double>,
                  gradient: UnsafeMutablePointer<Double>) {
        let chunks = hp / Self.lanes
        let parts = Self.parts(work: count * hp)
        if parts > 1 {
            let sendInputs = UnsafeSendable(inputs), sendDelta = UnsafeSendable(delta)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let units = (chunks * part / parts * Self.lanes)..<(chunks * (part + 1) / parts * Self.lanes)
                self.backward(units: units, sendInputs.value, count, sendDelta.value)
            }
        } else {
            backward(units: 0..<hp, inputs, count, delta)
        }
        finishBackward(spec: spec, count: count, delta: delta, gradient: gradient)
    }

    private func backward(units: Range<Int>, _ inputs: UnsafePointer<Double>, _ count: Int, _ delta: UnsafePointer<Double>) {
        descent_fused_backward(Int32(d), Int32(k), hp, relu ? 1 : 0, w1t, b1, w2, inputs, count, delta, units.lowerBound,
                               units.upperBound, gw1t, gb1, gw2)
    }

    /// Threads for `work` multiply-adds: one below a million, else up to the cores (at most 8).
    static func parts(work: Int) -> Int {
        guard work >= 1_000_000 else { return 1 }
        let cores = max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
        let limit = BLASThreads.kernelLimit.load(ordering: .relaxed)
        return limit > 0 ? min(cores, limit) : cores
    }

    private func finishBackward(spec: MLPSpec, count: Int, delta: UnsafePointer<Double>, gradient: UnsafeMutablePointer<Double>) {
        // Back to the parameter layout.
        let gw1 = gradient + spec.weightOffset(1), gbias1 = gradient + spec.biasOffset(1)
        let gW2 = gradient + spec.weightOffset(2), gbias2 = gradient + spec.biasOffset(2)
        for j in 0..<h {
            for q in 0..<d { gw1[j * d + q] = gw1t[q * hp + j] }
            gbias1[j] = gb1[j]
        }
        for c in 0..<k {
            (gW2 + c * h).update(from: gw2 + c * hp, count: h)
            var s = 0.0
            for r in 0..<count { s += delta[r * k + c] }
            gbias2[c] = s
        }
    }

}

/// A pointer handed to the worker threads, each of which touches its own rows or units.
struct UnsafeSendable<P>: @unchecked Sendable {
    let value: P
    init(_ value: P) { self.value = value }
}

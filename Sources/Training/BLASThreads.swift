import COpenBLAS
import Synchronization

/// How many threads the matrix products use: OpenBLAS's and the fused one-hidden-layer
/// kernels'. Work that already runs in parallel (the figure set renders one figure per core)
/// sets one, so the products do not oversubscribe the cores with threads that wait on each other.
public enum BLASThreads {
    /// The most threads a fused kernel call splits into; 0 means one per core.
    static let kernelLimit = Atomic<Int>(0)

    public static func set(_ count: Int) {
        openblas_set_num_threads(Int32(max(1, count)))
        kernelLimit.store(max(1, count), ordering: .relaxed)
    }
}

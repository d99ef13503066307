import COpenBLAS

/// How many threads OpenBLAS's matrix products use. Work that already runs in parallel (the
/// figure set renders one figure per core) sets one, so the products do not oversubscribe the
/// cores with OpenBLAS's spinning threads.
public enum BLASThreads {
    public static func set(_ count: Int) { openblas_set_num_threads(Int32(max(1, count))) }
}

import COpenBLAS

/// Eigenvalues and eigenvectors of a symmetric matrix by LAPACK's divide-and-conquer solver
/// (`dsyevd`, from OpenBLAS): a trajectory's Gram matrix of up to a few hundred rows in
/// milliseconds, accurate to rounding.
public enum SymmetricEigen {
    /// `matrix` is n x n, row-major and symmetric. Returns the eigenvalues in descending order
    /// and, for each, its unit eigenvector (NaN everywhere if the solver fails).
    public static func decompose(_ matrix: [Double], n: Int) -> (values: [Double], vectors: [[Double]]) {
        precondition(matrix.count == n * n, "the matrix is not n x n")
        guard n > 0 else { return ([], []) }
        // Symmetric, so row-major is column-major; the solver overwrites it with the eigenvectors (columns).
        var a = matrix
        var w = [Double](repeating: 0, count: n)
        var size = Int32(n), info: Int32 = 0
        var workSize = 0.0, iworkSize: Int32 = 0, query: Int32 = -1
        dsyevd_("V", "U", &size, &a, &size, &w, &workSize, &query, &iworkSize, &query, &info, 1, 1)
        var lwork = Int32(workSize), liwork = iworkSize
        var work = [Double](repeating: 0, count: Int(max(1, lwork)))
        var iwork = [Int32](repeating: 0, count: Int(max(1, liwork)))
        if info == 0 { dsyevd_("V", "U", &size, &a, &size, &w, &work, &lwork, &iwork, &liwork, &info, 1, 1) }
        guard info == 0 else {
            return (Array(repeating: .nan, count: n), Array(repeating: Array(repeating: .nan, count: n), count: n))
        }
        // LAPACK gives them ascending.
        let order = Array((0..<n).reversed())
        return (order.map { w[$0] }, order.map { j in Array(a[(j * n)..<(j * n + n)]) })
    }
}

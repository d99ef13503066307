/// TensorBoard's scalar smoothing: a debiased exponential moving average.
///
/// `last = last*w + (1-w)*y; n += 1; out = last / (1 - w^n)`. Non-finite values pass
/// through unchanged and do not advance the average; a series whose finite values are
/// all equal is returned as is (TensorBoard skips smoothing then).
public enum TensorBoardSmoothing {
    public static func smooth(_ ys: [Double], weight w: Double) -> [Double] {
        precondition(w >= 0 && w < 1, "smoothing weight must be in [0, 1)")
        let finite = ys.filter(\.isFinite)
        if let first = finite.first, finite.allSatisfy({ $0 == first }) { return ys }
        var last = 0.0
        var n = 0.0
        var out = [Double]()
        out.reserveCapacity(ys.count)
        for y in ys {
            guard y.isFinite else { out.append(y); continue }
            last = last * w + (1 - w) * y
            n += 1
            let debias = w == 1 ? 1 : 1 - pow(w, n)
            out.append(last / debias)
        }
        return out
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

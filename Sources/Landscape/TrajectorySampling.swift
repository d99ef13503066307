/// Evenly spaced picks from a long trajectory.
public enum TrajectorySampling {
    /// `count` indices spread evenly over 0..<n, the first and last included (all of them when n <= count).
    public static func evenlySpaced(_ n: Int, at count: Int) -> [Int] {
        guard n > count, count >= 2 else { return Array(0..<n) }
        return (0..<count).map { Int((Double($0) * Double(n - 1) / Double(count - 1)).rounded()) }
    }
}

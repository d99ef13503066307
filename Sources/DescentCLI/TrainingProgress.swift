import Foundation
import Training

/// The progress line on a terminal's stderr (epoch, loss, steps per second), shown once a run
/// has lasted a second; never when stderr is not a terminal or with --quiet.
struct TrainingProgress {
    let enabled: Bool
    let total: StopRule
    let batchesPerEpoch: Int
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private var drawn = false

    init(enabled: Bool, total: StopRule, batchesPerEpoch: Int) {
        self.enabled = enabled && isatty(STDERR_FILENO) != 0
        self.total = total
        self.batchesPerEpoch = batchesPerEpoch
    }

    mutating func update(step: Int, epoch: Int?, loss: Double) {
        guard enabled, step & 15 == 0 || step < 16 else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - start > 1_000_000_000, now - lastDraw > 100_000_000 else { return }
        lastDraw = now
        drawn = true
        let rate = Double(step) / (Double(now - start) / 1e9)
        var line = "\r\u{1B}[K"
        switch total {
        case let .epochs(n): line += "epoch \(epoch ?? 0)/\(n)"
        case let .steps(n): line += "step \(step)/\(n)" + (epoch.map { ", epoch \($0)" } ?? "")
        }
        line += "  loss \(TrainJob.format(loss))  \(Int(rate.rounded())) steps/s"
        Diagnostics.write(line)
    }

    mutating func finish() {
        if drawn { Diagnostics.write("\r\u{1B}[K") }
    }
}

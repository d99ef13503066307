import CairoCanvas
import Plot

/// Writes what a loss plot drew as CSV: `run,series,x,y` (and `smoothed` when smoothing),
/// one row per point in plotting order, values as parsed.
enum PlottedDataExport {
    static func csv(_ curves: [LossCurve]) -> String {
        let smoothed = curves.contains { $0.smoothed != nil }
        var out = smoothed ? "run,series,x,y,smoothed\n" : "run,series,x,y\n"
        out.reserveCapacity(curves.reduce(0) { $0 + $1.xs.count } * 32)
        for c in curves {
            let run = field(c.run), series = field(c.series)
            for i in c.xs.indices {
                out += run; out += ","; out += series; out += ","
                out += number(c.xs[i]); out += ","; out += number(c.ys[i])
                if smoothed {
                    out += ","
                    if let s = c.smoothed { out += number(s[i]) }
                }
                out += "\n"
            }
        }
        return out
    }

    static func write(_ curves: [LossCurve], to path: String) throws {
        do {
            try AtomicFile.write(text: csv(curves), to: path)
        } catch let e as OutputError {
            throw UserError(e.description)
        }
    }

    /// Shortest text that reads back as the same Double; `nan`, `inf`, `-inf` for the rest.
    static func number(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation

/// `LOW,HIGH` for a range option (`--xlim`, `--ylim`), shared by plot and landscape. Either
/// side may start with a minus sign; the range must be finite and have a finite width.
struct RangeOption: Equatable {
    /// nil = automatic (only where the option allows an empty side, as plot's `--ylim ,1`).
    var lower: Double?
    var upper: Double?

    /// Parses `text` for `option`; `openEnded` lets either side be left empty.
    init(_ text: String, option: String, openEnded: Bool) throws {
        let usage = openEnded ? "expected LOW,HIGH (either may be empty), e.g. -1,2 or ,1" : "expected LOW,HIGH with LOW < HIGH, e.g. -2,2"
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        guard parts.count == 2 else { throw UserError("\(option) '\(text)': \(usage)") }
        func number(_ s: String) throws -> Double? {
            if s.isEmpty && openEnded { return nil }
            guard let v = Double(s) else { throw UserError("\(option) '\(text)': '\(s)' is not a number; \(usage)") }
            guard v.isFinite else { throw UserError("\(option) '\(text)': '\(s)' is not finite; \(usage)") }
            return v
        }
        lower = try number(parts[0])
        upper = try number(parts[1])
        if let lo = lower, let hi = upper {
            guard lo < hi else { throw UserError("\(option) '\(text)': \(usage)") }
            guard (hi - lo).isFinite else {
                throw UserError("\(option) '\(text)': the width HIGH - LOW overflows; expected a range narrower than \(Double.greatestFiniteMagnitude)")
            }
        }
    }

    /// Both ends, for options that need them.
    var closed: ClosedRange<Double>? {
        guard let lower, let upper else { return nil }
        return lower...upper
    }
}

/// `X,Y` for a point option (`--start`); either coordinate may start with a minus sign.
struct PointOption: Equatable {
    var x: Double
    var y: Double

    init(_ text: String, option: String) throws {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Double(String($0).trimmingSpaces) }
        guard parts.count == 2, let x = parts[0], let y = parts[1], x.isFinite, y.isFinite else {
            throw UserError("\(option) '\(text)': expected X,Y, e.g. -1.5,2")
        }
        self.x = x
        self.y = y
    }
}

/// `WIDTHxHEIGHT` in pixels (`--size`).
struct PixelSizeOption: Equatable {
    var width: Int
    var height: Int

    init(_ text: String, option: String) throws {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w >= 100, h >= 80, w <= 20000, h <= 20000 else {
            throw UserError("\(option) '\(text)': expected WIDTHxHEIGHT in pixels, e.g. 960x600 (100x80 to 20000x20000)")
        }
        width = w
        height = h
    }
}

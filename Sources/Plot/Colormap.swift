#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Canvas

/// A colour map: 256 colours from low to high, looked up like matplotlib's `ListedColormap`
/// (entry floor(t * 256), clamped).
public struct Colormap: Sendable, Equatable {
    public var name: String
    /// Flat r, g, b triples in 0...1, 256 entries.
    public var table: [Double]

    /// The names accepted by `named`.
    public static let names = ["viridis", "magma", "inferno", "cividis", "rdbu"]

    public static let viridis = Colormap(name: "viridis", table: ColormapTables.viridis)
    public static let magma = Colormap(name: "magma", table: ColormapTables.magma)
    public static let inferno = Colormap(name: "inferno", table: ColormapTables.inferno)
    public static let cividis = Colormap(name: "cividis", table: ColormapTables.cividis)

    /// A diverging map for signed surfaces: ColorBrewer's 11-class RdBu (Cynthia Brewer,
    /// colorbrewer2.org, Apache 2.0), reversed so negative is blue and positive red, with the
    /// 11 published colours interpolated linearly to 256 entries.
    public static let rdbu: Colormap = {
        let anchors: [UInt32] = [0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7,
                                 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B, 0x67001F]
        var t: [Double] = []
        t.reserveCapacity(768)
        for k in 0..<256 {
            let s = Double(k) / 255 * Double(anchors.count - 1)
            let i = min(Int(s), anchors.count - 2), f = s - Double(i)
            let a = Color(hex: anchors[i]), b = Color(hex: anchors[i + 1])
            t += [a.red + (b.red - a.red) * f, a.green + (b.green - a.green) * f, a.blue + (b.blue - a.blue) * f]
        }
        return Colormap(name: "rdbu", table: t)
    }()

    public static func named(_ name: String) -> Colormap? {
        switch name.lowercased() {
        case "viridis": return .viridis
        case "magma": return .magma
        case "inferno": return .inferno
        case "cividis": return .cividis
        case "rdbu", "diverging": return .rdbu
        default: return nil
        }
    }

    /// The table index for a fraction t in [0, 1].
    @inlinable
    public func index(_ t: Double) -> Int {
        let n = table.count / 3
        return t >= 1 ? n - 1 : (t > 0 ? Int(t * Double(n)) : 0)
    }

    /// The colour at fraction t (0 = low end, 1 = high end).
    public func color(_ t: Double) -> Color {
        let k = 3 * index(t)
        return Color(red: table[k], green: table[k + 1], blue: table[k + 2])
    }

    /// The 256 entries as 8-bit RGB, for fast rasterising.
    public var bytes: [UInt8] {
        table.map { UInt8(max(0, min(255, ($0 * 255).rounded()))) }
    }
}

/// How values map to the colour map: linearly or by their logarithm, between two limits
/// (an `AxisScale` over a range, as the axes use).
public struct ColorScale: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var kind: AxisScale

    public init(lower: Double, upper: Double, kind: AxisScale) {
        self.lower = lower; self.upper = upper; self.kind = kind
    }

    public init(lower: Double, upper: Double, isLog: Bool) {
        self.init(lower: lower, upper: upper, kind: isLog ? .log : .linear)
    }

    public var isLog: Bool { kind == .log }

    /// The fraction in [0, 1] for `v` (values beyond the limits clamp to the ends; on a log
    /// scale, zero and below take the low end), or nil for NaN and ±Inf.
    @inlinable
    public func fraction(_ v: Double) -> Double? {
        guard v.isFinite else { return nil }
        if kind == .log {
            guard v > 0 else { return 0 }
            let t = kind.fraction(v, lower: lower, upper: upper)
            return min(1, max(0, t.isFinite ? t : 0))
        }
        let span = upper - lower
        return span > 0 ? min(1, max(0, (v - lower) / span)) : 0.5
    }

    /// The value at fraction `t` of the range (0 = lower).
    public func value(atFraction t: Double) -> Double { kind.value(atFraction: t, lower: lower, upper: upper) }

    /// Tick proposals over the range.
    public func ticks(maxTicks: Int) -> [Tick] { kind.ticks(lower: lower, upper: upper, maxTicks: maxTicks) }
}

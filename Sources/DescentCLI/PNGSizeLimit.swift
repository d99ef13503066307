import Canvas

/// How big a PNG `descent graph` rasterises: at most 30,000 pixels a side (what Cairo's image
/// surfaces and common viewers handle) and 250 Mpx (1 GB of pixels in memory).
enum PNGSizeLimit {
    static let maximumSide = 30_000
    static let maximumPixels = 250_000_000

    /// Nil when `size` (points) fits at `asked` dpi; otherwise the largest dpi (to 0.1) that fits,
    /// with the pixel size the asked dpi would have needed ("37169x15584").
    static func largestDPI(for size: Size, asked: Double) -> (dpi: Double, askedPixels: String)? {
        func pixels(_ dpi: Double) -> (Int, Int) { (Int((size.width * dpi / 72).rounded()), Int((size.height * dpi / 72).rounded())) }
        func fits(_ dpi: Double) -> Bool {
            let (w, h) = pixels(dpi)
            return max(w, h) <= maximumSide && w * h <= maximumPixels
        }
        if fits(asked) { return nil }
        let (w, h) = pixels(asked)
        let bySide = Double(maximumSide) * 72 / max(size.width, size.height)
        let byArea = (Double(maximumPixels) / (size.width * size.height)).squareRoot() * 72
        var dpi = (min(bySide, byArea) * 10).rounded(.down) / 10
        while dpi > 0.1 && !fits(dpi) { dpi -= 0.1 }
        return (max(0.1, dpi), "\(w)x\(h)")
    }
}

import Training

/// Something with a value and a gradient at every point of a plane: a test function or a
/// two-parameter model's loss on a data set.
public protocol Surface2D: AnyObject {
    func value(_ x: Double, _ y: Double) -> Double
    func gradient(_ x: Double, _ y: Double) -> Point2
    /// Where the surface is usually drawn.
    var domain: Domain2 { get }
    /// Known minima to mark.
    var minima: [Point2] { get }
    /// Axis labels (math-text markup).
    var xName: String { get }
    var yName: String { get }
    var title: String { get }
    /// What the colour bar calls the values ("loss" unless the surface says otherwise).
    var valueName: String { get }
}

extension Surface2D {
    public var valueName: String { "loss" }
}

extension Surface2D {
    /// Samples the surface at `resolution` x `resolution` points over `domain`.
    public func grid(over domain: Domain2, resolution: Int) -> Grid {
        let xs = Grid.axis(domain.x, count: resolution), ys = Grid.axis(domain.y, count: resolution)
        var values = [Double](repeating: 0, count: xs.count * ys.count)
        values.withUnsafeMutableBufferPointer { out in
            for (j, y) in ys.enumerated() {
                let row = j * xs.count
                for (i, x) in xs.enumerated() { out[row + i] = value(x, y) }
            }
        }
        return Grid(xs: xs, ys: ys, values: values)
    }
}

/// A built-in test function as a surface.
public final class FunctionSurface: Surface2D {
    public let function: TestFunction
    public init(_ function: TestFunction) { self.function = function }
    public func value(_ x: Double, _ y: Double) -> Double { function.value(x, y) }
    public func gradient(_ x: Double, _ y: Double) -> Point2 { function.gradient(x, y) }
    public var domain: Domain2 { function.domain }
    public var minima: [Point2] { function.minima }
    public var xName: String { "$x$" }
    public var yName: String { "$y$" }
    public var title: String {
        if case let .quadratic(condition, rotation) = function {
            return "quadratic bowl (condition \(Self.short(condition)), rotation \(Self.short(rotation))°)"
        }
        return function.name
    }

    static func short(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e9 ? String(Int(v)) : String(v) }
}

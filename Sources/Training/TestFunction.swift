#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A point of the plane.
public struct Point2: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

/// A rectangle of the plane: the usual plotting domain of a test function.
public struct Domain2: Sendable, Equatable {
    public var x: ClosedRange<Double>
    public var y: ClosedRange<Double>
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>) { self.x = x; self.y = y }
}

/// The classic 2D optimisation test functions, with analytic gradients, plotting domains
/// and known minima.
public enum TestFunction: Sendable, Equatable {
    case rosenbrock
    case himmelblau
    case beale
    case booth
    case rastrigin
    case ackley
    case sixHumpCamel
    case goldsteinPrice
    case saddle
    /// f = 1/2 p^T H p with H = R(theta) diag(1, condition) R(theta)^T; `rotation` in degrees.
    case quadratic(condition: Double, rotation: Double)

    /// The names accepted by `--function`.
    public static let names = ["rosenbrock", "himmelblau", "beale", "booth", "rastrigin", "ackley",
                               "six-hump-camel", "goldstein-price", "saddle", "quadratic"]

    /// The function called `name` (the quadratic bowl takes its condition number and rotation).
    public static func named(_ name: String, condition: Double = 10, rotation: Double = 0) -> TestFunction? {
        switch name {
        case "rosenbrock": return .rosenbrock
        case "himmelblau": return .himmelblau
        case "beale": return .beale
        case "booth": return .booth
        case "rastrigin": return .rastrigin
        case "ackley": return .ackley
        case "six-hump-camel", "camel": return .sixHumpCamel
        case "goldstein-price": return .goldsteinPrice
        case "saddle": return .saddle
        case "quadratic", "bowl": return .quadratic(condition: condition, rotation: rotation)
        default: return nil
        }
    }

    public var name: String {
        switch self {
        case .rosenbrock: return "rosenbrock"
        case .himmelblau: return "himmelblau"
        case .beale: return "beale"
        case .booth: return "booth"
        case .rastrigin: return "rastrigin"
        case .ackley: return "ackley"
        case .sixHumpCamel: return "six-hump-camel"
        case .goldsteinPrice: return "goldstein-price"
        case .saddle: return "saddle"
        case .quadratic: return "quadratic"
        }
    }

    /// The formula, in the course's TeX-like markup.
    public var formula: String {
        switch self {
        case .rosenbrock: return "$(1 - x)^2 + 100 (y - x^2)^2$"
        case .himmelblau: return "$(x^2 + y - 11)^2 + (x + y^2 - 7)^2$"
        case .beale: return "$(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2$"
        case .booth: return "$(x + 2y - 7)^2 + (2x + y - 5)^2$"
        case .rastrigin: return "$20 + x^2 - 10 \\cos 2\\pi x + y^2 - 10 \\cos 2\\pi y$"
        case .ackley: return "Ackley"
        case .sixHumpCamel: return "$(4 - 2.1x^2 + x^4/3) x^2 + xy + (4y^2 - 4) y^2$"
        case .goldsteinPrice: return "Goldstein-Price"
        case .saddle: return "$x^2 - y^2$"
        case let .quadratic(c, r): return "quadratic bowl, condition \(c), rotation \(r)°"
        }
    }

    /// The usual plotting domain.
    public var domain: Domain2 {
        switch self {
        case .rosenbrock: return Domain2(x: -2...2, y: -1...3)
        case .himmelblau: return Domain2(x: -5...5, y: -5...5)
        case .beale: return Domain2(x: -4.5...4.5, y: -4.5...4.5)
        case .booth: return Domain2(x: -10...10, y: -10...10)
        case .rastrigin: return Domain2(x: -5.12...5.12, y: -5.12...5.12)
        case .ackley: return Domain2(x: -5...5, y: -5...5)
        case .sixHumpCamel: return Domain2(x: -3...3, y: -2...2)
        case .goldsteinPrice: return Domain2(x: -2...2, y: -2...2)
        case .saddle: return Domain2(x: -2...2, y: -2...2)
        case .quadratic: return Domain2(x: -2...2, y: -2...2)
        }
    }

    /// The known global minima (none for the saddle, which is unbounded below).
    public var minima: [Point2] {
        switch self {
        case .rosenbrock: return [Point2(1, 1)]
        case .himmelblau:
            return [Point2(3, 2), Point2(-2.805118086952745, 3.131312518250573),
                    Point2(-3.779310253377747, -3.283185991286170), Point2(3.584428340330492, -1.848126526964404)]
        case .beale: return [Point2(3, 0.5)]
        case .booth: return [Point2(1, 3)]
        case .rastrigin, .ackley, .quadratic: return [Point2(0, 0)]
        case .sixHumpCamel: return [Point2(0.08984201368301331, -0.7126564032704135),
                                    Point2(-0.08984201368301331, 0.7126564032704135)]
        case .goldsteinPrice: return [Point2(0, -1)]
        case .saddle: return []
        }
    }

    /// The value at the minima.
    public var minimumValue: Double? {
        switch self {
        case .sixHumpCamel: return -1.031628453489877
        case .goldsteinPrice: return 3
        case .saddle: return nil
        default: return 0
        }
    }

    public func value(_ p: Point2) -> Double { value(p.x, p.y) }
    public func gradient(_ p: Point2) -> Point2 { gradient(p.x, p.y) }

    public func value(_ x: Double, _ y: Double) -> Double {
        switch self {
        case .rosenbrock:
            let a = 1 - x, b = y - x * x
            return a * a + 100 * b * b
        case .himmelblau:
            let a = x * x + y - 11, b = x + y * y - 7
            return a * a + b * b
        case .beale:
            let t1 = 1.5 - x + x * y, t2 = 2.25 - x + x * y * y, t3 = 2.625 - x + x * y * y * y
            return t1 * t1 + t2 * t2 + t3 * t3
        case .booth:
            let a = x + 2 * y - 7, b = 2 * x + y - 5
            return a * a + b * b
        case .rastrigin:
            return 20 + x * x - 10 * cos(2 * .pi * x) + y * y - 10 * cos(2 * .pi * y)
        case .ackley:
            let r = (0.5 * (x * x + y * y)).squareRoot()
            return -20 * exp(-0.2 * r) - exp(0.5 * (cos(2 * .pi * x) + cos(2 * .pi * y))) + M_E + 20
        case .sixHumpCamel:
            let x2 = x * x
            return (4 - 2.1 * x2 + x2 * x2 / 3) * x2 + x * y + (-4 + 4 * y * y) * y * y
        case .goldsteinPrice:
            let u = x + y + 1, p = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y
            let v = 2 * x - 3 * y, q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y
            return (1 + u * u * p) * (30 + v * v * q)
        case .saddle:
            return x * x - y * y
        case let .quadratic(condition, rotation):
            let h = Self.hessian(condition: condition, rotation: rotation)
            return 0.5 * (h.xx * x * x + 2 * h.xy * x * y + h.yy * y * y)
        }
    }

    public func gradient(_ x: Double, _ y: Double) -> Point2 {
        switch self {
        case .rosenbrock:
            let b = y - x * x
            return Point2(-2 * (1 - x) - 400 * x * b, 200 * b)
        case .himmelblau:
            let a = x * x + y - 11, b = x + y * y - 7
            return Point2(4 * x * a + 2 * b, 2 * a + 4 * y * b)
        case .beale:
            let y2 = y * y, y3 = y2 * y
            let t1 = 1.5 - x + x * y, t2 = 2.25 - x + x * y2, t3 = 2.625 - x + x * y3
            return Point2(2 * t1 * (y - 1) + 2 * t2 * (y2 - 1) + 2 * t3 * (y3 - 1),
                          2 * t1 * x + 2 * t2 * (2 * x * y) + 2 * t3 * (3 * x * y2))
        case .booth:
            let a = x + 2 * y - 7, b = 2 * x + y - 5
            return Point2(2 * a + 4 * b, 4 * a + 2 * b)
        case .rastrigin:
            return Point2(2 * x + 20 * .pi * sin(2 * .pi * x), 2 * y + 20 * .pi * sin(2 * .pi * y))
        case .ackley:
            let r = (0.5 * (x * x + y * y)).squareRoot()
            let e = exp(0.5 * (cos(2 * .pi * x) + cos(2 * .pi * y)))
            // The cone term has no derivative at the origin; 0 there (a subgradient).
            let cone = r > 0 ? 2 * exp(-0.2 * r) / r : 0
            return Point2(cone * x + .pi * sin(2 * .pi * x) * e, cone * y + .pi * sin(2 * .pi * y) * e)
        case .sixHumpCamel:
            let x2 = x * x
            return Point2(8 * x - 8.4 * x2 * x + 2 * x2 * x2 * x + y, x - 8 * y + 16 * y * y * y)
        case .goldsteinPrice:
            let u = x + y + 1, p = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y
            let v = 2 * x - 3 * y, q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y
            let a = 1 + u * u * p, b = 30 + v * v * q
            let dp = -14 + 6 * x + 6 * y  // dp/dx = dp/dy
            let ax = 2 * u * p + u * u * dp, ay = ax
            let bx = 4 * v * q + v * v * (-32 + 24 * x - 36 * y)
            let by = -6 * v * q + v * v * (48 - 36 * x + 54 * y)
            return Point2(ax * b + a * bx, ay * b + a * by)
        case .saddle:
            return Point2(2 * x, -2 * y)
        case let .quadratic(condition, rotation):
            let h = Self.hessian(condition: condition, rotation: rotation)
            return Point2(h.xx * x + h.xy * y, h.xy * x + h.yy * y)
        }
    }

    /// H = R diag(1, condition) R^T with R the rotation by `rotation` degrees.
    static func hessian(condition: Double, rotation: Double) -> (xx: Double, xy: Double, yy: Double) {
        let t = rotation * .pi / 180
        let c = cos(t), s = sin(t)
        return (c * c + condition * s * s, (1 - condition) * c * s, s * s + condition * c * c)
    }
}

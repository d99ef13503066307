#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Autodiff

/// A function of one variable written in the graph language (`w^2`, `sigmoid(z)`), with its
/// value and its derivative by reverse-mode autodiff at any point.
public struct ExpressionCurve: Sendable {
    public let graph: ComputationGraph
    /// The variable's name.
    public let variable: String
    public let source: String
    /// A reverse pass over the graph, prepared once and copied per point.
    private let prepared: ReversePass
    /// Every node of the variable (a name may be read in several places).
    private let variableNodes: [Int]

    /// Parses `source`; the expression must use exactly one variable (`variable` when given).
    public init(_ source: String, variable: String? = nil) throws {
        let graph = try ComputationGraph(parsing: source)
        if graph.nodes.contains(where: { $0.operation?.isArrayOnly == true }) {
            throw CurveError("'\(source)' makes an array ('[...]'): a curve is a function of one number")
        }
        let names = Array(Set(graph.variables.compactMap(\.name))).sorted()
        if let variable {
            guard names.allSatisfy({ $0 == variable }) else {
                throw CurveError("'\(source)' uses \(names.filter { $0 != variable }.map { "'\($0)'" }.joined(separator: ", ")) besides '\(variable)': a curve has one variable")
            }
            self.variable = variable
        } else {
            guard names.count == 1 else {
                throw CurveError(names.isEmpty ? "'\(source)' has no variable to draw against"
                                               : "'\(source)' uses \(names.joined(separator: ", ")): a curve has one variable (say which with 'variable')")
            }
            self.variable = names[0]
        }
        self.graph = graph
        self.source = source
        prepared = ReversePass(graph)
        let name = self.variable
        variableNodes = graph.variables.filter { $0.name == name }.map(\.id)
    }

    /// f(x) and f'(x) (NaN where the expression is undefined).
    public func valueAndDerivative(_ x: Double) -> (value: Double, derivative: Double) {
        var e = evaluator()
        return e.valueAndDerivative(x)
    }

    public func value(_ x: Double) -> Double {
        var e = evaluator()
        return e.value(x)
    }

    /// One pass's buffers for any number of points: `value` and `derivative` copy the prepared
    /// pass for every point, which is most of their cost on a small expression.
    public func evaluator() -> Evaluator { Evaluator(pass: prepared, variableNodes: variableNodes) }

    /// Evaluates the curve at point after point over the same buffers.
    public struct Evaluator {
        var pass: ReversePass
        let variableNodes: [Int]

        public mutating func value(_ x: Double) -> Double {
            for id in variableNodes { pass.set(id, x) }
            pass.forward()
            return pass.values[pass.graph.output]
        }

        public mutating func valueAndDerivative(_ x: Double) -> (value: Double, derivative: Double) {
            let v = value(x)
            pass.backward()
            return (v, variableNodes.reduce(0) { $0 + pass.adjoints[$1] })
        }

        public mutating func derivative(_ x: Double) -> Double { valueAndDerivative(x).derivative }
    }
    public func derivative(_ x: Double) -> Double { valueAndDerivative(x).derivative }

    /// `count` evenly spaced samples of f (or f') over `range`.
    public func samples(over range: ClosedRange<Double>, count: Int, derivative: Bool = false) -> (xs: [Double], ys: [Double]) {
        let n = max(2, count)
        let xs = (0..<n).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(n - 1) }
        var e = evaluator()
        return (xs, xs.map { derivative ? e.derivative($0) : e.value($0) })
    }
}

/// A curve expression that cannot be drawn against one variable.
public struct CurveError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Finite-difference estimates of a derivative and their error against the exact one: the
/// truncation error falls with h (as h for forward, h^2 for centred differences) until
/// round-off, which grows as eps/h, takes over.
public enum FiniteDifference {
    /// The ways to difference: forward (f(x+h) - f(x)) / h, centred (f(x+h) - f(x-h)) / 2h.
    public enum Method: String, Sendable, CaseIterable { case forward, centred }

    public static func estimate(_ f: (Double) -> Double, at x: Double, h: Double, method: Method) -> Double {
        switch method {
        case .forward: return (f(x + h) - f(x)) / h
        case .centred: return (f(x + h) - f(x - h)) / (2 * h)
        }
    }

    /// |estimate - exact| at each h.
    public static func errors(_ curve: ExpressionCurve, at x: Double, hs: [Double], method: Method) -> [Double] {
        let exact = curve.derivative(x)
        return hs.map { abs(estimate(curve.value, at: x, h: $0, method: method) - exact) }
    }

    /// `count` points spaced evenly over `range`, ends included.
    public static func linear(_ range: ClosedRange<Double>, count: Int) -> [Double] {
        let n = max(2, count)
        return (0..<n).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(n - 1) }
    }

    /// `count` step sizes spaced evenly in log from `low` to `high`.
    public static func logSpaced(_ low: Double, _ high: Double, count: Int) -> [Double] {
        let a = log10(low), b = log10(high), n = max(2, count)
        return (0..<n).map { k -> Double in
            let t = Double(k) / Double(n - 1)
            return pow(10, a + (b - a) * t)
        }
    }
}

/// Gradient descent on a function of one variable: w <- w - eta f'(w), every iterate kept.
public enum GradientDescent1D {
    /// The iterates w_0 = start, ..., w_steps (stops early once one is not finite).
    public static func run(_ curve: ExpressionCurve, start: Double, learningRate: Double, steps: Int) -> [Double] {
        var w = start
        var out = [w]
        var e = curve.evaluator()
        for _ in 0..<max(0, steps) {
            w -= learningRate * e.derivative(w)
            out.append(w)
            if !w.isFinite { break }
        }
        return out
    }
}

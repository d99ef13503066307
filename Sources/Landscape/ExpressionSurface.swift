import Autodiff
import Foundation
import Training

/// A surface typed as an expression in x and y (`x^2 + 3*y`, `sin(x) * y`): values from the
/// expression's computation graph, gradients by Autodiff's reverse pass (`ReversePass`), so paths,
/// gradient arrows and fields work as on the built-in functions.
public final class ExpressionSurface: Surface2D, PlaneObjective {
    public let graph: ComputationGraph
    let xNode: Int?, yNode: Int?
    /// Autodiff's forward and backward sweeps, copied per call (so the surface can be shared).
    let prepared: ReversePass

    /// Why a text is not a surface: the message and where in the text.
    public struct Failure: Error, CustomStringConvertible {
        public var error: ExpressionError
        public var description: String { error.message }
    }

    /// Parses `source`; its variables must be x and y (either may be absent).
    public init(parsing source: String) throws {
        graph = try ComputationGraph(parsing: source)
        for v in graph.variables where v.name != "x" && v.name != "y" {
            throw Failure(error: ExpressionError("a surface is a function of x and y; '\(v.name ?? "")' is neither",
                                                 start: v.range.start, end: v.range.end))
        }
        if let array = graph.nodes.first(where: { $0.operation?.isArrayOnly == true }) {
            throw Failure(error: ExpressionError("a surface is a function of numbers; '[...]' makes an array",
                                                 start: array.range.start, end: array.range.end))
        }
        xNode = graph.variables.first { $0.name == "x" }?.id
        yNode = graph.variables.first { $0.name == "y" }?.id
        prepared = ReversePass(graph)
    }

    /// A pass with the values set at (x, y) and the forward sweep done.
    func forward(_ x: Double, _ y: Double) -> ReversePass {
        var pass = prepared
        if let xNode { pass.set(xNode, x) }
        if let yNode { pass.set(yNode, y) }
        pass.forward()
        return pass
    }

    public func value(_ x: Double, _ y: Double) -> Double { forward(x, y).values[graph.output] }

    public func gradient(_ x: Double, _ y: Double) -> Point2 {
        var pass = forward(x, y)
        pass.backward()
        return Point2(xNode.map { pass.adjoints[$0] } ?? 0, yNode.map { pass.adjoints[$0] } ?? 0)
    }

    /// [-2, 2] on both axes unless the command line says otherwise.
    public var domain: Domain2 { Domain2(x: -2...2, y: -2...2) }
    public var minima: [Point2] { [] }
    public var xName: String { "$x$" }
    public var yName: String { "$y$" }
    public var title: String {
        let body = ExpressionMarkup.markup(graph.source)
        return body.hasPrefix("$") ? "$f(x, y) = " + body.dropFirst() : "f(x, y) = " + body
    }
    public var valueName: String { "f(x, y)" }
    public var name: String { graph.source.trimmingCharacters(in: .whitespaces) }
}

import Autodiff
import Foundation
import Training

/// A surface typed as an expression in x and y (`x^2 + 3*y`, `sin(x) * y`): values from the
/// expression's computation graph, gradients by its reverse-mode pass (Autodiff), so paths,
/// gradient arrows and fields work as on the built-in functions.
public final class ExpressionSurface: Surface2D, PlaneObjective {
    public let graph: ComputationGraph
    let xNode: Int?, yNode: Int?

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
        xNode = graph.variables.first { $0.name == "x" }?.id
        yNode = graph.variables.first { $0.name == "y" }?.id
    }

    /// Every node's value at (x, y).
    func forward(_ x: Double, _ y: Double) -> [Double] {
        var values = [Double](repeating: 0, count: graph.nodes.count)
        for node in graph.nodes {
            switch node.kind {
            case .variable: values[node.id] = node.id == xNode ? x : y
            case .constant(let c): values[node.id] = c
            case .named: values[node.id] = values[node.inputs[0]]
            case .gate(let op): values[node.id] = op.value(node.inputs.map { values[$0] })
            }
        }
        return values
    }

    public func value(_ x: Double, _ y: Double) -> Double { forward(x, y)[graph.output] }

    public func gradient(_ x: Double, _ y: Double) -> Point2 {
        let values = forward(x, y)
        var adjoint = [Double](repeating: 0, count: values.count)
        adjoint[graph.output] = 1
        for node in graph.nodes.reversed() {
            let g = adjoint[node.id]
            guard g != 0 else { continue }
            switch node.kind {
            case .named: adjoint[node.inputs[0]] += g
            case .gate(let op):
                let local = op.localDerivatives(node.inputs.map { values[$0] }, output: values[node.id])
                for (k, input) in node.inputs.enumerated() { adjoint[input] += g * local[k] }
            default: break
            }
        }
        return Point2(xNode.map { adjoint[$0] } ?? 0, yNode.map { adjoint[$0] } ?? 0)
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

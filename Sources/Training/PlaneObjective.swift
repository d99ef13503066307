/// A function of two parameters with its gradient: what a `.plane` training problem minimises
/// (a built-in test function, or an expression typed by the user).
public protocol PlaneObjective: Sendable {
    /// How logs and titles name it: the test function's name, or the expression's text.
    var name: String { get }
    func value(_ x: Double, _ y: Double) -> Double
    func gradient(_ x: Double, _ y: Double) -> Point2
}

extension TestFunction: PlaneObjective {}

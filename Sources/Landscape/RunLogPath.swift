import Training

/// A two-parameter run log (`descent train --log`) as a path on a surface.
public enum RunLogPath {
    public typealias Failure = RunLogTrajectory.Failure

    /// The logged parameter pairs, in step order, with the surface's loss at each.
    public static func parse(_ text: String, path: String, label: String, loss: (Double, Double) -> Double) throws -> OptimizerPath {
        try self.path(try RunLogTrajectory.parse(text, path: path), path: path, label: label, loss: loss)
    }

    /// The path of a parsed run log.
    public static func path(_ run: RunLogTrajectory, path: String, label: String, loss: (Double, Double) -> Double) throws -> OptimizerPath {
        guard run.states[0].count == 2 else {
            throw RunLogTrajectory.Failure(description: "\(path):\(run.lines[0]): 'params' has \(run.states[0].count) values; "
                + "a path on this surface needs exactly 2 (" + (run.states[0].count == 3 ? "a linear model on two features: train it with --no-bias; " : "")
                + "a network's log is drawn on a slice: leave out --function and --data)")
        }
        let points = run.states.map { Point2($0[0], $0[1]) }
        return OptimizerPath(label: label, kind: "run", points: points, losses: points.map { loss($0.x, $0.y) })
    }
}

import Foundation
import Training

/// The header and the logged parameter vectors of a `descent train` run log.
public struct RunLogTrajectory: Sendable {
    /// The typed header, nil when the log has none.
    public var header: TrainingLogHeader?
    /// The `params` of each step record, in order.
    public var states: [[Double]]
    /// The 1-based line number of each state, for messages.
    public var lines: [Int]

    /// Why a run log gives no trajectory.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads and parses the run log at `path` (once).
    public static func read(path: String) throws -> RunLogTrajectory {
        do {
            return try RunLogTrajectory(try TrainingLog.read(path: path), path: path)
        } catch let e as TrainingLog.Failure {
            throw Failure(description: e.description)
        }
    }

    /// Parses the text of a run log.
    public static func parse(_ text: String, path: String) throws -> RunLogTrajectory {
        do {
            return try RunLogTrajectory(try TrainingLog.parse(Data(text.utf8), path: path), path: path)
        } catch let e as TrainingLog.Failure {
            throw Failure(description: e.description)
        }
    }

    /// The states of a parsed log; they must all have the same length.
    public init(_ log: TrainingLog, path: String) throws {
        header = log.header
        states = []
        lines = []
        for (step, line) in zip(log.steps, log.stepLines) {
            guard let values = step.params else { continue }
            if let first = states.first, first.count != values.count {
                throw Failure(description: "\(path):\(line): 'params' has \(values.count) values where line \(lines[0]) has \(first.count)")
            }
            states.append(values)
            lines.append(line)
        }
        guard !states.isEmpty else {
            throw Failure(description: log.steps.isEmpty
                ? "\(path): no step records: expected a JSON Lines run log from descent train --log"
                : "\(path): the step records have no 'params' (log them with descent train --log-params)")
        }
    }
}

import Foundation
import Landscape
import Training

/// What a `descent train` run log's header says was trained, rebuilt the way `descent train`
/// built it: a test function, or a model with its training data (same generator, seed, split).
enum RunLogModel {
    /// A test function or an expression, with the surface that draws it.
    case function(any PlaneObjective, surface: Surface2D)
    case model(TrainRequest.ModelSetup)

    /// Rebuilds from `header` (the log's first line); `path` names the log in messages.
    static func rebuild(_ header: [String: Any], path: String) throws -> RunLogModel {
        guard !header.isEmpty else {
            throw UserError("\(path): no header line: expected a run log written by descent train --log")
        }
        if let name = header["function"] as? String {
            let condition = header["condition"] as? Double ?? 10, rotation = header["rotation"] as? Double ?? 0
            if let f = TestFunction.named(name, condition: condition, rotation: rotation) { return .function(f, surface: FunctionSurface(f)) }
            guard let e = try? ExpressionSurface(parsing: name) else {
                throw UserError("\(path): the header names the function '\(name)', which is neither a test function nor an expression in x and y")
            }
            return .function(e, surface: e)
        }
        guard let kind = header["model"] as? String, let data = header["data"] as? String else {
            throw UserError("\(path): the header names neither a function nor a model with its data")
        }
        guard kind != "perceptron" else {
            throw UserError("\(path): the perceptron rule minimises no loss, so it has no surface to slice")
        }
        // The options of descent train that made this model, from the header's fields.
        var arguments = ["--model", kind, "--data", data, "--steps", "0"]
        func add(_ option: String, _ key: String) {
            switch header[key] {
            case let s as String: arguments += [option, s]
            case let n as NSNumber: arguments += [option, n.stringValue]
            case let list as [Any]: arguments += [option, list.map { "\($0)" }.joined(separator: ",")]
            default: break
            }
        }
        if kind == "mlp" { add("--layers", "layers") }
        if (header["bias"] as? NSNumber)?.boolValue == false { arguments.append("--no-bias") }
        for (option, key) in [("--activation", "activation"), ("--output", "output"), ("--loss", "loss"),
                              ("--initialization", "initialization"), ("--samples", "samples"),
                              ("--validation", "validation"), ("--seed", "seed")] {
            add(option, key)
        }
        if !BuiltinData.names.contains(data) {
            add("--features", "features"); add("--target", "targets")
        }
        do {
            let command = try TrainCommand.parse(arguments)
            return .model(try TrainRequest.modelSetup(kind: kind, command))
        } catch let e as UserError {
            throw UserError("\(path): cannot rebuild the logged model: \(e.description)")
        } catch {
            throw UserError("\(path): cannot rebuild the logged model from its header (\(arguments.joined(separator: " ")))")
        }
    }
}

import ArgumentParser

/// The `descent` command: figures for a deep-learning course.
public struct DescentCommand: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "descent",
        abstract: "Figures for gradients, gradient descent and backpropagation.",
        version: version,
        subcommands: [FiguresCommand.self, RenderCommand.self, PlotCommand.self, TrainCommand.self, GraphCommand.self, LandscapeCommand.self, NetworkCommand.self]
    )

    public init() {}

    /// Parses and runs the command. An option value the parser refuses (a typed value outside
    /// its set, a number that is not one, a missing value) is bad input like any other: one line
    /// on stderr, exit status 1. Help, version and the commands' own exit codes pass through.
    public static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                Diagnostics.error(oneLine(message(for: error)) + " (see --help)")
                exit(withError: ExitCode(1))
            }
            exit(withError: error)
        }
    }

    /// The parser's message on one line: a bulleted list of values becomes "a, b, c".
    static func oneLine(_ message: String) -> String {
        let lines = message.split(separator: "\n").map { line in String(line.drop { $0 == " " }) }.filter { !$0.isEmpty }
        guard let first = lines.first else { return message }
        let items = lines.dropFirst().filter { $0.hasPrefix("- ") }.map { $0.dropFirst(2) }
        return items.isEmpty ? lines.joined(separator: " ") : first + " " + items.joined(separator: ", ")
    }
}

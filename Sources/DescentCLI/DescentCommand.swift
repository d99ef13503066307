import ArgumentParser

/// The `descent` command: figures for a deep-learning course.
public struct DescentCommand: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "descent",
        abstract: "Figures for gradients, gradient descent and backpropagation.",
        version: version,
        subcommands: [FiguresCommand.self, RenderCommand.self, PlotCommand.self, TrainCommand.self, GraphCommand.self, LandscapeCommand.self]
    )

    public init() {}
}

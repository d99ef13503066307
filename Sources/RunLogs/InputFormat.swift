/// A format the user can force with `--input-format`, covering the framework flavours.
public enum InputFormat: String, Sendable, CaseIterable {
    case csv, tsv, jsonl, text
    case tensorboard
    case trainerState = "trainer-state"
    case wandb
    case tensorboardCSV = "tensorboard-csv"
    case keras, lightning

    /// The underlying parse format (nil for TensorBoard and trainer_state, which have their own).
    var logFormat: LogFormat? {
        switch self {
        case .csv, .wandb, .tensorboardCSV, .keras, .lightning: return nil  // delimiter sniffed
        case .tsv: return .delimited(separator: 0x09)
        case .jsonl: return .jsonLines
        case .text: return .text
        case .tensorboard: return .tensorBoardEvents
        case .trainerState: return .trainerState
        }
    }

    /// The names, for error messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

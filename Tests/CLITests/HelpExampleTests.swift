import Testing
import Foundation

/// The examples in every command's --help can be pasted: no example is wrapped mid-command,
/// each line of one that goes on ends with " \", and each example runs as far as parsing.
@Suite("Help examples")
struct HelpExampleTests {
    /// The example commands of `help`, continuation lines joined.
    static func examples(_ help: String) -> (commands: [String], brokenLines: [String]) {
        var commands: [String] = [], broken: [String] = []
        var current: String?
        for line in help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let c = current {
                guard line.hasPrefix("    ") else { broken.append(line); current = nil; continue }
                current = c + " " + trimmed
            } else if line.hasPrefix("  descent ") || line.hasPrefix("  python ") {
                current = trimmed
            } else if !line.hasPrefix(" ") && line.hasPrefix("--") {
                broken.append(line)  // an option wrapped onto a line of its own
            }
            if let c = current, !c.hasSuffix(" \\") { commands.append(c); current = nil }
            else if let c = current { current = String(c.dropLast(2)) }
        }
        return (commands, broken)
    }

    @Test("every example is whole and pastable", arguments: ["train", "plot", "landscape", "graph", "network"])
    func pastable(command: String) throws {
        let r = try DescentProcess.run([command, "--help"])
        #expect(r.status == 0)
        let (commands, broken) = Self.examples(r.stdout)
        #expect(!commands.isEmpty, "\(command) --help has examples")
        #expect(broken.isEmpty, "wrapped mid-command: \(broken)")
        for line in r.stdout.split(separator: "\n") where line.hasPrefix("  descent ") || line.hasPrefix("    --") {
            #expect(line.count <= 79, "\(command) --help line wider than the help text: \(line)")
        }
    }
}

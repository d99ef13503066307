import Testing

/// Bad input end to end: descent runs in a fresh directory holding `run.csv` (written for the
/// argument "@run.csv") with `-o x.png` appended, and must print one `descent: error: MESSAGE...`
/// line, exit 1 and write nothing.
enum OneLineFailure {
    static func expect(_ arguments: [String], message: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = try dir.write("run.csv", "step,loss\n0,1\n1,0.5\n")
        let r = try DescentProcess.run(arguments.map { $0 == "@run.csv" ? log : $0 } + ["-o", dir.path("x.png")])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("descent: error: \(message)"), "stderr: \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(dir.files() == ["run.csv"])
    }
}

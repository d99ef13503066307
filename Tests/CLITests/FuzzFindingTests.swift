import Foundation
import Testing

/// Inputs the fuzzers (scripts/fuzz-readers, scripts/fuzz-parser) found crashing a command:
/// each must now be one clear line on stderr, exit 1 and no output file.
@Suite("fuzz findings")
struct FuzzFindingTests {
    @Test("landscape --run: 0xFF bytes after a comma trapped Foundation's JSON5 scanner (exit 132)")
    func invalidUTF8RunLog() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = dir.path("NaN.jsonl")
        let bytes = Array("{\"type\":\"header\",\"function\":\"booth\"}\n{\"a\":1, ".utf8) + [0xFF, 0xFF] + Array("\"b\":2}\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: log))
        let r = try DescentProcess.run(["landscape", "--run", log, "-o", dir.path("x.png")])
        #expect(r.status == 1)
        #expect(r.stderr == "descent: error: \(log):2:9: byte 0xFF is not UTF-8 text; a descent train --log file is UTF-8\n", "\(r.stderr)")
        #expect(dir.files() == ["NaN.jsonl"])
    }
}

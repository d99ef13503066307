import Testing
import RunLogs

@Suite("JSON Lines errors")
struct JSONLinesErrorTests {
    @Test("malformed lines name line, column and what was found", arguments: [
        // Line 3, the 'x' is the 17th character.
        ("{\"a\": 1}\n{\"a\": 2}\n{\"a\": 1, \"b\": 2 x}\n", 3, 17, "expected ',' or '}' after a value, found 'x'"),
        ("{\"epoch\": 3, \"loss\" 0.2}\n", 1, 21, "expected ':' after a key, found '0'"),
        ("{\"a\":1,}\n", 1, 8, "expected '\"' to start a key, found '}'"),
        ("{\"a\":\"x\n", 1, 8, "expected '\"' to end the string, found end of line"),
        ("{\"a\":1\n", 1, 7, "expected ',' or '}' after a value, found end of line"),
        ("{\"a\":tru}\n", 1, 6, "expected a value, found 't'"),
        ("{\"a\":1} {\"b\":2}\n", 1, 9, "expected the end of the line after the object, found '{'"),
        ("hello\n", 1, 1, "expected a JSON object, found 'h'"),
        ("\n\n  {\"a\": [1, 2,]}\n", 3, 15, "expected a value, found ']'"),
    ])
    func malformed(text: String, line: Int, column: Int, message: String) {
        let error = runLogError { _ = try parseLog(text, source: "run.jsonl") }
        #expect(error == RunLogError(file: "run.jsonl", line: line, column: column, message: message))
    }

    @Test func exampleMessageFormat() {
        let error = runLogError { _ = try parseLog("{}\n{}\n{\"a\": 1, \"b\": 2 x}\n", source: "run.jsonl") }
        #expect(error?.description == "run.jsonl:3:17: expected ',' or '}' after a value, found 'x'")
    }

    @Test("valid JSON that is not an object", arguments: ["[1, 2]", "42", "\"step\"", "null", "  true"])
    func notAnObject(line: String) {
        let error = runLogError { _ = try parseLog("{\"a\":1}\n\(line)\n", source: "run.jsonl") }
        let column = line.prefix(while: { $0 == " " }).count + 1
        #expect(error == RunLogError(file: "run.jsonl", line: 2, column: column, message: "expected a JSON object"))
    }
}

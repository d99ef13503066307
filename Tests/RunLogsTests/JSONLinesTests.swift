import Testing
import RunLogs

@Suite("JSON Lines")
struct JSONLinesTests {
    static let log = """
        {"type":"header","model":"mlp","lr":0.01,"epochs":3}
        {"epoch":1,"loss":0.5,"acc":null,"phase":"train"}
        {"epoch":2,"loss":NaN,"acc":0.8,"tags":[1,2],"cfg":{"a":1,"b":[true,null]}}

        {"epoch":3,"loss":"Infinity","val_loss":-Infinity,"ok":true}
        """

    @Test func numbersBecomeColumnsInOrderOfFirstAppearance() throws {
        let log = try parseLog(Self.log, source: "run.jsonl")
        #expect(log.format == .jsonLines)
        #expect(log.format.name == "JSON Lines")
        #expect(log.rowCount == 3)
        #expect(log.columns.map(\.name) == ["epoch", "loss", "acc", "val_loss"])
        #expect(cells(log, "epoch") == [1, 2, 3])
    }

    @Test func headerLineIsNotARow() throws {
        let log = try parseLog(Self.log, source: "run.jsonl")
        #expect(log.column(named: "lr") == nil)
        #expect(log.column(named: "epochs") == nil)
        #expect(log.column(named: "type") == nil)
    }

    @Test func epochLinesOfADescentRunLogHaveTheirOwnLossColumn() throws {
        // Two steps per epoch: step lines carry the batch loss, epoch lines the epoch mean and the validation loss.
        let text = """
            {"type":"header","descent":"0.1.0","model":"logistic"}
            {"type":"step","step":0,"epoch":1,"loss":0.9}
            {"type":"step","step":1,"epoch":1,"loss":0.7}
            {"type":"epoch","epoch":1,"loss":0.8,"val_loss":0.75,"steps":2}
            {"type":"step","step":2,"epoch":2,"loss":0.5}
            {"type":"end","status":"completed","steps":2}
            """
        let log = try parseLog(text, source: "run.jsonl")
        #expect(log.rowCount == 4)
        #expect(cells(log, "step") == [0, 1, 2, 2])
        #expect(cells(log, "loss") == [0.9, 0.7, nil, 0.5])
        #expect(cells(log, "epoch_loss") == [nil, nil, 0.8, nil])
        #expect(cells(log, "val_loss") == [nil, nil, 0.75, nil])
        #expect(log.column(named: "steps") == nil)
        // Without a header the same lines are plain rows.
        let plain = try parseLog(text.split(separator: "\n").dropFirst().joined(separator: "\n"), source: "other.jsonl")
        #expect(cells(plain, "loss") == [0.9, 0.7, 0.8, 0.5, nil])
    }

    @Test func nullAndAbsentKeysAreMissing() throws {
        let log = try parseLog(Self.log, source: "run.jsonl")
        #expect(cells(log, "acc") == [nil, 0.8, nil])
        #expect(cells(log, "val_loss").prefix(2) == [nil, nil])
    }

    @Test func nonFiniteTokensAndStrings() throws {
        let log = try parseLog(Self.log, source: "run.jsonl")
        let loss = try #require(log.column(named: "loss"))
        #expect(loss.value(at: 0) == 0.5)
        #expect(loss.value(at: 1)?.isNaN == true)
        #expect(loss.value(at: 2) == .infinity)
        #expect(log.column(named: "val_loss")?.value(at: 2) == -.infinity)
    }

    @Test("string spellings of non-finite values", arguments: [
        ("\"NaN\"", Double.nan), ("\"nan\"", .nan), ("\"inf\"", .infinity),
        ("\"Infinity\"", .infinity), ("\"-Infinity\"", -.infinity), ("Infinity", .infinity),
    ])
    func nonFiniteSpellings(json: String, expected: Double) throws {
        let log = try parseLog("{\"step\":1,\"loss\":\(json)}\n", source: "x.jsonl")
        let value = try #require(log.column(named: "loss")?.value(at: 0))
        #expect(value.isNaN == expected.isNaN)
        if !expected.isNaN { #expect(value == expected) }
    }

    @Test func otherValuesAreIgnored() throws {
        let log = try parseLog("{\"s\":\"text\",\"b\":false,\"a\":[1],\"o\":{\"x\":1},\"n\":-2.5e1}\n", source: "o.ndjson")
        #expect(log.columns.map(\.name) == ["n"])
        #expect(cells(log, "n") == [-25])
    }

    @Test func sparseKeysAcrossLines() throws {
        let text = "{\"step\":1,\"loss\":4}\n{\"step\":2,\"val\":3}\n{\"loss\":2,\"step\":3}\n"
        let log = try parseLog(text, source: "s.jsonl")
        #expect(log.columns.map(\.name) == ["step", "loss", "val"])
        #expect(cells(log, "step") == [1, 2, 3])
        #expect(cells(log, "loss") == [4, nil, 2])
        #expect(cells(log, "val") == [nil, 3, nil])
    }

    @Test func escapedKeysAndWhitespace() throws {
        let text = "  { \"st\\u0065p\" : 1 ,\t\"lo\\\"ss\": 2 }  \r\n{\"step\":2,\"lo\\\"ss\":3}\r\n"
        let log = try parseLog(text, source: "e.jsonl")
        #expect(log.columns.map(\.name) == ["step", "lo\"ss"])
        #expect(cells(log, "step") == [1, 2])
        #expect(cells(log, "lo\"ss") == [2, 3])
    }

    @Test func emptyObjectIsARowWithoutValues() throws {
        let log = try parseLog("{\"a\":1}\n{}\n{\"a\":3}\n", source: "e.jsonl")
        #expect(log.rowCount == 3)
        #expect(cells(log, "a") == [1, nil, 3])
    }
}

import Testing
import RunLogs

@Suite("Format choice")
struct FormatSniffingTests {
    @Test("content decides when there is no known extension", arguments: [
        ("{\"step\":1,\"loss\":2}\n", LogFormat.jsonLines),
        ("\n   {\"step\":1}\n", .jsonLines),
        ("epoch,loss\n1,0.5\n2,0.4\n", .delimited(separator: UInt8(ascii: ","))),
        ("epoch\tloss\n1\t0.5\n", .delimited(separator: UInt8(ascii: "\t"))),
        ("epoch;phase;loss\n1;train;0.5\n1;val;0.6\n", .delimited(separator: UInt8(ascii: ";"))),
        ("epoch,loss\n", .delimited(separator: UInt8(ascii: ","))),
        ("Epoch 01 | Loss: 32.5000\nEpoch 02 | Loss: 20.0000\n", .text),
        ("Epoch 1 | Loss 0.5\n", .text),
        ("epoch=1 loss=0.5\nepoch=2 loss=0.4\n", .text),
        ("step 1, loss 0.5\nstep 2, loss 0.4\n", .text),
    ])
    func sniffing(text: String, format: LogFormat) throws {
        for source in ["stdin", "run", "run.dat"] {
            #expect(try parseLog(text, source: source).format == format)
        }
    }

    @Test("the extension comes first", arguments: [
        ("a.CSV", LogFormat.delimited(separator: UInt8(ascii: ","))),
        ("dir.v2/a.tsv", .delimited(separator: UInt8(ascii: "\t"))),
        ("a.json", .jsonLines), ("a.jsonl", .jsonLines), ("a.ndjson", .jsonLines),
        ("a.txt", .text), ("a.log", .text), ("a.out", .text),
    ])
    func extensions(source: String, format: LogFormat) throws {
        // Text that would sniff as JSON Lines but parses as anything.
        let log = try parseLog("{\"epoch\":1}\n", source: source)
        #expect(log.format == format)
    }

    @Test func explicitFormatWins() throws {
        let log = try parseLog("epoch=1 loss=2\n", source: "a.csv", format: .text)
        #expect(log.format == .text)
        #expect(cells(log, "loss") == [2])
    }

    @Test func textSniffedLogStillReadsRows() throws {
        let log = try parseLog("Epoch 01 | Loss: 32.5000\nEpoch 02 | Loss: 20.0000\n", source: "stdin")
        #expect(cells(log, "loss") == [32.5, 20])
    }
}

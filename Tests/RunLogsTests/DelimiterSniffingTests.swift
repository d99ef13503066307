import Testing
import RunLogs

@Suite("Delimiter sniffing")
struct DelimiterSniffingTests {
    @Test("the separator is found from the header and the next lines", arguments: [
        ("epoch,loss,acc\n1,0.5,0.8\n2,0.25,0.9\n", UInt8(ascii: ",")),
        ("epoch\tloss\tacc\n1\t0.5\t0.8\n2\t0.25\t0.9\n", UInt8(ascii: "\t")),
        ("epoch;loss;acc\n1;0.5;0.8\n2;0.25;0.9\n", UInt8(ascii: ";")),
        ("epoch|loss|acc\n1|0.5|0.8\n2|0.25|0.9\n", UInt8(ascii: "|")),
    ])
    func sniffsSeparator(text: String, separator: UInt8) throws {
        for source in ["run.csv", "run"] {
            let log = try parseLog(text, source: source)
            #expect(log.format == .delimited(separator: separator))
            #expect(log.columns.map(\.name) == ["epoch", "loss", "acc"])
            #expect(log.rowCount == 2)
            #expect(cells(log, "epoch") == [1, 2])
            #expect(cells(log, "loss") == [0.5, 0.25])
            #expect(cells(log, "acc") == [0.8, 0.9])
        }
    }

    @Test func semicolonFileWithCommasInsideCellsIsNotComma() throws {
        // Commas appear on every line but split the header and rows inconsistently.
        let log = try parseLog("step;note\n1;\"a,b\"\n2;\"c,d\"\n", source: "run.csv")
        #expect(log.format == .delimited(separator: UInt8(ascii: ";")))
        #expect(log.columns.map(\.name) == ["step", "note"])
    }

    @Test func tsvExtensionMeansTab() throws {
        let log = try parseLog("a\tb\n1\t2\n", source: "x.tsv")
        #expect(log.format == .delimited(separator: UInt8(ascii: "\t")))
        #expect(log.format.name == "TSV")
        #expect(cells(log, "b") == [2])
    }

    @Test func singleColumnCSVUsesComma() throws {
        let log = try parseLog("loss\n0.5\n0.4\n", source: "loss.csv")
        #expect(log.format == .delimited(separator: UInt8(ascii: ",")))
        #expect(cells(log, "loss") == [0.5, 0.4])
    }
}

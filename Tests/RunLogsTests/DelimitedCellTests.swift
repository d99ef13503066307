import Testing
import RunLogs

@Suite("Delimited cells")
struct DelimitedCellTests {
    @Test func quotedFieldsMayHoldTheSeparatorAndQuotes() throws {
        let text = "\"epoch\",\"loss, train\",\"say \"\"hi\"\"\"\n\"1\",\"0.5\",\"x,y\"\n"
        let log = try parseLog(text, source: "q.csv")
        #expect(log.columns.map(\.name) == ["epoch", "loss, train", "say \"hi\""])
        #expect(cells(log, "epoch") == [1])
        #expect(cells(log, "loss, train") == [0.5])
        #expect(log.columns[2].isNumeric == false)
    }

    @Test func crlfLineEndings() throws {
        let log = try parseLog("epoch,loss\r\n1,0.5\r\n2,0.25\r\n", source: "w.csv")
        #expect(log.columns.map(\.name) == ["epoch", "loss"])
        #expect(cells(log, "loss") == [0.5, 0.25])
        #expect(log.column(named: "loss")?.firstBadCell == nil)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("epoch,loss\n1,2\n".utf8)
        let log = try RunLogReader.parse(bytes: bytes, source: "bom.csv")
        #expect(log.columns.first?.name == "epoch")
        #expect(cells(log, "epoch") == [1])
        #expect(cells(log, "loss") == [2])
    }

    @Test func spacesAroundCellsAreTrimmed() throws {
        let log = try parseLog(" epoch , loss \n  1 ,  0.5  \n", source: "s.csv")
        #expect(log.columns.map(\.name) == ["epoch", "loss"])
        #expect(cells(log, "loss") == [0.5])
    }

    @Test func blankAndCommentLinesAreSkipped() throws {
        let text = "# produced by train.py\n\nepoch,loss\n\n1,0.5\n# a comment\n   \n2,0.4\n"
        let log = try parseLog(text, source: "c.csv")
        #expect(log.rowCount == 2)
        #expect(cells(log, "epoch") == [1, 2])
    }

    @Test func emptyAndMissingTrailingCellsAreNotPresent() throws {
        let log = try parseLog("epoch,loss,val_loss\n1,0.5,0.6\n2,,0.55\n3,0.3\n", source: "sparse.csv")
        #expect(log.rowCount == 3)
        #expect(cells(log, "epoch") == [1, 2, 3])
        #expect(cells(log, "loss") == [0.5, nil, 0.3])
        #expect(cells(log, "val_loss") == [0.6, 0.55, nil])
        let loss = try #require(log.column(named: "loss"))
        #expect(loss.isPresent(1) == false)
        #expect(loss.isPresent(2) == true)
        #expect(loss.firstBadCell == nil)
        // A column with every row present keeps an empty mask.
        #expect(log.column(named: "epoch")?.present.isEmpty == true)
    }

    @Test("non-finite spellings are data", arguments: [
        ("nan", Double.nan), ("NaN", .nan), ("NAN", .nan),
        ("inf", .infinity), ("+inf", .infinity), ("-inf", -.infinity),
        ("Infinity", .infinity), ("-Infinity", -.infinity), ("INF", .infinity), ("-INFINITY", -.infinity),
    ])
    func nonFiniteCells(cell: String, expected: Double) throws {
        let log = try parseLog("step,loss\n1,0.5\n2,\(cell)\n", source: "div.csv")
        let loss = try #require(log.column(named: "loss"))
        #expect(loss.firstBadCell == nil)
        let value = try #require(loss.value(at: 1))
        if expected.isNaN {
            #expect(value.isNaN)
        } else {
            #expect(value == expected)
        }
    }

    @Test("numbers are read as C strtod reads them", arguments: [
        ("1e-3", 0.001), ("-.5", -0.5), ("+2", 2.0), ("3.", 3.0), ("0.1", 0.1), ("1E+2", 100.0),
        ("007", 7.0), ("-0", 0.0), ("12345678901234567890", 12345678901234567890.0),
        ("0.30000000000000004", 0.30000000000000004), ("1.7976931348623157e308", 1.7976931348623157e308),
        ("4.9406564584124654e-324", Double.leastNonzeroMagnitude), ("0x10", 16.0),
    ])
    func numberForms(cell: String, expected: Double) throws {
        let log = try parseLog("a,b\n\(cell),1\n", source: "n.csv")
        #expect(cells(log, "a") == [expected])
    }

    @Test("a cell must be one whole number", arguments: ["1.5x", "1 2", "1e", "--1", "1,5"])
    func partialNumbersAreBad(cell: String) throws {
        let log = try parseLog("a;b\n2;0\n\(cell);1\n", source: "p.csv")
        let a = try #require(log.column(named: "a"))
        #expect(a.value(at: 1) == nil)
        #expect(a.firstBadCell == CellLocation(line: 3, column: 1, found: cell))
    }

    @Test func headerOnlyFileHasNoRows() throws {
        let log = try parseLog("epoch,loss\n", source: "h.csv")
        #expect(log.rowCount == 0)
        #expect(log.columns.map(\.name) == ["epoch", "loss"])
    }

    @Test func quotedCellMaySpanLines() throws {
        let log = try parseLog("step,note,loss\n1,\"two\nlines\",0.5\n2,x,0.25\n", source: "m.csv")
        #expect(log.rowCount == 2)
        #expect(cells(log, "loss") == [0.5, 0.25])
    }
}

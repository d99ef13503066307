import Testing
import RunLogs

@Suite("Delimited columns")
struct DelimitedColumnTests {
    @Test func columnWithoutNumbersIsText() throws {
        let log = try parseLog("epoch,phase,loss\n1,train,0.5\n1,val,0.6\n", source: "t.csv")
        let phase = try #require(log.column(named: "phase"))
        #expect(phase.isNumeric == false)
        #expect(phase.firstBadCell == nil)
        #expect(log.numericColumnNames == ["epoch", "loss"])
    }

    @Test func firstBadCellInNumericColumn() throws {
        // Line 3 holds "oops" starting at character 3; line 4 holds a second bad cell.
        let log = try parseLog("epoch,loss\n1,0.5\n2,oops\n3,  bad again \n4,0.25\n", source: "b.csv")
        let loss = try #require(log.column(named: "loss"))
        #expect(loss.isNumeric)
        #expect(loss.firstBadCell == CellLocation(line: 3, column: 3, found: "oops"))
        #expect(cells(log, "loss") == [0.5, nil, nil, 0.25])
    }

    @Test func badCellTextIsCutTo40Characters() throws {
        let long = String(repeating: "x", count: 50)
        let log = try parseLog("a,b\n1,2\n\(long),3\n", source: "l.csv")
        let a = try #require(log.column(named: "a"))
        #expect(a.firstBadCell == CellLocation(line: 3, column: 1, found: String(repeating: "x", count: 40)))
    }

    @Test func badCellColumnCountsCharactersNotBytes() throws {
        // "é" is two bytes in UTF-8 but one character.
        let log = try parseLog("name,loss\né,0.5\nab,zz\n", source: "u.csv")
        #expect(log.column(named: "loss")?.firstBadCell == CellLocation(line: 3, column: 4, found: "zz"))
        let log2 = try parseLog("name,loss\n1,0.5\né,zz\n", source: "u.csv")
        #expect(log2.column(named: "loss")?.firstBadCell == CellLocation(line: 3, column: 3, found: "zz"))
    }

    @Test("empty and repeated header names", arguments: [
        ("a,,b\n1,2,3\n", ["a", "column2", "b"]),
        ("loss,loss,loss\n1,2,3\n", ["loss", "loss_2", "loss_3"]),
        (",loss,\n1,2,3\n", ["column1", "loss", "column3"]),
        ("a,a,a_2\n1,2,3\n", ["a", "a_2", "a_2_2"]),
    ])
    func headerNames(text: String, names: [String]) throws {
        let log = try parseLog(text, source: "h.csv")
        #expect(log.columns.map(\.name) == names)
        #expect(log.columns.map { $0.value(at: 0) } == [1, 2, 3])
    }

    @Test func emptyColumnIsNotNumeric() throws {
        let log = try parseLog("a,b\n1,\n2,\n", source: "e.csv")
        let b = try #require(log.column(named: "b"))
        #expect(b.isNumeric == false)
        #expect(cells(log, "b") == [nil, nil])
    }
}

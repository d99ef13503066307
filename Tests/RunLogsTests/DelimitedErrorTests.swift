import Testing
import RunLogs

@Suite("Delimited errors")
struct DelimitedErrorTests {
    @Test func tooManyFieldsNamesLineAndColumn() {
        let error = runLogError { _ = try parseLog("epoch,loss\n1,0.5\n2,0.4,9,10\n", source: "run.csv") }
        #expect(error == RunLogError(file: "run.csv", line: 3, column: 7,
                                     message: "expected 2 fields (as in the header), found 4"))
        #expect(error?.description == "run.csv:3:7: expected 2 fields (as in the header), found 4")
    }

    @Test func tooManyFieldsCountsLinesSkipped() {
        // Comment and blank lines still count as lines; the extra cell starts after two spaces.
        let error = runLogError { _ = try parseLog("# c\na;b\n\n1;2;  3\n", source: "x.csv") }
        #expect(error == RunLogError(file: "x.csv", line: 4, column: 7,
                                     message: "expected 2 fields (as in the header), found 3"))
    }

    @Test func unterminatedQuote() {
        let error = runLogError { _ = try parseLog("a,b\n1,\"open\n", source: "q.csv") }
        #expect(error?.line == 2)
        #expect(error?.column == 3)
        #expect(error?.file == "q.csv")
        #expect(error?.message == "expected '\"' to close the quoted field, found end of file")
    }
}

import Testing
import RunLogs

@Suite("Plain text logs")
struct TextLogTests {
    /// The values of the single row of a one-line text log, by column name.
    func row(_ line: String) throws -> [String: Double] {
        let log = try parseLog(line + "\n", source: "train.log")
        #expect(log.format == .text)
        #expect(log.rowCount == 1)
        var values: [String: Double] = [:]
        for column in log.columns { values[column.name] = column.value(at: 0) }
        return values
    }

    @Test func courseLabLine() throws {
        #expect(try row("Epoch 01 | Loss: 32.5000") == ["epoch": 1, "loss": 32.5])
    }

    @Test("line forms", arguments: [
        ("epoch=3 loss=0.12 val_loss=0.2", ["epoch": 3, "loss": 0.12, "val_loss": 0.2]),
        ("step 100: loss 0.5", ["step": 100, "loss": 0.5]),
        ("Epoch 3/10 - loss: 0.2 - val_loss: 0.3", ["epoch": 3, "loss": 0.2, "val_loss": 0.3]),
        ("[step 20] train loss=1.5e-2, acc=0.91", ["step": 20, "train_loss": 0.015, "acc": 0.91]),
        ("iter 7 Train Loss 0.25", ["step": 7, "train_loss": 0.25]),
        ("Iteration 8: val loss = 0.5", ["step": 8, "val_loss": 0.5]),
        ("it 9 loss=1", ["step": 9, "loss": 1]),
        ("Epoch: 2, acc: 91.2%", ["epoch": 2, "acc": 91.2]),
        // The per-epoch step becomes global: (3 - 1) * 600 + 100 (issue 14).
        ("Epoch [3/10], Step [100/600], Loss: 0.2", ["epoch": 3, "step": 1300, "loss": 0.2]),
        ("INFO epoch=4 loss=0.1", ["epoch": 4, "loss": 0.1]),
        ("epoch 5 val-loss 0.3 val.acc 0.7", ["epoch": 5, "val_loss": 0.3, "val_acc": 0.7]),
        ("step 6 loss -0.5 lr=+1e-3", ["step": 6, "loss": -0.5, "lr": 0.001]),
        ("Epoch 2 Step 30 loss 0.4", ["epoch": 2, "step": 30, "loss": 0.4]),
        ("EPOCH 12 LOSS 1.25", ["epoch": 12, "loss": 1.25]),
        ("{'loss': 0.75, 'epoch': 1.5}", ["loss": 0.75, "epoch": 1.5]),
    ])
    func lineForms(line: String, expected: [String: Double]) throws {
        #expect(try row(line) == expected)
    }

    @Test("non-finite values", arguments: [
        ("step 3 loss = nan", Double.nan),
        ("step 4 loss: inf", .infinity),
        ("step 5 loss -inf", -.infinity),
        ("epoch 1 loss NaN", .nan),
        ("epoch 1 loss: Infinity", .infinity),
    ])
    func nonFinite(line: String, expected: Double) throws {
        let value = try #require(try row(line)["loss"])
        #expect(value.isNaN == expected.isNaN)
        if !expected.isNaN { #expect(value == expected) }
    }

    @Test func otherLinesAreSkippedAndRowsMaybeSparse() throws {
        let text = """
            Training started with lr 0.01
            Epoch 01 | Loss: 32.5000
            Epoch 02 | Loss: 20.1250
            warning: something 17
            Epoch 03 | Loss: 12.0000 | Acc: 50%
            Done.
            """
        let log = try parseLog(text, source: "lab.txt")
        #expect(log.rowCount == 3)
        #expect(log.columns.map(\.name) == ["epoch", "loss", "acc"])
        #expect(cells(log, "epoch") == [1, 2, 3])
        #expect(cells(log, "loss") == [32.5, 20.125, 12])
        #expect(cells(log, "acc") == [nil, nil, 50])
    }

    @Test func repeatedNameKeepsTheFirstValue() throws {
        let log = try parseLog("epoch 1 loss 0.5 loss 0.6\nepoch 2 acc 0.7 loss 0.4\n", source: "r.log")
        #expect(log.columns.map(\.name) == ["epoch", "loss", "acc"])
        #expect(cells(log, "loss") == [0.5, 0.4])
        #expect(cells(log, "acc") == [nil, 0.7])
    }

    @Test func unitsAndTimestampsAreNotValues() throws {
        #expect(try row("2024-05-01 12:00:03 epoch 2 loss 0.5 took 3.2s") == ["epoch": 2, "loss": 0.5])
    }

    @Test func noCounterMeansNoRows() throws {
        let log = try parseLog("loss 0.5\nacc: 0.9\nEpoch 3\n", source: "x.out")
        #expect(log.format == .text)
        #expect(log.rowCount == 0)
        #expect(log.columns.isEmpty)
    }
}

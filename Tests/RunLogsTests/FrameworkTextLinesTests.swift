import Testing
import RunLogs

/// Training output people already print: Keras fit() progress, the PyTorch tutorials' lines
/// (a step counter restarting each epoch made global), tqdm bars with carriage returns, and
/// headerless numeric columns named by number.
@Suite("Framework training output")
struct FrameworkTextLinesTests {
    @Test("Keras fit(): one row per epoch from the 'Epoch e/E' header and the progress line")
    func keras() throws {
        let text = """
        Epoch 1/2
        32/32 [==============================] - 1s 2ms/step - loss: 0.6931 - accuracy: 0.5000 - val_loss: 0.6800
        Epoch 2/2
        32/32 [==============================] - 0s 2ms/step - loss: 0.5000 - accuracy: 0.7500 - val_loss: 0.5100

        """
        let log = try parseLog(text, source: "keras.log")
        #expect(cells(log, "epoch") == [1, 2])
        #expect(cells(log, "loss") == [0.6931, 0.5])
        #expect(cells(log, "val_loss") == [0.68, 0.51])
        #expect(cells(log, "accuracy") == [0.5, 0.75])
    }

    @Test("Keras verbose=2 lines (no bar), and carriage-return redraws: the last one counts")
    func kerasRedraws() throws {
        let text = "Epoch 1/1\n 1/32 [>.....] - ETA: 3s - loss: 0.9000\r16/32 [===>..] - ETA: 1s - loss: 0.8000\r32/32 [======] - 1s 2ms/step - loss: 0.7000\n"
        #expect(cells(try parseLog(text), "loss") == [0.7])
        let v2 = try parseLog("Epoch 1/2\n32/32 - 0s - loss: 0.6 - val_loss: 0.65\nEpoch 2/2\n32/32 - 0s - loss: 0.4 - val_loss: 0.5\n")
        #expect(cells(v2, "loss") == [0.6, 0.4])
        #expect(cells(v2, "epoch") == [1, 2])
    }

    @Test("PyTorch CIFAR tutorial '[e, i] loss: v': the per-epoch counter continues across epochs")
    func pytorchBracket() throws {
        let text = "[1,  2000] loss: 2.202\n[1,  4000] loss: 1.860\n[2,  2000] loss: 1.650\n[2,  4000] loss: 1.560\n"
        let log = try parseLog(text, source: "train.out")
        #expect(cells(log, "loss") == [2.202, 1.86, 1.65, 1.56])
        // Epoch 2's counter starts after epoch 1's last (4000).
        #expect(cells(log, "step") == [2000, 4000, 6000, 8000])
        #expect(cells(log, "epoch") == [1, 1, 2, 2])
    }

    @Test("'Epoch [e/E], Step [s/S], Loss: v': global step (e - 1) S + s")
    func pytorchEpochStep() throws {
        let text = "Epoch [1/5], Step [100/600], Loss: 0.5000\nEpoch [1/5], Step [600/600], Loss: 0.4000\nEpoch [2/5], Step [100/600], Loss: 0.3000\n"
        let log = try parseLog(text)
        #expect(cells(log, "step") == [100, 600, 700])
        #expect(cells(log, "loss") == [0.5, 0.4, 0.3])
    }

    @Test("tqdm: the last redraw of each bar; each new bar continues the step count")
    func tqdm() throws {
        let text = "ep1:  33%|###       | 1/3 [00:00<00:01, 2.0it/s, loss=0.95]\rep1: 100%|##########| 3/3 [00:01<00:00, 2.0it/s, loss=0.9]\n"
            + "ep2: 100%|##########| 3/3 [00:01<00:00, 2.0it/s, loss=0.5]\n"
        let log = try parseLog(text)
        #expect(cells(log, "step") == [3, 6])
        #expect(cells(log, "loss") == [0.9, 0.5])
    }

    @Test("headerless numeric columns are named 1, 2, …; CRLF and comments allowed")
    func headerless() throws {
        let log = try parseLog("# step loss\r\n1 0.5\r\n2\t0.4\r\n3 0.3\r\n", source: "run.dat")
        #expect(log.columns.map(\.name) == ["1", "2"])
        #expect(cells(log, "2") == [0.5, 0.4, 0.3])
        // A ragged table is not headerless columns.
        #expect(try parseLog("1 0.5\n2\n", source: "run.dat").columns.map(\.name) != ["1", "2"])
    }
}

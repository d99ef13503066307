import Testing
import Foundation

/// The course's network and neuron diagrams through the whole `descent network` process, against
/// reviewed golden PNGs (RMS over RGB, 0-255; `DESCENT_UPDATE_GOLDEN=1` rewrites them).
@Suite("Network golden images")
struct NetworkGoldenImageTests {
    @Test("the MNIST network of 003 fig. 4")
    func mnist() throws {
        try GoldenImage.checkCommand(["network", "784,30,10", "--output-labels", "0-9", "--dpi", "96"], against: "network-mnist")
    }

    @Test("a neuron with numbers (003 fig. 1-2)")
    func neuron() throws {
        try GoldenImage.checkCommand(["network", "--neuron", "3", "--weights", "0.5,-1,2", "--bias", "0.1", "--input", "1,0,1", "--dpi", "96"],
                                     against: "network-neuron")
    }

    @Test("the XOR network of 002 ch. 8 after training, fed [1, 0, 1]")
    func xor() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let log = dir.path("xor.jsonl")
        #expect(try DescentProcess.run(NetworkCommandTests.xorTraining + ["--log", log]).status == 0)
        try GoldenImage.checkCommand(["network", "--run", log, "--input", "1,0,1", "--input-labels", "$x_1$,$x_2$,$x_3$", "--dpi", "96"],
                                     against: "network-xor")
    }
}

import Foundation

/// A `descent train` run of 10^10 steps started in the background, to be stopped by a signal.
enum EndlessTraining {
    static func start(outputs: [String], in directory: URL, stderr: Any = FileHandle.nullDevice) throws -> Process {
        let p = Process()
        p.executableURL = DescentProcess.executable
        p.arguments = ["train", "--function", "rosenbrock", "--start=-1,1", "--steps", "10000000000", "--lr", "1e-4", "--quiet"]
            + outputs
        p.currentDirectoryURL = directory
        p.standardOutput = FileHandle.nullDevice
        p.standardError = stderr
        try p.run()
        return p
    }
}

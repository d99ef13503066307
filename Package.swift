// swift-tools-version:6.0
import PackageDescription

// descent targets Linux: its sources call Glibc directly (write, tanh, stat), Cairo and libpng
// come from pkg-config with apt providers (scripts/setup installs them), and the training
// kernels are tuned for x86-64 (they fall back to portable C elsewhere). No Apple platform is
// declared, because none is built or tested.
#if !os(Linux)
#error("descent builds on Linux only (Glibc, Cairo and libpng from apt); see README.md")
#endif

let package = Package(
    name: "descent",
    products: [
        .executable(name: "descent", targets: ["descent"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // System libraries.
        .systemLibrary(name: "CCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng",
                       providers: [.apt(["libpng-dev"])]),
        // gzip for MNIST's .gz IDX files.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        // OpenBLAS's dgemm for the large matrix products of the general network path.
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),
        // A thin C shim so libpng's setjmp error handling stays in C.
        .target(name: "PNGEncoder", dependencies: ["CPNG", "CZlib"]),

        // Drawing: the backend-independent canvas protocol and its Cairo implementation.
        .target(name: "Canvas"),
        .target(name: "CairoCanvas", dependencies: ["Canvas", "CCairo", "PNGEncoder", "CZlib"]),

        // Data to marks.
        .target(name: "Plot", dependencies: ["Canvas"]),

        // Data producers.
        .target(name: "RunLogs"),
        // Training: test functions, models, data, optimizers (plain data, no drawing).
        .target(name: "Training", dependencies: ["CTrainingKernels", "CZlib", "COpenBLAS", "RunLogs", "FiniteDifferences"]),
        // The thin-MLP kernels in C: built for AVX2 with FMA and for baseline x86-64, chosen at run time.
        .target(name: "CTrainingKernels", cSettings: [.unsafeFlags(["-O2"], .when(configuration: .debug))]),

        // Loss landscapes: surfaces on grids, contour lines, optimizer paths (plain data, no drawing).
        .target(name: "Landscape", dependencies: ["Training", "Autodiff", "COpenBLAS"]),

        // Expressions to computation graphs, forward values and reverse-mode gradients.
        .target(name: "Autodiff", dependencies: ["FiniteDifferences"]),
        // The finite-difference step and error formula of every gradient check.
        .target(name: "FiniteDifferences"),
        // Layered drawings of computation graphs.
        .target(name: "Diagram", dependencies: ["Autodiff", "Canvas", "Plot"]),

        // Figure spec files (YAML): the course figure set's input, read with positions for errors.
        .target(name: "FigureSpec", dependencies: [.product(name: "Yams", package: "Yams")]),

        // Command line.
        .target(name: "DescentCLI", dependencies: [
            "Plot", "Canvas", "CairoCanvas", "RunLogs", "Training", "Autodiff", "Diagram", "Landscape", "FigureSpec",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "descent", dependencies: ["DescentCLI"]),

        .testTarget(name: "PlotTests", dependencies: ["Plot", "Canvas"]),
        .testTarget(name: "RunLogsTests", dependencies: ["RunLogs"], exclude: ["Fixtures"]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "CZlib"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LandscapeTests", dependencies: ["Landscape", "Training", "Autodiff", "Plot"]),
        .testTarget(name: "AutodiffTests", dependencies: ["Autodiff"]),
        .testTarget(name: "DiagramTests", dependencies: ["Diagram", "Autodiff", "Canvas", "Plot"], exclude: ["Fixtures"]),
        .testTarget(name: "FigureSpecTests", dependencies: ["FigureSpec"]),
        .testTarget(name: "CLITests", dependencies: ["DescentCLI", "Plot", "Canvas", "CairoCanvas", "RunLogs", "CZlib"],
                    resources: [.copy("Golden")]),
    ]
)

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension BuiltinData {
    /// Builds the named data set from the seed (`samples` overrides the default size of the
    /// generated sets). Every random number comes from `SplitMix64.stream(seed:, purpose: data)`.
    ///
    /// - `lab-single` (001): x = [1, 2], y = [1, 4, 4].
    /// - `lab-batch` (001): x uniform in [-10, 10]^2 (x1 then x2 per sample), y = [x1^2, x2^2, 2 x1 x2],
    ///   inputs x / 20; n = 1000.
    /// - `xor3` (002 ch. 8): [0,0,1], [0,1,1], [1,0,1], [1,1,1] -> 0, 1, 1, 0.
    /// - `plants` (000): leaf width and stem length in cm; non-toxic (label 0) ~ N((2.0, 6.0), 0.6^2 I),
    ///   toxic (label 1) ~ N((4.0, 3.5), 0.6^2 I); n/2 of each, alternating, n = 100.
    /// - `blobs`: 3 classes around (0, 2), (-1.732, -1), (1.732, -1), standard deviation 0.6; n = 300.
    /// - `moons`: sklearn's two moons, t = pi i / (m - 1): (cos t, sin t) label 0 and
    ///   (1 - cos t, 0.5 - sin t) label 1, plus N(0, 0.1^2) noise; n = 200.
    /// - `spirals`: 3 arms (CS231n): r = i / (m - 1), t = 4c + 4r + N(0, 0.2^2), x = (r sin t, r cos t); n = 300.
    /// - `linear2d` (004 ch. 4, the mini-batch demo; the distribution of the matplotlib anchor
    ///   mpl_landscape.py): per sample x1 ~ N(0, 1), then x2 ~ N(0, 3^2), then
    ///   y = 1.5 x1 - 0.5 x2 + N(0, 0.1^2) (three normals, in that order); fitted by
    ///   w1 x1 + w2 x2 without a bias; n = 256.
    public static func make(_ name: String, seed: UInt64, samples: Int? = nil) -> Dataset? {
        var rng = SplitMix64.stream(seed: seed, purpose: RandomPurpose.data)
        return make(name, rng: &rng, samples: samples)
    }

    /// The same data sets drawn from `rng`, in the order given above (for `--rng numpy`, NumPy's
    /// stream after the weights: the 001 batch lab's `np.random.uniform(-10, 10, size=(n, 2))`).
    public static func make<R: RandomSource>(_ name: String, rng: inout R, samples: Int? = nil) -> Dataset? {
        switch name {
        case "lab-single":
            return Dataset(name: name, featureNames: ["x1", "x2"], targetNames: ["y1", "y2", "y3"],
                           inputs: [1, 2], targets: [1, 4, 4])
        case "lab-batch":
            let n = samples ?? 1000
            var x: [Double] = [], y: [Double] = []
            for _ in 0..<n {
                let x1 = rng.uniform(-10, 10), x2 = rng.uniform(-10, 10)
                x += [x1 / 20, x2 / 20]
                y += [x1 * x1, x2 * x2, 2 * x1 * x2]
            }
            return Dataset(name: name, featureNames: ["x1/20", "x2/20"], targetNames: ["x1^2", "x2^2", "2 x1 x2"],
                           inputs: x, targets: y)
        case "xor3":
            return Dataset(name: name, featureNames: ["x1", "x2", "x3"], targetNames: ["y"],
                           inputs: [0, 0, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1], targets: [0, 1, 1, 0], classCount: 2)
        case "plants":
            let n = samples ?? 100
            var x: [Double] = [], y: [Double] = []
            for i in 0..<n {
                let toxic = i % 2 == 1
                let center = toxic ? (4.0, 3.5) : (2.0, 6.0)
                x += [center.0 + 0.6 * rng.normal(), center.1 + 0.6 * rng.normal()]
                y.append(toxic ? 1 : 0)
            }
            return Dataset(name: name, featureNames: ["leaf_width", "stem_length"], targetNames: ["toxic"],
                           inputs: x, targets: y, classCount: 2)
        case "blobs":
            let n = samples ?? 300
            let centers = [(0.0, 2.0), (-1.732, -1.0), (1.732, -1.0)]
            var x: [Double] = [], y: [Double] = []
            for i in 0..<n {
                let c = i % 3
                x += [centers[c].0 + 0.6 * rng.normal(), centers[c].1 + 0.6 * rng.normal()]
                y.append(Double(c))
            }
            return Dataset(name: name, featureNames: ["x1", "x2"], targetNames: ["class"], inputs: x, targets: y, classCount: 3)
        case "moons":
            let n = samples ?? 200
            let m = max(2, n / 2)
            var x: [Double] = [], y: [Double] = []
            for c in 0..<2 {
                for i in 0..<(c == 0 ? m : n - m) {
                    let t = Double.pi * Double(i) / Double(m - 1)
                    let p = c == 0 ? (cos(t), sin(t)) : (1 - cos(t), 0.5 - sin(t))
                    x += [p.0 + 0.1 * rng.normal(), p.1 + 0.1 * rng.normal()]
                    y.append(Double(c))
                }
            }
            return Dataset(name: name, featureNames: ["x1", "x2"], targetNames: ["class"], inputs: x, targets: y, classCount: 2)
        case "spirals":
            let n = samples ?? 300
            let m = max(2, n / 3)
            var x: [Double] = [], y: [Double] = []
            for c in 0..<3 {
                for i in 0..<(c < 2 ? m : n - 2 * m) {
                    let r = Double(i) / Double(m - 1)
                    let t = 4 * Double(c) + 4 * r + 0.2 * rng.normal()
                    x += [r * sin(t), r * cos(t)]
                    y.append(Double(c))
                }
            }
            return Dataset(name: name, featureNames: ["x1", "x2"], targetNames: ["class"], inputs: x, targets: y, classCount: 3)
        case "linear2d":
            let n = samples ?? 256
            var x: [Double] = [], y: [Double] = []
            for _ in 0..<n {
                let x1 = rng.normal(), x2 = 3 * rng.normal()
                x += [x1, x2]
                y.append(1.5 * x1 - 0.5 * x2 + 0.1 * rng.normal())
            }
            return Dataset(name: name, featureNames: ["x1", "x2"], targetNames: ["y"], inputs: x, targets: y)
        default:
            return nil
        }
    }
}

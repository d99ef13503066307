/// The desired output activations of a classifier for one label: 1 for the label's class,
/// 0 elsewhere (003 fig. 5: the digit 9 as the tenth of ten outputs).
public enum OneHotTarget {
    public static func vector(label: Int, classes: Int) -> [Double] {
        (0..<classes).map { $0 == label ? 1 : 0 }
    }
}

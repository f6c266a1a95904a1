/// A linear y scale for counts: a "nice" top (1, 2 or 5 × a power of ten, in whole numbers) with its ticks,
/// mapped onto a vertical pixel range where larger counts sit higher.
struct ChartScale {
    /// Tick values from 0 to `top`, evenly spaced.
    let ticks: [Int]
    /// The count at the top of the range.
    let top: Int
    /// Pixel y of 0 and of `top`.
    let bottomY: Double
    let topY: Double

    /// A scale showing 0…`maximum` (at least 0…1) with at most `maxTicks` intervals.
    init(maximum: Int, bottomY: Double, topY: Double, maxTicks: Int = 4) {
        let wanted = max(1, maximum)
        let raw = Double(wanted) / Double(max(1, maxTicks))
        var magnitude = 1
        while Double(magnitude) * 10 <= raw { magnitude *= 10 }
        let step = [1, 2, 5, 10].map { $0 * magnitude }.first { Double($0) >= raw } ?? 10 * magnitude
        let top = ((wanted + step - 1) / step) * step
        self.ticks = Array(stride(from: 0, through: top, by: step))
        self.top = top
        self.bottomY = bottomY
        self.topY = topY
    }

    /// Pixel y of `value`.
    func y(_ value: Int) -> Double {
        bottomY - (bottomY - topY) * Double(value) / Double(top)
    }
}

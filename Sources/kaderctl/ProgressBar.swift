/// A bar on stderr that a person at a terminal watches fill: `[█████░░░░░] 45,000 of
/// 100,000 rows checked`. Drawn only on a terminal (never into a log or a pipe), redrawn in
/// place, at most once per hundredth of the work.
struct ProgressBar {
    let total: Int
    let unit: String
    let shown: Bool
    private var drawn = -1

    static let width = 30

    init(total: Int, unit: String, shown: Bool = Output.stderrIsTerminal) {
        self.total = max(total, 1)
        self.unit = unit
        self.shown = shown
    }

    /// The line for `done` of `total`, without the carriage return that redraws it.
    static func line(done: Int, total: Int, unit: String) -> String {
        let filled = min(width, done * width / max(total, 1))
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "] "
            + "\(Count.grouped(done)) of \(Count.grouped(total)) \(unit)"
    }

    mutating func update(_ done: Int, _ what: String) {
        guard shown else { return }
        let hundredth = done * 100 / total
        guard hundredth != drawn || done == total else { return }
        drawn = hundredth
        StandardStream.error.write("\r\u{1B}[K" + Self.line(done: done, total: total, unit: "\(unit) \(what)"))
    }

    /// Clears the bar, so what follows starts on a clean line.
    func finish() {
        guard shown, drawn >= 0 else { return }
        StandardStream.error.write("\r\u{1B}[K")
    }
}

/// Numbers as people read them in a bar: 100,000.
enum Count {
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }
}

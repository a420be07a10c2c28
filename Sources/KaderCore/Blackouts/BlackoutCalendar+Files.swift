extension BlackoutCalendar {
    /// Adds the blackouts of an operator's file and takes back the shipped holidays it
    /// removes, all or nothing: a removal naming no shipped holiday (a mistyped date or
    /// name) refuses the file, with the line, and leaves the calendar as it was.
    public mutating func apply(_ file: BlackoutFile) throws(BlackoutFileRefusal) {
        var changed = self
        var problems: [BlackoutFileProblem] = []
        for blackout in file.blackouts {
            do {
                try changed.add(blackout)
            } catch {
                problems.append(BlackoutFileProblem(line: blackout.source.line, message: error.description))
            }
        }
        for removal in file.removals {
            do {
                try changed.remove(removal)
            } catch {
                problems.append(BlackoutFileProblem(line: removal.source.line, message: "name: \(error.description)"))
            }
        }
        guard problems.isEmpty else { throw BlackoutFileRefusal(file: file.path, problems: problems) }
        self = changed
    }
}

/// A change a plugin makes to a program for the villages of its province.
public enum ProgramEdit: Sendable, Hashable {
    case rename(step: String, title: String)
    case remove(step: String)
    /// Adds `days` to the step's window.
    case lengthen(step: String, days: Int)
    /// A new step just before `before`, which then follows it.
    case insertBefore(String, ProgramStep)
    /// A new step just after `after`; the steps that followed `after` follow it instead.
    case insertAfter(String, ProgramStep)
}

/// Why an edit cannot be applied.
public struct ProgramEditError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}

extension Program {
    /// The program with the edits applied in order. The result is checked like any
    /// program; a plugin cannot produce one that a file could not.
    public func applying(_ edits: [ProgramEdit]) throws(ProgramEditError) -> Program {
        var program = self
        for edit in edits {
            try program.apply(edit)
        }
        if let problem = program.problems.first {
            throw ProgramEditError(description: "the edited program is not valid: \(problem)")
        }
        return program
    }

    private mutating func apply(_ edit: ProgramEdit) throws(ProgramEditError) {
        switch edit {
        case .rename(let id, let title):
            steps[try index(of: id)].title = title
        case .remove(let id):
            let removed = steps.remove(at: try index(of: id))
            // Whoever followed the removed step now follows what it followed.
            for other in steps.indices where steps[other].after.contains(id) {
                steps[other].after = steps[other].after.filter { $0 != id } + removed.after
            }
        case .lengthen(let id, let days):
            guard days > 0 else { throw ProgramEditError(description: "lengthen \(id) by \(days) days: days must be positive") }
            steps[try index(of: id)].durationDays += days
        case .insertBefore(let id, var step):
            let position = try index(of: id)
            try checkNew(step)
            step.after = steps[position].after
            steps[position].after = [step.id]
            steps.insert(step, at: position)
        case .insertAfter(let id, var step):
            let position = try index(of: id)
            try checkNew(step)
            step.after = [id]
            for other in steps.indices where steps[other].after.contains(id) {
                steps[other].after = steps[other].after.map { $0 == id ? step.id : $0 }
            }
            steps.insert(step, at: position + 1)
        }
    }

    private func index(of id: String) throws(ProgramEditError) -> Int {
        guard let index = steps.firstIndex(where: { $0.id == id }) else {
            throw ProgramEditError(description: "program \(self.id) has no step '\(id)'")
        }
        return index
    }

    private func checkNew(_ step: ProgramStep) throws(ProgramEditError) {
        if steps.contains(where: { $0.id == step.id }) {
            throw ProgramEditError(description: "program \(id) already has a step '\(step.id)'")
        }
    }
}

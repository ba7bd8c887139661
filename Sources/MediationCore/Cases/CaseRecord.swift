/// A case with its deadlines: what one change reads and writes as a whole.
public struct CaseRecord: Sendable, Equatable {
    public var file: CaseFile
    /// Oldest first. At most one is open at a time: the intake's, then the track's.
    public var deadlines: [Deadline]

    public init(file: CaseFile, deadlines: [Deadline]) {
        self.file = file
        self.deadlines = deadlines
    }

    public var openDeadline: Deadline? {
        deadlines.last { $0.state == .open }
    }

    var openDeadlineIndex: Int? {
        deadlines.lastIndex { $0.state == .open }
    }
}

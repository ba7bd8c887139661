/// How long each step may take: the intake term and each track's own term. A track without a
/// term (a referral, say, which is done when the letter goes out) gets no deadline.
public struct CaseTerms: Sendable, Equatable {
    public var intake: Term
    public var tracks: [Track: Term]
    /// How long a side has to answer a question in an investigation, unless the question says.
    public var answer: Term
    /// Wederhoor: how long the other side has to react to an answer, unless the answer says.
    public var reaction: Term

    public init(intake: Term, tracks: [Track: Term], answer: Term = Term(6, .weeks)!, reaction: Term = Term(2, .weeks)!) {
        self.intake = intake
        self.tracks = tracks
        self.answer = answer
        self.reaction = reaction
    }

    /// Three weeks for the intake (the office's promise); two weeks for the agency to answer an
    /// intervention, four for holding a mediation session, thirteen for an investigation's
    /// response round; referrals and not-competent letters within one week. A side has six
    /// weeks to answer a question and the other side two to react.
    public static let standard = CaseTerms(
        intake: Term(3, .weeks)!,
        tracks: [
            .intervention: Term(2, .weeks)!,
            .mediation: Term(4, .weeks)!,
            .investigation: Term(13, .weeks)!,
            .referral: Term(1, .weeks)!,
            .notCompetent: Term(1, .weeks)!,
        ]
    )
}

/// Makes a text fit for publication (the anonymised agreement or investigation report): the
/// people become their roles ("verzoeker", "de bemiddelaar"), and addresses, postcodes, phone
/// numbers, e-mail addresses, BSNs, IBANs, dates of birth and licence plates become bracketed
/// labels ("[adres]"). The government body's name stays, since the office publishes whom it
/// investigated.
///
/// Two sources, because neither is enough alone: the details stored for the case are found in
/// any spelling, also where no pattern would see them ("Postbus 1234"); the patterns catch what
/// was never stored (a neighbour's phone number in a letter, the official who promised to call
/// back, who becomes "[naam]" or "een medewerker"). `leaks(in:)` is the check before
/// anything is written: the daemon refuses to publish while it reports anything.
public struct Anonymiser: Sendable {
    private let kept: KeptNames
    /// People nobody stored for the case, found by how a name is written.
    private let mentions: PersonMentionScanner
    /// For `anonymise`: every mention of a person, every stored contact item.
    private let redactionRules: [FindingRule]
    /// For `leaks`: the parts of a name that identify the person, every stored contact item.
    private let leakRules: [FindingRule]

    /// `keep`: names that stay as written, "Gemeente Utrecht", "Belastingdienst", "UWV".
    /// `firstNames`: the voornamen with which "Mohamed Visser" is recognised as a person.
    public init(details: [IdentifyingDetail], keep: [String] = [], firstNames: FirstNames = .none) {
        mentions = firstNames.mentions
        kept = KeptNames(keep, mentions: mentions)
        var redactionRules: [FindingRule] = []
        var leakRules: [FindingRule] = []
        for detail in details {
            switch detail.kind {
            case .name(let role):
                let name = PersonName(detail.value)
                if let mention = name.mentionPattern {
                    redactionRules.append(FindingRule(pattern: TextPattern(mention), replacement: role, field: detail.field))
                }
                if let parts = name.identifyingPartsPattern {
                    leakRules.append(FindingRule(pattern: TextPattern(parts), replacement: role, field: detail.field))
                }
            case .contact:
                let rules = StoredContact(detail.value).items.map {
                    FindingRule(pattern: TextPattern($0.pattern), replacement: $0.label, field: detail.field)
                }
                redactionRules += rules
                leakRules += rules
            }
        }
        self.redactionRules = redactionRules
        self.leakRules = leakRules
    }

    /// `text` with every person replaced by their role and every identifier by its label. The
    /// stored details go first and the patterns then read what is left: a pattern that would
    /// overlap a name ("El Amrani op de Burgemeester de Withstraat 5") cannot lose to the name
    /// and leave the rest of the address behind, and a stored person keeps their own role.
    public func anonymise(_ text: String) -> String {
        let withoutDetails = redacting(text) { searchable in redactionRules.flatMap { $0.findings(in: searchable) } }
        return redacting(withoutDetails) { searchable in patternFindings(in: withoutDetails, searchable: searchable) }
    }

    /// Identifiers first, so they win a tie with a name. The identifier patterns read the text
    /// as it is, kept names and all: "UWV" is kept, but not inside "k.elamrani@uwv.nl".
    private func patternFindings(in text: String, searchable: String) -> [Finding] {
        IdentifierScanner.findings(in: text) + mentions.findings(in: searchable)
    }

    private func redacting(_ text: String, _ find: (String) -> [Finding]) -> String {
        let findings = find(kept.masking(text))
        return Redaction.applying(SpanSelection.nonOverlapping(findings, range: \.range), to: text)
    }

    /// What of the stored details, and which recognisable identifiers, are still in `text`,
    /// in the order they appear, each field and text once. Empty means fit to publish.
    public func leaks(in text: String) -> [Leak] {
        let searchable = kept.masking(text)
        // Every stored-detail match counts, even inside a longer identifier: the point is to
        // name the stored field that leaked. A pattern match adds nothing where it overlaps one.
        let stored = leakRules.flatMap { $0.findings(in: searchable) }
        let unexplained = patternFindings(in: text, searchable: searchable).filter { identifier in
            !stored.contains { $0.range.overlaps(identifier.range) }
        }
        let findings = (stored + unexplained).sorted { $0.range.lowerBound < $1.range.lowerBound }
        var leaks: [Leak] = []
        for finding in findings {
            let leak = Leak(field: finding.field, found: text.utf16Substring(finding.range))
            if !leaks.contains(leak) { leaks.append(leak) }
        }
        return leaks
    }
}

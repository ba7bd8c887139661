import MediationCore

/// The anonymiser for one case: the people stored for it and what they become in a publication
/// (verzoeker, de bemiddelaar), their contact details to remove, the agency's name to keep, and
/// the first names by which the people nobody stored are found.
struct PublicationAnonymiser {
    static let complainantRole = "verzoeker"
    static let mediatorRole = "de bemiddelaar"

    let anonymiser: Anonymiser

    init(record: CaseRecord, mediatorNames: [String], firstNames: FirstNames) {
        let complainant = record.file.complainant
        var details = [
            IdentifyingDetail(field: "the complainant's name", value: complainant.name, kind: .name(role: Self.complainantRole)),
            IdentifyingDetail(field: "the complainant's contact details", value: complainant.contact, kind: .contact),
        ]
        for name in mediatorNames {
            details.append(IdentifyingDetail(field: "the mediator's name (\(name))", value: name, kind: .name(role: Self.mediatorRole)))
        }
        anonymiser = Anonymiser(details: details, keep: [record.file.agency, CaseDocumentBuilder.office], firstNames: firstNames)
    }

    /// Names in the structured fields become roles; the free texts go through the anonymiser.
    func anonymised(_ document: CaseDocument) -> CaseDocument {
        var document = document
        let complainant = document.complainant
        document.complainant = Self.complainantRole
        for index in document.sessions.indices { document.sessions[index].mediator = Self.mediatorRole }
        for index in document.agreements.indices where document.agreements[index].party == complainant {
            document.agreements[index].party = Self.complainantRole
        }
        for index in document.questions.indices {
            if document.questions[index].party == complainant { document.questions[index].party = Self.complainantRole }
            if document.questions[index].reactingParty == complainant { document.questions[index].reactingParty = Self.complainantRole }
        }
        document.transformTexts(anonymiser.anonymise)
        document.anonymised = true
        return document
    }
}

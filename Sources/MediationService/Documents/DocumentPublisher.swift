import Foundation
import Logging
import MediationCore
import MediationStore

/// Renders a case's documents from the templates in force, keeps their versions in the archive,
/// and makes the anonymised version for publication. An actor, so two changes to one case
/// never write the same version number.
public actor DocumentPublisher {
    private let cases: any CaseStore
    private let schedule: any ScheduleStore
    private let clock: any ServiceClock
    private let archive: DocumentArchive
    private var templates: DocumentTemplates
    private let logger: Logger

    public init(cases: any CaseStore, schedule: any ScheduleStore, clock: any ServiceClock, templates: DocumentTemplates,
                stateDirectory: String, logger: Logger) {
        self.cases = cases
        self.schedule = schedule
        self.clock = clock
        self.archive = DocumentArchive(directory: stateDirectory)
        self.templates = templates
        self.logger = logger
    }

    /// A reload's templates; documents from then on use them.
    public func use(_ templates: DocumentTemplates) {
        self.templates = templates
    }

    /// The document as it stands now, for `agreement document` and `investigation document`.
    public func render(_ reference: CaseReference, _ kind: DocumentKind, _ format: DocumentFormat) async throws -> String {
        let (record, document) = try await document(reference)
        if kind == .conclusion, record.conclusion == nil { throw DocumentError.notConcluded(reference) }
        return templates.render(kind, format, document)
    }

    /// Writes the next version when the document changed. The change that caused it is stored
    /// already, so a failure here is logged, not returned: the next change, or the command
    /// that prints the document, renders it again from the database.
    public func archive(_ reference: CaseReference, _ kind: DocumentKind) async {
        do {
            let (_, document) = try await document(reference)
            let rendered = Dictionary(uniqueKeysWithValues: DocumentFormat.allCases.map { ($0, templates.render(kind, $0, document)) })
            let archive = self.archive
            if let version = try await BlockingWork.run({ try archive.store(kind, reference: reference.text, rendered: rendered) }) {
                logger.info("Wrote version \(version) of the \(kind.rawValue) document of case \(reference)",
                            metadata: ["MEDIATION_CASE": .string(reference.text)])
            }
        } catch {
            logger.error("Could not write the \(kind.rawValue) document of case \(reference): \(error)",
                         metadata: ["MEDIATION_CASE": .string(reference.text)])
        }
    }

    /// Where the versions of a case's document are kept.
    public func latestArchived(_ reference: CaseReference, _ kind: DocumentKind, _ format: DocumentFormat) -> String? {
        let version = archive.latestVersion(kind, reference: reference.text)
        return version == 0 ? nil : archive.path(kind, reference: reference.text, version: version, format: format)
    }

    /// The publishable Markdown: the investigation's conclusion when there is one, else the
    /// agreements. Refused when a stored name or contact detail would still be in it.
    public func publication(_ reference: CaseReference) async throws -> (kind: DocumentKind, text: String) {
        let (record, document) = try await document(reference)
        let kind: DocumentKind
        if record.conclusion != nil {
            kind = .conclusion
        } else if !record.agreements.isEmpty {
            kind = .agreements
        } else {
            throw DocumentError.nothingToPublish(reference)
        }
        let mediators = Set(document.sessions.map(\.mediator))
        let templates = self.templates
        let (text, leaks) = try await BlockingWork.run {
            let anonymiser = PublicationAnonymiser(record: record, mediatorNames: Array(mediators).sorted(), firstNames: templates.firstNames)
            let text = anonymiser.anonymiser.anonymise(templates.render(kind, .markdown, anonymiser.anonymised(document)))
            return (text, anonymiser.anonymiser.leaks(in: text).map(\.description))
        }
        guard leaks.isEmpty else { throw DocumentError.leaked(reference, leaks) }
        return (kind, text)
    }

    private func document(_ reference: CaseReference) async throws -> (CaseRecord, CaseDocument) {
        guard let record = try await cases.record(reference) else { throw CaseStoreError.notFound(reference) }
        let sessions = try await schedule.sessions(SessionQuery(caseReference: reference, includeAll: true))
        let mediators = Dictionary(try await schedule.mediators().map { ($0.login, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let builder = CaseDocumentBuilder(record: record, sessions: sessions, mediators: mediators, today: CalendarDate(clock.now))
        return (record, builder.document)
    }
}

public enum DocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    case notConcluded(CaseReference)
    case nothingToPublish(CaseReference)
    case leaked(CaseReference, [String])

    public var description: String {
        switch self {
        case .notConcluded(let reference):
            "the investigation of case \(reference) has not been concluded; mediationctl investigation conclude \(reference) records the judgement"
        case .nothingToPublish(let reference):
            "case \(reference) has nothing to publish: no agreements were recorded and no investigation was concluded"
        case .leaked(let reference, let fields):
            "the publication of case \(reference) would still contain \(fields.joined(separator: ", ")); nothing was written. "
                + "Reword the text that holds it (agreement edit, or ask the office's privacy officer)"
        }
    }
}

import Foundation
@testable import MediationService
import TestSupport
import Testing

@Suite("Document templates")
struct DocumentTemplatesTests {
    static let shipped = BuiltProducts.sourceRoot() + "/Config/templates"

    static let document = CaseDocument(
        reference: "2026-0042", agency: "Gemeente Utrecht", subject: "Parkeervergunning & bezwaar", complainant: "Anna de Vries",
        date: "2026-11-29",
        sessions: [.init(date: "2026-11-24", time: "10:00–11:30", mediator: "Piet Jansen", place: "Kamer 3", outcome: "gehouden")],
        agreements: [
            .init(number: 7, party: "Gemeente Utrecht", text: "Belt terug <vóór> vrijdag & stuurt een brief", due: "2026-12-04", state: "open", note: nil),
            .init(number: 8, party: "Anna de Vries", text: "Stuurt de foto's", due: nil, state: "niet nagekomen", note: "geen foto's ontvangen"),
        ],
        questions: [], conclusion: nil)

    @Test func theShippedAgreementTemplatesNameEveryAgreementWithItsPartyAndDueDate() throws {
        let templates = try DocumentTemplates.load(from: Self.shipped)
        let markdown = templates.render(.agreements, .markdown, Self.document)
        #expect(markdown.hasPrefix("# Afspraken na bemiddeling"), "the comment and the content-type line leave nothing behind")
        #expect(markdown.contains("**Dossier:** 2026-0042"))
        #expect(markdown.contains("Bemiddelaar: Piet Jansen"))
        #expect(markdown.contains("- 2026-11-24, 10:00–11:30, Kamer 3"))
        #expect(markdown.contains(#"7. **Gemeente Utrecht**: Belt terug \<vóór\> vrijdag & stuurt een brief"#),
                "Markdown takes text as written, with what would make it HTML escaped")
        #expect(markdown.contains("Uiterlijk: 2026-12-04. Stand: open."))
        #expect(markdown.contains("8. **Anna de Vries**: Stuurt de foto's"))
        #expect(markdown.contains("Uiterlijk: geen datum. Stand: niet nagekomen. Toelichting: geen foto's ontvangen"))

        let html = templates.render(.agreements, .html, Self.document)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("@media print"))
        #expect(html.contains("Belt terug &lt;vóór&gt; vrijdag &amp; stuurt een brief"), "HTML escapes what the parties wrote")
        #expect(!html.contains("<vóór>"))
        #expect(html.contains("<li value=\"7\"><strong>Gemeente Utrecht</strong>"))
    }

    @Test(arguments: [DocumentKind.agreements, .conclusion])
    func markdownCarriesNoRawHTMLAndNoLinksFromWhatThePartiesWrote(kind: DocumentKind) throws {
        let hostile = #"<script>alert(1)</script> [klik hier](javascript:alert(1)) ![x](https://x.example/p.png) <https://x.example> \[y](z)"#
        var document = Self.document
        document.subject = hostile
        document.agreements[0].text = hostile
        document.conclusion = .init(form: "Brief", judgement: "behoorlijk", text: hostile, date: "2026-11-29")
        let markdown = try DocumentTemplates.load(from: Self.shipped).render(kind, .markdown, document)
        // With every backslash escape taken out, no character that starts a tag or a link is left.
        let unescaped = markdown.replacingOccurrences(of: #"\\."#, with: "", options: .regularExpression)
        #expect(!unescaped.contains { "<>[]".contains($0) }, "\(markdown)")
        #expect(markdown.contains(#"\<script\>alert(1)\</script\> \[klik hier\](javascript:alert(1))"#), "the words stay readable")
    }

    @Test func theShippedConclusionTemplatesGiveTheJudgementAndTheHearing() throws {
        var document = Self.document
        document.questions = [.init(number: 3, party: "Gemeente Utrecht", text: "Waarom?", askedOn: "2026-10-01", answer: "Drukte", answeredOn: "2026-10-20",
                                    reactingParty: "Anna de Vries", reaction: nil, reactedOn: nil)]
        document.conclusion = .init(form: "Rapport", judgement: "niet behoorlijk", text: "De gemeente had eerder moeten bellen.", date: "2026-11-29")
        let templates = try DocumentTemplates.load(from: Self.shipped)
        let markdown = templates.render(.conclusion, .markdown, document)
        #expect(markdown.contains("# Rapport – oordeel van de Nationale ombudsman"))
        #expect(markdown.contains("### Vraag 3 aan Gemeente Utrecht (2026-10-01)"))
        #expect(markdown.contains("**Antwoord (2026-10-20):** Drukte"))
        #expect(markdown.contains("Geen reactie van Anna de Vries ontvangen."))
        #expect(markdown.contains("de gedraging van Gemeente Utrecht **niet behoorlijk** is"))
        #expect(templates.render(.conclusion, .html, document).contains("<strong>niet behoorlijk</strong>"))
    }

    @Test func theListOfFirstNamesIsReadBesideTheTemplatesAndRequired() throws {
        #expect(try DocumentTemplates.load(from: Self.shipped).firstNames.names.contains("Mohamed"))
        let directory = TemporaryDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.shipped) where name != DocumentTemplates.firstNamesFile {
            try FileManager.default.copyItem(atPath: "\(Self.shipped)/\(name)", toPath: directory.file(name))
        }
        #expect(throws: TemplateError.self) { try DocumentTemplates.load(from: directory.path) }
        do {
            _ = try DocumentTemplates.load(from: directory.path)
        } catch {
            #expect(error.file == directory.file(DocumentTemplates.firstNamesFile))
            #expect(error.reason.contains("first names"))
        }
    }

    @Test func aTemplateThatDoesNotParseIsNamedWithItsLine() throws {
        let directory = TemporaryDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.shipped) {
            try FileManager.default.copyItem(atPath: "\(Self.shipped)/\(name)", toPath: directory.file(name))
        }
        let broken = directory.write("agreement.html.mustache", "<html>\n<body>\n{{#agreements}}\n<p>{{text}}</p>\n</body>\n")
        do {
            _ = try DocumentTemplates.load(from: directory.path)
            Issue.record("a section without its end was accepted")
        } catch {
            #expect(error.file == broken)
            #expect(error.line != nil)
            #expect(error.reason.contains("not closed"), "\(error)")
            #expect(error.description.hasPrefix("\(broken):"))
        }
        directory.write("agreement.html.mustache", "<p>{{#a}}x{{/b}}</p>")
        #expect(throws: TemplateError.self) { try DocumentTemplates.load(from: directory.path) }

        // An error on the first line of a Markdown template is placed in the file, not after
        // the content-type directive the loader puts in front.
        try FileManager.default.copyItem(atPath: "\(Self.shipped)/agreement.html.mustache", toPath: directory.file("fixed.html"))
        _ = try? FileManager.default.removeItem(atPath: directory.file("agreement.html.mustache"))
        try FileManager.default.moveItem(atPath: directory.file("fixed.html"), toPath: directory.file("agreement.html.mustache"))
        let firstLine = directory.write("conclusion.md.mustache", "ab{{/oops}}\n")
        do {
            _ = try DocumentTemplates.load(from: directory.path)
            Issue.record("a closing tag without its section was accepted")
        } catch {
            #expect(error.file == firstLine && error.line == 1)
            #expect((error.column ?? 0) <= 12, "\(error)")
        }
    }

    @Test func aMissingTemplateIsNamed() throws {
        let directory = TemporaryDirectory()
        do {
            _ = try DocumentTemplates.load(from: directory.path)
            Issue.record("an empty directory was accepted")
        } catch {
            #expect(error.file.hasSuffix(".mustache"))
            #expect(error.reason.contains("cannot be read"))
        }
    }
}

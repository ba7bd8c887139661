import MediationCore
import Testing

/// Realistic Dutch texts with planted identifiers (see the Corpus+ files).
enum Corpus {
    static let letters = complaints + mediation + investigations
}

extension AnonymisationTests {
    @Suite("Corpus of letters")
    struct CorpusTests {
        @Test func theCorpusIsLargeEnough() {
            #expect(Corpus.letters.count >= 12)
        }

        @Test(arguments: Corpus.letters)
        func theLetterReallyContainsWhatIsStoredForItsCase(letter: CorpusLetter) {
            // Otherwise the other tests would pass for want of anything to find.
            let leakedFields = Set(letter.anonymiser.leaks(in: letter.text).map(\.field))
            for detail in letter.details {
                #expect(leakedFields.contains(detail.field), "\(detail.field) is not in the letter")
            }
            for planted in letter.planted {
                #expect(letter.text.contains(planted), "\(planted) is not in the letter")
            }
        }

        @Test(arguments: Corpus.letters)
        func nothingStoredLeaksAfterAnonymising(letter: CorpusLetter) {
            let anonymiser = letter.anonymiser
            let published = anonymiser.anonymise(letter.text)
            #expect(anonymiser.leaks(in: published) == [], "\(published)")
        }

        @Test(arguments: Corpus.letters)
        func noPlantedIdentifierSurvivesInAnySpelling(letter: CorpusLetter) {
            let published = letter.anonymiser.anonymise(letter.text)
            let normalisedPublished = AnonymisationTests.normalised(published)
            for planted in letter.planted {
                #expect(!published.contains(planted), "\(planted) survived")
                if planted.contains(where: \.isNumber) {
                    #expect(!normalisedPublished.contains(AnonymisationTests.normalised(planted)), "\(planted) survived respelled")
                }
            }
        }

        @Test(arguments: Corpus.letters)
        func theAgencyAndTheOrdinaryDatesAmountsAndReferencesStay(letter: CorpusLetter) {
            let published = letter.anonymiser.anonymise(letter.text)
            for survivor in letter.survivors {
                #expect(published.contains(survivor), "\(survivor) is missing")
            }
        }

        @Test(arguments: Corpus.letters)
        func theRolesStandWhereTheNamesWere(letter: CorpusLetter) {
            let published = letter.anonymiser.anonymise(letter.text)
            for role in letter.roles {
                #expect(published.contains(role), "\(role.debugDescription) not in:\n\(published)")
            }
        }
    }
}

/// Complaint letters and forms, as complainants send them to the office.
extension Corpus {
    static let complaints: [CorpusLetter] = [
        CorpusLetter(
            title: "complaint letter about Dienst Toeslagen",
            text: """
                Ontvangen 3 maart 2026 – in behandeling bij mw. S. Bakker

                Anna Maria de Vries
                Kerkstraat 12
                3511 AB  Utrecht
                Tel.: 06-12345678
                E-mail: anna.devries@example.nl

                Aan de Nationale ombudsman
                Postbus 93122
                2509 AC  Den Haag

                Utrecht, 2 maart 2026

                Betreft: klacht over Dienst Toeslagen, kenmerk 2026-0001

                Geachte heer, mevrouw,

                Hierbij dien ik een klacht in over Dienst Toeslagen. Mijn naam is A.M. de Vries, geboren op 12-03-1980 \
                in Utrecht. Mijn burgerservicenummer is 1234.56.782.

                Op 15 januari 2026 kreeg ik een brief waarin Dienst Toeslagen € 1.234,56 terugvordert. Ik moet dat \
                uiterlijk 1 april 2026 betalen, maar de toeslag werd altijd gestort op mijn rekening \
                NL91 ABNA 0417 1643 00. Ik heb drie keer gebeld, maar niemand kon mij helpen. Mijn man, Peter de Vries, \
                heeft ook gebeld, vanaf zijn nummer 06 8765 4321. Ons klantnummer bij Dienst Toeslagen is 123456789.

                Volgens artikel 9:1 Awb mag ik over deze behandeling klagen. U kunt mij bellen op 0612345678, of als \
                ik in het buitenland ben op +31 6 12345678.

                Met vriendelijke groet,

                Anna de Vries
                """,
            details: [
                .name("the complainant's name", "Anna Maria de Vries", role: "verzoeker"),
                .contact("the complainant's contact details", "Kerkstraat 12, 3511 AB Utrecht, 06-12345678, anna.devries@example.nl"),
                .name("mediator sanne's name", "Sanne Bakker", role: "de bemiddelaar"),
                .name("the husband's name", "Peter de Vries", role: "haar man"),
            ],
            keep: ["Dienst Toeslagen"],
            planted: [
                "S. Bakker", "Anna Maria de Vries", "Kerkstraat 12", "3511 AB", "06-12345678", "anna.devries@example.nl",
                "A.M. de Vries", "12-03-1980", "1234.56.782", "NL91 ABNA 0417 1643 00", "Peter de Vries", "06 8765 4321",
                "0612345678", "+31 6 12345678", "Anna de Vries", "de Vries", "Anna",
            ],
            survivors: [
                "Dienst Toeslagen", "kenmerk 2026-0001", "Utrecht, 2 maart 2026", "15 januari 2026", "€ 1.234,56",
                "uiterlijk 1 april 2026", "artikel 9:1 Awb", "Ontvangen 3 maart 2026", "klantnummer bij Dienst Toeslagen is 123456789",
            ],
            roles: ["in behandeling bij de bemiddelaar", "Verzoeker\n", "Mijn naam is verzoeker, geboren op", "Mijn man, haar man,", "\nVerzoeker"]
        ),
        CorpusLetter(
            title: "web complaint form about a CJIB fine",
            text: """
                KLACHTFORMULIER – ingediend via de website op 12-02-2026
                Toegewezen aan: I. Kok (bemiddelaar), 13-02-2026

                Naam: Kees Smit
                Geboortedatum: 7 mrt. 1958
                Adres: Dorpsstraat 3a
                Postcode en woonplaats: 8011 XT Zwolle
                Telefoon: 0031 6 45678901
                E-mailadres: kees.smit58@example.nl
                Kenteken (bij klachten over verkeersboetes): 45-JKL-7

                Over welke instantie gaat uw klacht? CJIB

                Omschrijving van uw klacht:
                Op 14 november 2025 kreeg ik een boete van € 104,00 omdat mijn bestelbus (VH-823-P) te hard zou hebben \
                gereden op de A28. Maar ik lag die dag in het ziekenhuis; mijn dochter Linda Smit kan dat bevestigen \
                (tel. 038-4 567 890). Het kenteken op de foto is 45-JKL-1, niet het mijne. Ik heb bezwaar gemaakt bij \
                het CJIB (kenmerk CJIB 2025-118833), maar na 8 weken heb ik nog steeds geen antwoord. Ik wil dat de \
                boete vervalt en dat het CJIB het geld terugstort op NL36INGB0007654321.

                Wat heeft u al gedaan? Gebeld met het CJIB op 9 december 2025. Smit
                """,
            details: [
                .name("the complainant's name", "Kees Smit", role: "verzoeker"),
                .contact("the complainant's contact details", "Dorpsstraat 3a\n8011 XT Zwolle\n0031 6 45678901\nkees.smit58@example.nl"),
                .name("mediator ingrid's name", "Ingrid Kok", role: "de bemiddelaar"),
                .name("the daughter's name", "Linda Smit", role: "zijn dochter"),
            ],
            keep: ["CJIB"],
            planted: [
                "I. Kok", "Kees Smit", "7 mrt. 1958", "Dorpsstraat 3a", "8011 XT", "0031 6 45678901", "kees.smit58@example.nl",
                "45-JKL-7", "VH-823-P", "Linda Smit", "038-4 567 890", "45-JKL-1", "NL36INGB0007654321", "Smit",
            ],
            survivors: [
                "12-02-2026", "13-02-2026", "CJIB", "14 november 2025", "€ 104,00", "A28", "kenmerk CJIB 2025-118833", "8 weken",
                "9 december 2025",
            ],
            roles: ["Toegewezen aan: de bemiddelaar (bemiddelaar)", "Naam: verzoeker", "mijn dochter zijn dochter kan", "2025. Verzoeker"]
        ),
        CorpusLetter(
            title: "complaint about a parking permit of Gemeente Amsterdam",
            text: """
                Aan de Nationale ombudsman
                cc: mevrouw N. Willems, bemiddelaar

                Amsterdam, 3 februari 2026

                Betreft: klacht tegen Gemeente Amsterdam, parkeervergunning

                Geachte mevrouw, heer,

                Ik woon sinds 2019 op de Prins Hendrikkade 112-3, 1011 AM Amsterdam. Sinds 1 januari 2026 weigert de \
                Gemeente Amsterdam mijn parkeervergunning te verlengen voor mijn auto met kenteken 7-TNX-45. Volgens \
                de gemeente staat de auto op naam van mijn partner, Joost Hendriks, en niet op mijn naam. Dat klopt: \
                Joost en ik zijn samen eigenaar, en hij woont ook op dit adres.

                De medewerker van de gemeente, de heer B. Vos, zei aan de telefoon (14 020) dat ik een nieuwe aanvraag \
                moest doen. Dat heb ik gedaan (aanvraagnummer 2025-44871), maar op 12 december 2025 kreeg ik een \
                afwijzing die ik niet begrijp. De leges van € 35,50 zijn wel afgeschreven.

                Ik vraag de ombudsman te bemiddelen. Ik ben bereikbaar op 06-56789012, overdag op mijn werk op \
                020 123 4567, of per e-mail: m.ramdin@example.com.

                Hoogachtend,

                Meera Ramdin
                geboren 30-09-1985
                """,
            details: [
                .name("the complainant's name", "Meera Ramdin", role: "verzoekster"),
                .contact("the complainant's contact details", "Prins Hendrikkade 112-3, 1011 AM Amsterdam, 06-56789012, m.ramdin@example.com"),
                .name("mediator noor's name", "Noor Willems", role: "de bemiddelaar"),
                .name("the partner's name", "Joost Hendriks", role: "haar partner"),
                .name("the municipal officer's name", "Bas Vos", role: "de medewerker"),
            ],
            keep: ["Gemeente Amsterdam"],
            planted: [
                "N. Willems", "Prins Hendrikkade 112-3", "1011 AM", "7-TNX-45", "Joost Hendriks", "Joost", "B. Vos",
                "06-56789012", "020 123 4567", "m.ramdin@example.com", "Meera Ramdin", "30-09-1985",
            ],
            survivors: [
                "Amsterdam, 3 februari 2026", "Gemeente Amsterdam", "sinds 2019", "1 januari 2026", "(14 020)",
                "aanvraagnummer 2025-44871", "12 december 2025", "€ 35,50",
            ],
            roles: ["cc: de bemiddelaar, bemiddelaar", "mijn partner, haar partner, en", "klopt: haar partner en ik", "De medewerker van de gemeente, de medewerker, zei", "\nVerzoekster\ngeboren [geboortedatum]"]
        ),
        CorpusLetter(
            title: "daughter's complaint about home help from the municipality of Zeist",
            text: """
                [Intake 27-01-2026, bemiddelaar T. Koster]

                Zeist, 26 januari 2026

                Geachte ombudsman,

                Mijn moeder, mevrouw Smits (87), woont zelfstandig op Het Rond 6 in Zeist. Sinds oktober 2025 krijgt \
                zij van de gemeente Zeist nog maar 2 uur huishoudelijke hulp per week in plaats van 4 uur. De \
                wijkverpleegkundige, Ilse Verbeek, heeft de gemeente op 5 november 2025 laten weten dat dit te weinig is.

                De consulent van de gemeente, mevrouw Van Dijk, zei tijdens het keukentafelgesprek dat de beslissing \
                vaststond. Dat vind ik niet eerlijk. Mijn moeder is geboren op 1 februari 1939 en kan echt niet meer \
                zelf stofzuigen. Gerda Smits heeft haar hele leven in Zeist gewoond.

                Post voor mij kunt u sturen naar Postbus 1234, 3700 AA Zeist. Bellen kan op 06-11223344; mijn moeder \
                heeft geen telefoon meer, haar vaste nummer was 030 691 2345.

                Met vriendelijke groet,
                W. Brouwer
                """,
            details: [
                .name("the complainant's name", "Gerda Smits", role: "verzoekster"),
                .contact("the complainant's contact details", "Het Rond 6, 3701 HS Zeist, 030 691 2345"),
                .name("the daughter's name", "Willemijn Brouwer", role: "haar dochter"),
                .contact("the daughter's contact details", "Postbus 1234, 3700 AA Zeist, 06-11223344"),
                .name("mediator tim's name", "Tim Koster", role: "de bemiddelaar"),
                .name("the nurse's name", "Ilse Verbeek", role: "de wijkverpleegkundige"),
                .name("the consultant's name", "Sandra van Dijk", role: "de consulent"),
            ],
            keep: ["gemeente Zeist"],
            planted: [
                "T. Koster", "mevrouw Smits", "Het Rond 6", "Ilse Verbeek", "Van Dijk", "1 februari 1939", "Gerda Smits",
                "Postbus 1234", "3700 AA", "06-11223344", "030 691 2345", "W. Brouwer",
            ],
            survivors: [
                "27-01-2026", "Zeist, 26 januari 2026", "(87)", "gemeente Zeist", "2 uur", "4 uur", "5 november 2025",
                "in Zeist gewoond", "oktober 2025",
            ],
            roles: [
                "bemiddelaar de bemiddelaar]", "Mijn moeder, verzoekster (87)", "De wijkverpleegkundige, de wijkverpleegkundige, heeft",
                "De consulent van de gemeente, de consulent, zei", "zelf stofzuigen. Verzoekster heeft", "Met vriendelijke groet,\nHaar dochter",
            ]
        ),
        CorpusLetter(
            title: "e-mail in English about the IND",
            text: """
                From: Maria Gonzalez <maria.gonzalez@example.es>
                To: klachten@ombudsman.example
                Date: 5 November 2025 21:14
                Subject: Complaint about IND – residence permit (your reference 2025-0993)

                Dear Sir/Madam, dear Ms Vermeulen,

                My name is Maria Gonzalez (date of birth: 12 March 1980, BSN 111222333). I live at Biltstraat 101-A, \
                3572 AK Utrecht and my phone number is +31 6 13579246. The IND has not decided on my application of \
                3 June 2025, although the legal term of 90 days has passed. I paid the fee of € 228,00.

                My employer, Mr. Tom Hendriksen, has written to the IND twice. My car (NZ-45-RT) was registered at my \
                address last year, so I cannot understand why the IND says I do not live there.

                Kind regards,
                Maria
                """,
            details: [
                .name("the complainant's name", "Maria Gonzalez", role: "the complainant"),
                .contact("the complainant's contact details", "Biltstraat 101-A, 3572 AK Utrecht, +31 6 13579246, maria.gonzalez@example.es"),
                .name("mediator anouk's name", "Anouk Vermeulen", role: "the mediator"),
                .name("the employer's name", "Tom Hendriksen", role: "her employer"),
            ],
            keep: ["IND"],
            planted: [
                "Maria Gonzalez", "maria.gonzalez@example.es", "Vermeulen", "12 March 1980", "111222333", "Biltstraat 101-A",
                "3572 AK", "+31 6 13579246", "Tom Hendriksen", "NZ-45-RT", "Maria",
            ],
            survivors: [
                "5 November 2025 21:14", "your reference 2025-0993", "IND", "3 June 2025", "90 days", "€ 228,00",
            ],
            roles: ["From: the complainant <[e-mailadres]>", "dear the mediator", "My name is the complainant (date of birth", "My employer, her employer, has", "Kind regards,\nThe complainant"]
        ),
    ]
}

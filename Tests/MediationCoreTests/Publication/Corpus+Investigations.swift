/// Texts from the investigation track: an agency's answer, a lawyer's letter, the report.
extension Corpus {
    static let investigations: [CorpusLetter] = [
        CorpusLetter(
            title: "UWV's answer in an investigation",
            text: """
                UWV
                Afdeling Klachtbehandeling
                Postbus 58285
                1040 HG  Amsterdam

                Aan: Nationale ombudsman, t.a.v. mevrouw drs. E. de Graaf
                Uw kenmerk: 2026-0107
                Datum: 4 maart 2026
                Onderwerp: reactie op de klacht van de heer A.M. van den Berg

                Geachte mevrouw De Graaf,

                In uw brief van 18 februari 2026 vraagt u ons te reageren op de klacht van de heer Van den Berg \
                (BSN 111222333, geb. 1980-03-12) over de beëindiging van zijn WW-uitkering.

                Volgens onze administratie woont de heer Van den Berg op Oude Gracht 123 hs, 3511AD Utrecht. Wij hebben \
                hem op 5 januari 2026 gebeld op (030) 123 45 67, maar kregen geen gehoor. Een brief aan zijn \
                e-mailadres a.vandenberg@example.net kwam terug als onbestelbaar.

                Op grond van artikel 27 WW heeft UWV de uitkering per 1 februari 2026 beëindigd. Arjen van den Berg heeft \
                bezwaar gemaakt; de beslissing op bezwaar volgt uiterlijk 15 april 2026. Het nabetaalde bedrag van \
                € 812,40 is overgemaakt op NL44 RABO 0123 4567 89.

                Zijn zoon, de heer T. van den Berg, heeft namens hem gebeld vanaf 06-23456789. Wij hebben hem uitgelegd \
                dat wij zonder machtiging geen informatie kunnen geven.

                Met vriendelijke groet,

                R. Hoekstra
                teamleider Klachtbehandeling UWV
                """,
            details: [
                .name("the complainant's name", "Arjen Maarten van den Berg", role: "verzoeker"),
                .contact(
                    "the complainant's contact details",
                    "Oude Gracht 123 hs, 3511 AD Utrecht, (030) 123 45 67, a.vandenberg@example.net"
                ),
                .name("investigator eva's name", "Eva de Graaf", role: "de onderzoeker"),
                .name("the son's name", "Thijs van den Berg", role: "zijn zoon"),
                .name("the UWV officer's name", "Rik Hoekstra", role: "de teamleider van UWV"),
            ],
            keep: ["UWV", "Nationale ombudsman"],
            planted: [
                "E. de Graaf", "De Graaf", "A.M. van den Berg", "Van den Berg", "111222333", "1980-03-12", "Oude Gracht 123 hs",
                "3511AD", "(030) 123 45 67", "a.vandenberg@example.net", "Arjen van den Berg", "NL44 RABO 0123 4567 89",
                "T. van den Berg", "06-23456789", "R. Hoekstra", "Hoekstra",
            ],
            survivors: [
                "UWV\nAfdeling Klachtbehandeling", "Uw kenmerk: 2026-0107", "Datum: 4 maart 2026", "18 februari 2026",
                "WW-uitkering", "5 januari 2026", "artikel 27 WW", "heeft UWV de uitkering per 1 februari 2026",
                "uiterlijk 15 april 2026", "€ 812,40", "teamleider Klachtbehandeling UWV",
            ],
            roles: [
                "t.a.v. de onderzoeker", "de klacht van verzoeker\n", "Geachte de onderzoeker,", "woont verzoeker op [adres]",
                "beëindigd. Verzoeker heeft", "Zijn zoon, zijn zoon, heeft", "Met vriendelijke groet,\n\nDe teamleider van UWV",
            ]
        ),
        CorpusLetter(
            title: "lawyer's letter on behalf of a complainant",
            text: """
                Eemland Advocaten
                Stationsplein 45
                3818 LE  Amersfoort
                T (033) 456 78 90
                E secretariaat@eemlandadvocaten.example

                Nationale ombudsman
                t.a.v. de heer mr. S. Jacobs

                Amersfoort, 9 januari 2026
                Ons kenmerk: 2025.0877/JV
                Uw kenmerk: 2025-0991

                Geachte heer Jacobs,

                Namens mijn cliënt, de heer D.J. van der Linden, geboren te Den Haag op 4 mei 1969 (BSN 123 456 782), \
                wonend aan de Lindelaan 8, 3818 AB Amersfoort, dien ik een klacht in over de Belastingdienst.

                Mijn cliënt heeft op 3 oktober 2025 een naheffingsaanslag motorrijtuigenbelasting ontvangen van \
                € 1.234,56 voor een bestelbus met kenteken VDJ-12-K. Die bus is sinds 2023 niet meer van hem, maar van \
                zijn broer, de heer G. van der Linden, Kanaalweg 17, 3526 KL Utrecht. Dirk-Jan heeft dat de \
                Belastingdienst drie keer laten weten.

                Cliënt is bereikbaar via mijn kantoor; in spoedgevallen op 06 4567 8901. Zijn e-mailadres is \
                dj.vanderlinden@example.com.

                Ik verzoek u de Belastingdienst te vragen de aanslag te vernietigen, zoals bedoeld in artikel 9:18 Awb, \
                en het bedrag terug te storten op NL28 RABO 0300 4005 00.

                Met vriendelijke groet,

                mr. J. van der Meer
                advocaat
                """,
            details: [
                .name("the complainant's name", "Dirk-Jan van der Linden", role: "verzoeker"),
                .contact("the complainant's contact details", "Lindelaan 8, 3818 AB Amersfoort, 06 4567 8901, dj.vanderlinden@example.com"),
                .name("mediator sem's name", "Sem Jacobs", role: "de bemiddelaar"),
                .name("the brother's name", "Gerrit van der Linden", role: "zijn broer"),
                .contact("the brother's contact details", "Kanaalweg 17, 3526 KL Utrecht"),
                .name("the lawyer's name", "Jeroen van der Meer", role: "de advocaat van verzoeker"),
            ],
            keep: ["Belastingdienst", "Nationale ombudsman"],
            planted: [
                "S. Jacobs", "Jacobs", "D.J. van der Linden", "4 mei 1969", "123 456 782", "Lindelaan 8", "3818 AB", "VDJ-12-K",
                "G. van der Linden", "Kanaalweg 17", "3526 KL", "Dirk-Jan", "06 4567 8901", "dj.vanderlinden@example.com",
                "NL28 RABO 0300 4005 00", "J. van der Meer", "van der Linden",
            ],
            survivors: [
                "Eemland Advocaten", "Amersfoort, 9 januari 2026", "Ons kenmerk: 2025.0877/JV", "Uw kenmerk: 2025-0991",
                "Belastingdienst", "3 oktober 2025", "€ 1.234,56", "sinds 2023", "artikel 9:18 Awb", "Nationale ombudsman",
            ],
            roles: [
                "t.a.v. de bemiddelaar", "Geachte de bemiddelaar,", "Namens mijn cliënt, verzoeker, geboren te Den Haag op [geboortedatum]",
                "zijn broer, zijn broer, [adres]. Verzoeker heeft", "Verzoeker heeft dat de", "\nDe advocaat van verzoeker\nadvocaat",
            ]
        ),
        CorpusLetter(
            title: "investigation report about Dienst Toeslagen",
            text: """
                RAPPORT
                Datum: 17 maart 2026
                Rapportnummer: 2026/014
                Onderzoeker: H. Mol

                Klacht over Dienst Toeslagen

                Verzoekster, mevrouw R. Hassan-de Boer, woonachtig aan de Esdoornlaan 41, 2314 BK Leiden, klaagt erover \
                dat Dienst Toeslagen haar kinderopvangtoeslag over 2024 volledig heeft teruggevorderd (€ 7.860,00).

                Bevindingen
                1. Mevrouw Hassan-de Boer (geb. datum 23-06-1979; BSN 252760189) werkte in 2024 32 uur per week. Haar \
                kinderen gingen naar een gastouder in Leiderdorp.
                2. Op 2 september 2025 belde haar ex-partner, Omar Hassan, met Dienst Toeslagen vanaf 071-5 123 456 en \
                meldde dat de kinderen sinds maart 2024 bij hem woonden. Hij gaf daarbij zijn eigen adres op: \
                Hoge Rijndijk 220 A, Leiden.
                3. Dienst Toeslagen heeft verzoekster daarover niet gehoord, maar op grond van die melding de toeslag \
                herzien. Mevrouw Hassan stuurde op 30 september 2025 een e-mail vanaf r.hassan@example.nl met de \
                inschrijving van de kinderen op haar adres.

                Hoor en wederhoor
                In zijn reactie van 2 februari 2026 schreef de heer drs. W. Kuipers, directeur van Dienst Toeslagen, \
                dat de melding van de ex-partner "voldoende aanleiding" gaf. Rukhsana heeft daarop gereageerd.

                Conclusie
                De klacht is gegrond. Dienst Toeslagen heeft gehandeld in strijd met het vereiste van fair play \
                (artikel 4:8 Awb). Dienst Toeslagen betaalt het teruggevorderde bedrag terug op NL66 ASNB 0707 0707 07.
                """,
            details: [
                .name("the complainant's name", "Rukhsana Hassan-de Boer", role: "verzoekster"),
                .contact("the complainant's contact details", "Esdoornlaan 41, 2314 BK Leiden; r.hassan@example.nl; NL66ASNB0707070707"),
                .name("investigator hanna's name", "Hanna Mol", role: "de onderzoeker"),
                .name("the former partner's name", "Omar Hassan", role: "de ex-partner"),
                .contact("the former partner's contact details", "Hoge Rijndijk 220 A, 2382 AS Zoeterwoude; 071-5 123 456"),
                .name("the director's name", "Willem Kuipers", role: "de directeur"),
            ],
            keep: ["Dienst Toeslagen"],
            planted: [
                "H. Mol", "R. Hassan-de Boer", "Esdoornlaan 41", "2314 BK", "Hassan-de Boer", "23-06-1979", "252760189",
                "Omar Hassan", "071-5 123 456", "Hoge Rijndijk 220 A", "Hassan", "r.hassan@example.nl", "W. Kuipers", "Rukhsana",
                "NL66 ASNB 0707 0707 07",
            ],
            survivors: [
                "Datum: 17 maart 2026", "Rapportnummer: 2026/014", "Dienst Toeslagen", "over 2024", "(€ 7.860,00)",
                "in 2024 32 uur per week", "in Leiderdorp", "2 september 2025", "sinds maart 2024", "30 september 2025",
                "2 februari 2026", "(artikel 4:8 Awb)",
            ],
            roles: [
                "Onderzoeker: de onderzoeker", "Verzoekster, verzoekster, woonachtig aan de [adres], [postcode] Leiden",
                "1. Verzoekster (geb. datum [geboortedatum]; BSN [BSN])", "haar ex-partner, de ex-partner, met", "herzien. Verzoekster stuurde",
                "schreef de directeur, directeur van", "gaf. Verzoekster heeft daarop",
            ]
        ),
    ]
}

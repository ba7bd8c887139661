/// Texts from the mediation track: notes, e-mail, agreements.
extension Corpus {
    static let mediation: [CorpusLetter] = [
        CorpusLetter(
            title: "record of agreements after a mediation session",
            text: """
                AFSPRAKEN NA HET BEMIDDELINGSGESPREK
                Zaaknummer: 2026-0042
                Datum gesprek: 10 februari 2026, 14.00 uur

                Aanwezig:
                - de heer J.P. Jansen (verzoeker), Van Woustraat 12-II, 1073 LL Amsterdam
                - mevrouw K. Öztürk, teamleider Werk en Inkomen, Gemeente Nieuwegein
                - mw. mr. L. Visser, bemiddelaar Nationale ombudsman

                De heer Jansen heeft zijn klacht toegelicht. Hij ontvangt sinds 2024 een bijstandsuitkering van de \
                Gemeente Nieuwegein. In december 2025 werd de uitkering stopgezet, omdat de gemeente dacht dat hij \
                samenwoonde met Fatima El Amrani op de Burgemeester de Withstraat 5 bis. Mevrouw Öztürk legde uit dat \
                dit volgde uit een anonieme melding.

                Jansen gaf aan dat mevrouw El Amrani alleen zijn buurvrouw is. Zij is bereikbaar op 020-1234567 en via \
                f.elamrani@mail.example.

                Afspraken:
                1. De Gemeente Nieuwegein betaalt de uitkering over december 2025 en januari 2026 (samen € 2.450,00) \
                uiterlijk 1 maart 2026 na op rekening NL20INGB0001234567.
                2. Mevrouw Öztürk belt de heer Jansen vóór 20 februari 2026 op 06 1234 5678 over het vervolg.
                3. Jan Pieter Jansen stuurt zijn huurcontract naar jpjansen@example.com.
                4. Mw. Visser controleert op 2 maart 2026 of de afspraken zijn nagekomen.
                """,
            details: [
                .name("the complainant's name", "Jan Pieter Jansen", role: "verzoeker"),
                .contact("the complainant's contact details", "Van Woustraat 12-II, 1073 LL Amsterdam, 06 1234 5678, jpjansen@example.com"),
                .name("mediator lotte's name", "Lotte Visser", role: "de bemiddelaar"),
                .name("the team leader's name", "Kübra Öztürk", role: "de teamleider"),
                .name("the neighbour's name", "Fatima El Amrani", role: "de buurvrouw"),
                .contact("the neighbour's contact details", "Burgemeester de Withstraat 5 bis\n020-1234567\nf.elamrani@mail.example"),
            ],
            keep: ["Gemeente Nieuwegein"],
            planted: [
                "J.P. Jansen", "Van Woustraat 12-II", "1073 LL", "K. Öztürk", "L. Visser", "De heer Jansen", "Fatima El Amrani",
                "Burgemeester de Withstraat 5 bis", "Öztürk", "El Amrani", "020-1234567", "f.elamrani@mail.example",
                "NL20INGB0001234567", "06 1234 5678", "Jan Pieter Jansen", "jpjansen@example.com", "Visser", "Jansen",
            ],
            survivors: [
                "Zaaknummer: 2026-0042", "10 februari 2026, 14.00 uur", "Gemeente Nieuwegein", "sinds 2024", "december 2025",
                "€ 2.450,00", "uiterlijk 1 maart 2026", "vóór 20 februari 2026", "op 2 maart 2026",
            ],
            roles: [
                "- verzoeker (verzoeker), [adres], [postcode] Amsterdam", "- de teamleider, teamleider", "- de bemiddelaar, bemiddelaar",
                "[adres]. De teamleider legde uit", "\nVerzoeker gaf aan dat de buurvrouw alleen", "2. De teamleider belt verzoeker vóór",
                "3. Verzoeker stuurt", "4. De bemiddelaar controleert",
            ]
        ),
        CorpusLetter(
            title: "mediator's notes of a session with DUO",
            text: """
                Notities bemiddelingsgesprek – zaak 2026-0019 (DUO)
                Bemiddelaar: M. de Wit
                Datum: 21-01-2026, 10.15 – 11.45 uur, via Teams

                Aanwezig: Elif Yilmaz (verzoekster), haar broer Emre Yilmaz (steun), mw. Jacobs-Kramer (DUO, afdeling Terugbetalen)

                - Elif vertelt: DUO int sinds september 2025 € 187,00 per maand, terwijl haar inkomen te laag is. Zij woont \
                sinds kort op Croeselaan 28 bis, 3521 CB Utrecht (adreswijziging doorgegeven op 02-12-2025), maar DUO \
                schrijft nog naar het oude adres, Kanaalstraat 214-2.
                - Was eerder onbereikbaar op 06 1234 5678; nieuw nummer: +31 (0)6 24681012.
                - Emre zegt dat hij zijn zus met de auto (kenteken 1ABC23) naar het DUO-kantoor in Groningen heeft \
                gebracht, maar daar werd ze niet geholpen.
                - Mw. Jacobs-Kramer: de draagkracht kan opnieuw worden berekend als Elif haar inkomensgegevens over 2025 \
                stuurt. De studieschuld (klantnummer bij DUO 88234117) blijft staan.
                - Geboortedatum verzoekster: 02/11/1991 (nodig voor de draagkrachtmeting).
                - Te veel geïnde termijnen (3 x € 187,00) terug op NL63TRIO0212345678.

                Afspraken: DUO stuurt uiterlijk 4 februari 2026 een nieuwe berekening. Elif mailt de stukken naar DUO \
                en in cc naar mij (m.dewit@ombudsman.example). Ik bel Yilmaz op 11 februari 2026 na.
                """,
            details: [
                .name("the complainant's name", "Elif Yilmaz", role: "verzoekster"),
                .contact("the complainant's contact details", "Croeselaan 28 bis, 3521 CB Utrecht, +31 (0)6 24681012, elif.yilmaz@example.nl"),
                .name("mediator mark's name", "Mark de Wit", role: "de bemiddelaar"),
                .name("the brother's name", "Emre Yilmaz", role: "betrokkene"),
                .name("the DUO officer's name", "Saskia Jacobs-Kramer", role: "de medewerker van DUO"),
            ],
            keep: ["DUO"],
            planted: [
                "M. de Wit", "Elif Yilmaz", "Emre Yilmaz", "Jacobs-Kramer", "Elif", "Croeselaan 28 bis", "3521 CB", "Kanaalstraat 214-2",
                "06 1234 5678", "+31 (0)6 24681012", "Emre", "1ABC23", "02/11/1991", "NL63TRIO0212345678", "m.dewit@ombudsman.example",
                "Yilmaz",
            ],
            survivors: [
                "zaak 2026-0019 (DUO)", "21-01-2026, 10.15 – 11.45 uur", "DUO int sinds september 2025 € 187,00 per maand",
                "02-12-2025", "DUO-kantoor in Groningen", "klantnummer bij DUO 88234117", "3 x € 187,00", "4 februari 2026",
                "11 februari 2026",
            ],
            roles: [
                "Bemiddelaar: de bemiddelaar", "Aanwezig: verzoekster (verzoekster), haar broer betrokkene (steun), de medewerker van DUO (DUO",
                "- verzoekster vertelt", "- betrokkene zegt", "- de medewerker van DUO: de draagkracht", "Ik bel verzoekster op",
            ]
        ),
        CorpusLetter(
            title: "e-mail thread about a mediation session with the Belastingdienst",
            text: """
                Van: Sophie Peeters <sophie.peeters@example.org>
                Verzonden: maandag 9 februari 2026 09:12
                Aan: Lars Dekker <bemiddeling@ombudsman.example>
                Onderwerp: RE: uitnodiging bemiddelingsgesprek, zaak 2026-0033

                Beste meneer Dekker,

                Dank voor uw bericht. Donderdag 19 februari om 10.00 uur komt mij goed uit. Let op: mijn nieuwe adres \
                is Lange Nieuwstraat 4 bis, 3512 PH Utrecht; mijn vaste nummer is 030-2 345 678.

                Mijn IBAN voor de vergoeding van de reiskosten (€ 18,40) is NL53 SNSB 0908 7654 32.

                Groet,
                Sophie Peeters
                06-34567890

                -----Oorspronkelijk bericht-----
                Van: L. Dekker
                Verzonden: vrijdag 6 februari 2026 16:40
                Aan: Sophie Peeters
                Onderwerp: uitnodiging bemiddelingsgesprek, zaak 2026-0033

                Beste mevrouw Peeters,

                Namens de Nationale ombudsman nodig ik u uit voor een bemiddelingsgesprek met de Belastingdienst over \
                de naheffing van € 3.120,00 (aanslagnummer 6281.94.821.H.05). Namens de Belastingdienst neemt de heer \
                R. de Bruijn deel. Om u te kunnen identificeren heeft de Belastingdienst uw geboortedatum (14 juli 1987) \
                nodig; die heb ik van u ontvangen.

                Met vriendelijke groet,
                Lars Dekker
                bemiddelaar
                """,
            details: [
                .name("the complainant's name", "Sophie Peeters", role: "verzoekster"),
                .contact(
                    "the complainant's contact details",
                    "Lange Nieuwstraat 4 bis, 3512 PH Utrecht; 030-2 345 678; 06-34567890; sophie.peeters@example.org"
                ),
                .name("mediator lars's name", "Lars Dekker", role: "de bemiddelaar"),
                .name("the tax officer's name", "Rob de Bruijn", role: "een medewerker van de Belastingdienst"),
            ],
            keep: ["Belastingdienst", "Nationale ombudsman"],
            planted: [
                "Sophie Peeters", "sophie.peeters@example.org", "Lars Dekker", "Dekker", "Lange Nieuwstraat 4 bis", "3512 PH",
                "030-2 345 678", "NL53 SNSB 0908 7654 32", "06-34567890", "6281.94.821", "R. de Bruijn", "14 juli 1987", "Peeters",
                "Sophie",
            ],
            survivors: [
                "9 februari 2026 09:12", "zaak 2026-0033", "Donderdag 19 februari om 10.00 uur", "€ 18,40", "6 februari 2026 16:40",
                "Nationale ombudsman", "Belastingdienst", "€ 3.120,00", ".H.05)",
            ],
            roles: [
                "Van: verzoekster <[e-mailadres]>", "Aan: de bemiddelaar <[e-mailadres]>", "Beste de bemiddelaar,", "Groet,\nVerzoekster",
                "Van: de bemiddelaar\n", "Beste verzoekster,", "neemt een medewerker van de Belastingdienst deel",
                "Met vriendelijke groet,\nDe bemiddelaar\nbemiddelaar",
            ]
        ),
        CorpusLetter(
            title: "telephone note about the SVB",
            text: """
                TELEFOONNOTITIE
                Zaak: 2026-0061 (klacht over de Sociale Verzekeringsbank)
                Datum: 11-02-2026, 09.45 uur
                Aangenomen door: Y. el Idrissi

                Mevrouw Lisa Janssens belde vanaf 0031 6 98765432 over haar AOW. De SVB heeft haar AOW per 1 januari \
                2026 met € 312,17 per maand verlaagd, omdat zij volgens de SVB samenwoont met de heer Karel Dijkstra \
                (geb. 15-08-1957). Mevrouw Janssens zegt dat Dijkstra alleen op haar adres (Wilhelminapark 30, \
                3581 NH Utrecht) ingeschreven stond om post te ontvangen. Hij woont sinds 2025 in Spanje.

                Zij heeft de klantenservice van de SVB gebeld (0800-1234) en kreeg te horen dat zij bezwaar moest \
                maken. Terugbellen graag na 14.00 uur op 030-2 876 543 (vast) of 06-98765432.

                Actie: Y. el Idrissi belt de SVB vóór 18 februari 2026. Bevestiging mailen naar lisa.janssens@example.be.
                """,
            details: [
                .name("the complainant's name", "Lisa Janssens", role: "verzoekster"),
                .contact("the complainant's contact details", "Wilhelminapark 30, 3581 NH Utrecht, 06-98765432, lisa.janssens@example.be"),
                .name("mediator yasmina's name", "Yasmina el Idrissi", role: "de bemiddelaar"),
                .name("the former partner's name", "Karel Dijkstra", role: "betrokkene"),
            ],
            keep: ["Sociale Verzekeringsbank", "SVB"],
            planted: [
                "Y. el Idrissi", "Lisa Janssens", "0031 6 98765432", "Karel Dijkstra", "15-08-1957", "Janssens", "Dijkstra",
                "Wilhelminapark 30", "3581 NH", "0800-1234", "030-2 876 543", "06-98765432", "lisa.janssens@example.be",
            ],
            survivors: [
                "Zaak: 2026-0061 (klacht over de Sociale Verzekeringsbank)", "11-02-2026, 09.45 uur", "haar AOW", "De SVB heeft",
                "1 januari 2026", "€ 312,17", "sinds 2025 in Spanje", "na 14.00 uur", "vóór 18 februari 2026",
            ],
            roles: [
                "Aangenomen door: de bemiddelaar", "\nVerzoekster belde vanaf [telefoonnummer]", "samenwoont met betrokkene (geb. [geboortedatum])",
                "Verzoekster zegt dat betrokkene alleen", "Actie: de bemiddelaar belt",
            ]
        ),
        CorpusLetter(
            title: "agreement document after mediation with Gemeente Utrecht",
            text: """
                VASTSTELLING VAN AFSPRAKEN NA BEMIDDELING
                Zaaknummer 2026-0078, vastgesteld op 24 februari 2026

                Partijen
                1. mevrouw drs. H. ter Horst, Ganzenmarkt 9-B, 3512 GC Utrecht (BSN 507529170), hierna: verzoekster;
                2. de Gemeente Utrecht, vertegenwoordigd door de heer ing. R.J. Mulder, hierna: de gemeente.
                Bemiddelaar: mw. F. Brands, Nationale ombudsman.

                Overwegingen
                Mevrouw Ter Horst heeft op 4 december 2025 geklaagd over de afhandeling van haar aanvraag voor een \
                urgentieverklaring. De gemeente erkent dat de aanvraag te lang is blijven liggen (14 weken in plaats \
                van 8 weken).

                Afspraken
                1. De gemeente betaalt mevrouw Ter Horst een tegemoetkoming van € 500,00, uiterlijk 31 maart 2026, op \
                rekening NL74 ABNA 0612 3456 78.
                2. De heer Mulder neemt uiterlijk 10 maart 2026 telefonisch contact op met Hanneke via 06-24681357 om \
                het vervolg te bespreken.
                3. Correspondentie gaat naar h.terhorst@example.nl en, per post, naar Ganzenmarkt 9B in Utrecht.
                4. Partijen evalueren op 14 april 2026 met de bemiddelaar, mevrouw Brands, of de afspraken zijn nagekomen.
                5. Deze afspraken gelden als vaststellingsovereenkomst als bedoeld in artikel 7:900 BW; artikel 12 van \
                de Klachtenregeling blijft van toepassing.

                Utrecht, 24 februari 2026

                H. ter Horst                R.J. Mulder                F. Brands
                """,
            details: [
                .name("the complainant's name", "Hanneke ter Horst", role: "verzoekster"),
                .contact(
                    "the complainant's contact details",
                    "Ganzenmarkt 9-B, 3512 GC Utrecht, 06-24681357, h.terhorst@example.nl, NL74ABNA0612345678, BSN 507529170"
                ),
                .name("mediator fleur's name", "Fleur Brands", role: "de bemiddelaar"),
                .name("the municipal representative's name", "Robert Jan Mulder", role: "de vertegenwoordiger van de gemeente"),
            ],
            keep: ["Gemeente Utrecht", "Nationale ombudsman"],
            planted: [
                "H. ter Horst", "Ganzenmarkt 9-B", "3512 GC", "507529170", "R.J. Mulder", "F. Brands", "Ter Horst",
                "NL74 ABNA 0612 3456 78", "Mulder", "Hanneke", "06-24681357", "h.terhorst@example.nl", "Ganzenmarkt 9B", "Brands",
            ],
            survivors: [
                "Zaaknummer 2026-0078, vastgesteld op 24 februari 2026", "Gemeente Utrecht", "Nationale ombudsman", "4 december 2025",
                "(14 weken in plaats van 8 weken)", "€ 500,00, uiterlijk 31 maart 2026", "10 maart 2026", "14 april 2026",
                "artikel 7:900 BW", "artikel 12 van de Klachtenregeling", "Utrecht, 24 februari 2026",
            ],
            roles: [
                "1. Verzoekster, [adres], [postcode] Utrecht (BSN [BSN]), hierna: verzoekster;",
                "vertegenwoordigd door de vertegenwoordiger van de gemeente, hierna", "Bemiddelaar: de bemiddelaar, Nationale ombudsman.",
                "\nVerzoekster heeft op 4 december 2025", "betaalt verzoekster een tegemoetkoming", "2. De vertegenwoordiger van de gemeente neemt",
                "contact op met verzoekster via", "met de bemiddelaar, de bemiddelaar, of", "\nVerzoekster                de vertegenwoordiger van de gemeente",
            ]
        ),
    ]
}

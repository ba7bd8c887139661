/// The people, places and agencies of the anonymisation corpus. None of the surnames is on any
/// list the anonymiser ships (it ships none), and the first names were written down for the
/// corpus from names common among Dutch adults, not taken from the shipped list of first names:
/// how many of them that list knows is part of what the benchmark measures.
enum CorpusVocabulary {
    static let surnames = [
        "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
        "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden",
        "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn",
        "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven",
        "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Postma", "Kuipers", "ter Horst", "ten Brink",
        "van 't Hof", "Yilmaz", "Kaya", "Demir", "Şahin", "Öztürk", "Çelik", "El Amrani", "El Idrissi", "Ouali", "Bouzid",
        "Benali", "Amrani", "Boukhari", "Ramdin", "Sewnath", "Kartosen", "Pinas", "Nowak", "Kowalski", "Nguyen", "Tran",
        "Wong", "O'Neill", "Da Silva", "Jansen-de Wit", "Kramer-van Dijk", "Hassan-de Boer", "van der Linden-Smit",
        "Bakker-Yilmaz", "Mulder-El Amrani", "de Vries-Ouali", "Smit-Nowak",
    ]

    static let firstNames = [
        "Henk", "Gerrit", "Kees", "Wim", "Joop", "Ria", "Ingrid", "Wilma", "Marco", "Dennis", "Sandra", "Yvonne",
        "Esther", "Priscilla", "Mohamed", "Fatima", "Mustafa", "Hatice", "Khadija", "Youssef", "Ahmet", "Emine",
        "Rachid", "Naima", "Soufiane", "Priya", "Ravi", "Sanne", "Lisa", "Kevin", "Thijs", "Joost", "Maarten", "Ruud",
        "Marieke", "Annemarie", "Jeroen", "Ilse", "Mirjam", "Wouter", "Pieter", "Johan", "Marloes", "Sven", "Niels",
        "Rik", "Hanneke", "Femke", "Roel", "Arjen", "Gert-Jan", "Jan-Willem", "Anne-Marie", "Karin", "Monique",
        "Patrick", "Ronald", "Saskia", "Bart", "Erik", "Linda", "Petra", "Martijn", "Hüseyin", "Zeynep", "Malika",
        "Said", "Ivana", "Agnieszka", "Tomasz", "Dewi", "Rajesh",
    ]

    /// Forms of address and titles as letters write them, with and without the full stop.
    static let titles = [
        "mevrouw", "de heer", "dhr.", "mw.", "mr.", "drs.", "ir.", "dr.", "mevr.", "meneer", "mr. drs.", "ing.", "Dhr",
        "Mw", "prof. dr.",
    ]

    static let initials = ["P.", "J.M.", "A.", "H.J.", "Th.", "C.A.M.", "R.", "K.", "E.L.", "M."]

    static let places = [
        "Utrecht", "Den Haag", "Amsterdam", "Rotterdam", "Zwolle", "Bergen op Zoom", "Alphen aan den Rijn",
        "Capelle aan den IJssel", "'s-Hertogenbosch", "Hoek van Holland", "Wijk bij Duurstede", "Ter Apel", "Den Helder",
        "Nieuwegein", "Etten-Leur", "Sint-Michielsgestel", "Groningen", "Maastricht", "Enschede", "Almere", "Leeuwarden",
        "Den Bosch", "Assen", "Hoorn", "Ede",
    ]

    /// The body a case is about (kept), and others a letter mentions (not kept, must stay too).
    static let agencies = [
        "UWV", "Belastingdienst", "Dienst Toeslagen", "CJIB", "Centraal Justitieel Incassobureau", "Sociale Verzekeringsbank",
        "SVB", "DUO", "Dienst Uitvoering Onderwijs", "IND", "RDW", "Gemeente Utrecht", "gemeente Rotterdam", "Rijkswaterstaat",
        "Kadaster", "Raad voor Rechtsbijstand", "Zorginstituut Nederland", "Politie Midden-Nederland", "Gemeente Den Haag",
    ]

    static let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
    static let weekdays = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"]

    /// The tussenvoegsels of the surnames above, which identify nobody on their own.
    static let particles: Set<String> = ["de", "van", "der", "den", "ter", "ten", "'t", "el", "da", "het"]
    static let streets = ["Kerkstraat", "Dorpsstraat", "Oude Gracht", "Burgemeester de Withstraat", "Lindenlaan", "Stationsweg", "Marktplein"]
}

/// Ordinary Dutch words for the anonymisation corpus's decoys: each starts a sentence, written
/// with a capital, and must come through. Taken from the OpenTaal word list as Debian's wdutch
/// 1:2.20.19-2 ships it (/usr/share/dict/dutch): `ordinary` is a seeded random sample of its
/// lower-case words of 5 to 11 letters; `alsoFirstNames` are all its lower-case words that are
/// also on the shipped list of first names (Config/templates/first-names.txt), the hardest
/// decoys ("Fleur", "Mark", "Lot").
///
/// OpenTaal distributes the word list under a choice of BSD or Creative Commons Attribution 3.0;
/// it is used here under the BSD licence, whose text follows.
///
/// Copyright (c) 1996 Nederlandstalige Tex Gebruikersgroep; (c) 2001, 2002, 2003, 2005 Simon
/// Brouwer e.a.; (c) 2006, 2007, 2008, 2009, 2010 OpenTaal; (c) 2020 OpenTaal (Simon Brouwer,
/// Sander van Geloven). All rights reserved.
///
/// Redistribution and use in source and binary forms, with or without modification, are
/// permitted provided that the following conditions are met:
/// * Redistributions of source code must retain the above copyright notice, this list of
///   conditions and the following disclaimer.
/// * Redistributions in binary form must reproduce the above copyright notice, this list of
///   conditions and the following disclaimer in the documentation and/or other materials
///   provided with the distribution.
/// * Neither the name of the OpenTaal, Simon Brouwer e.a., or Nederlandstalige Tex
///   Gebruikersgroep nor the names of its contributors may be used to endorse or promote
///   products derived from this software without specific prior written permission.
///
/// THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS
/// OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF
/// MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE
/// COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL,
/// EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE
/// GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED
/// AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING
/// NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED
/// OF THE POSSIBILITY OF SUCH DAMAGE.
enum DecoyWords {
    static let ordinary = [
        "aanbenen", "aangegord", "accountancy", "afgoot", "aflachen", "afstroop", "afzeeft", "afzetnet",
        "amalgaam", "amandel", "apatriden", "apostaat", "babyboom", "bedgenoot", "behendigste", "betweter",
        "bezing", "bijgaf", "boekensite", "bosten", "bosvrucht", "brakende", "breister", "brevet",
        "briefden", "brocantes", "bruschetta", "calloptie", "caprice", "cheddar", "chirografen", "concerns",
        "corpulenter", "correlaat", "dagverhaal", "dagzuster", "dauwen", "deelstrijd", "depriveren",
        "diftar", "dorpsplan", "dreinende", "drugsbendes", "duoticket", "environment", "etherisch",
        "eurovignet", "familiales", "figuurnaad", "gastdocente", "gebalk", "geheimenis", "gekwadreerd",
        "geleipotten", "genoom", "gepopeld", "gerits", "gestilde", "gevreten", "gijlen", "grachtwater",
        "grondeloze", "hangpunten", "herauten", "hoofdkerk", "hopeloost", "hormonale", "houtsnip",
        "huisvestte", "hurkte", "ijzermijnen", "inaugurele", "inboren", "incasseer", "indekken",
        "ingedraaide", "ingooien", "inmengt", "inrekende", "inrende", "insolvabel", "invalkeeper",
        "jansloten", "jawel", "jungle", "kaasmes", "kannibaalse", "kartelden", "kastanje", "keeper",
        "klaagt", "kladschrift", "kogelkopjes", "kolenaders", "kramers", "kropkool", "kunstarmen",
        "kustplaats", "lieflijkst", "lontarpalm", "losmakend", "margriet", "melkrobots", "mesthopen",
        "metaalband", "mijngalerij", "mochten", "mokers", "monsters", "moraliseert", "morfinisme", "nerds",
        "neuswortel", "noodlokalen", "oculeert", "offertes", "offshore", "onaanvaard", "onbegrepen",
        "ondoordacht", "ontvoerder", "onzichtbare", "opharkt", "opvliegen", "overneming", "paalgaten",
        "paardenhoef", "parkachtige", "piesten", "pinkoog", "platenboer", "poppenjurk", "potsen",
        "prachtblad", "prinsenpaar", "protectoren", "raddraaier", "regiovrije", "remuneratie", "rentebeding",
        "retoriek", "rimpelende", "roofdruk", "rustbank", "rustigere", "samenstand", "sandwiches", "scalpel",
        "schakelnet", "schakelpook",
    ]

    static let alsoFirstNames = [
        "abel", "adam", "amber", "anita", "axel", "aya", "bas", "beau", "ben", "benjamin", "bente", "bob",
        "bram", "briek", "cas", "chris", "constant", "daisy", "demi", "dirk", "dries", "eddy", "elke",
        "ellen", "els", "emir", "erna", "eva", "faas", "fleur", "flor", "frank", "geert", "griet", "gunter",
        "gust", "hannes", "hans", "hendrik", "iris", "jack", "jade", "jan", "jasmijn", "jet", "job", "joep",
        "joke", "jonas", "jonathan", "jozef", "juan", "julienne", "karen", "kelly", "ken", "kick", "kim",
        "klaas", "koen", "kris", "lander", "leen", "lex", "lies", "lieve", "lieven", "linde", "lot", "lou",
        "maarten", "madelief", "mara", "marc", "mare", "marina", "mark", "mart", "mats", "max", "maxim",
        "maxime", "mees", "merel", "mia", "mila", "mirte", "nick", "nova", "omer", "pascal", "peter", "piet",
        "pol", "puck", "puk", "rachel", "raf", "rani", "ria", "rik", "rob", "robert", "roos", "rowan",
        "rune", "sara", "sem", "sep", "serge", "sten", "steven", "thomas", "tinne", "tommy", "toon", "tuur",
        "valentijn", "wim", "wout", "wouter",
    ]
}

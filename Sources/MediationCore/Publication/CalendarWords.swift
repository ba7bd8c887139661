/// The names of months and days as letters write them. A number before a month is a date, not
/// a house number, and a capitalised month or day is no surname: "Anna Juni" is no person, and
/// "Mohamed Maandag" is not either.
enum CalendarWords {
    /// Month names and abbreviations, Dutch and English, longest first within each stem.
    static let month = RegexSource.caseInsensitive(
        "(?:januari|january|februari|february|maart|march|april|mei|may|juni|june|juli|july|augustus|august"
            + "|september|oktober|october|november|december|jan|febr|feb|mrt|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec)"
    )

    /// Days of the week and their abbreviations, Dutch and English.
    static let weekday = RegexSource.caseInsensitive(
        "(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            + "|ma|di|wo|do|vr|za|zo)"
    )
}

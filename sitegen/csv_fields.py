"""The columns of people.csv: name, type and what each holds (English; the data page shows a
translation where one exists, and `make translations` lists the rest). Read by the exports, the
data page and the translation check, so it imports nothing of the site."""

CSV_FIELDS = [
    ("slug", "string", "The record's id: its file name and the last part of its page address."),
    ("name", "string", "The name as the letter spells it."),
    ("aliases", "string", "Other spellings, separated by '; '."),
    ("group", "string", "The letter's group, as of October 2017."),
    ("role", "string", "How the letter describes the person."),
    ("status", "string", "What is known now (state)."),
    ("status_as_of", "string", "Date of the status: YYYY, YYYY-MM or YYYY-MM-DD."),
    ("status_source", "string", "Address of the status's source (the letter's paragraph for letter statements)."),
    ("status_basis", "string", "Whether the status is current, by the rules of how-we-count.html: reported, term-ended "
                               "(a term the sources give has ended, no later report) or last-reported (older than three "
                               "years, no known end). Only 'reported' counts as current."),
    ("status_until", "string", "When the status's term ends or ended, as the sources allow (YYYY for a computed end); empty if unknown."),
    ("letter_paragraphs", "string", "Paragraphs of the letter that name the person, separated by '; '."),
    ("facts", "integer", "Number of sourced facts on the profile."),
    ("updates", "integer", "Number of dated updates after the letter."),
    ("profile_url", "string", "The person's page."),
    ("added", "string", "When the record was added to the site."),
    ("last_verified", "string", "When the record was last checked against its sources."),
    ("last_searched", "string", "When someone last searched for news of the person."),
]

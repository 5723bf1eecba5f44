"""`make new-person NAME="..."`: a skeleton record that passes the schema once filled in."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

# Russian and Kazakh Cyrillic to Latin, close to the spellings used in English sources.
CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Kazakh letters
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
}


def slugify(name: str) -> str:
    """'Мұхтар Жәкішев' -> 'mukhtar-zhakishev'; 'Olesya Khalabuzar' -> 'olesya-khalabuzar'."""
    text = "".join(CYRILLIC.get(ch, ch) for ch in name.casefold())
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


SKELETON = """# yaml-language-server: $schema=../schema/person.schema.json
# Fill in every field from a published source; see data/README.md. Delete these two lines.
name: {name}
group: imprisoned            # imprisoned | psychiatric-detention | suspended-sentence | persecuted-abroad
role: civil-society-activist  # see data/README.md for the list
status:                      # what is known now: the group's state, until an update with a state changes it
  state: imprisoned
  as_of: '0000'              # TODO: the date of the source, YYYY, YYYY-MM or YYYY-MM-DD
  source: todo               # TODO: an id from data/sources.yml, or letter#pN
facts:
  - text: "TODO: one sentence that the source says."
    source: todo
added: {today}
last_verified: {today}
last_searched: '0000'        # TODO: the date you last searched for news of this person
"""


def write_skeleton(root: Path, name: str) -> Path:
    name = " ".join(name.split())
    slug = slugify(name)
    if not slug:
        raise ValueError(f"cannot make a file name from {name!r}: write the name in Latin or Cyrillic letters")
    path = root / "data" / "people" / f"{slug}.yml"
    if path.exists():
        raise ValueError(f"{path.relative_to(root)} already exists: edit it instead")
    today = dt.date.today()  # the day the record is added: a fact about this site, not the person
    quoted = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    path.write_text(SKELETON.format(name=quoted, today=today.isoformat()), encoding="utf-8")
    return path

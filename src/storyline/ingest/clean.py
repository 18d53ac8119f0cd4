"""Plain-text cleaning: remove the junk scraping and pasting carry into article text.

Three removals, each recorded as a :class:`~storyline.records.Removal` with its
kind and character range in the text before cleaning:

* whole segments (lines, or sentences of flattened text) that the junk
  classifier (:mod:`storyline.ingest.junk`) judges not to be article text;
* a segment that repeats the headline;
* a dateline or byline glued to the start of the first paragraphs
  ("KARVAS, Feb 3 (Meridian Wire) — The minister…", "By Ana Holt | Reuters").
  These are found by their form (capitalised place, optional date, an agency
  in brackets, a dash), not by a list of places or agencies.

Clean text keeps paragraphs separated by a blank line (one space between the
sentences of a flattened text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.ingest.junk import JunkModel, contexts, featurize, load_default_model
from storyline.ingest.segments import Segment, is_flattened, split_segments
from storyline.records import Removal

__all__ = ["Cleaned", "Cleaner"]

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "KARVAS, Feb 3 (Meridian Wire) — ", "WASHINGTON (AP) -- ", "LONDON, March 4 — ".
_DATELINE = re.compile(
    rf"""^(?P<dl>
        (?P<place>[A-Z][A-Z.'’\- ]{{1,40}}[A-Z.])   # PLACE IN CAPITALS
        (?:,\s*[A-Z][A-Za-z.'’\- ]{{1,30}})?        # , optional region
        (?:,?\s*{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?   # , optional date
        (?:\s*\([^()\n]{{1,40}}\)\s*(?:—|–|--|-|:)  # (Agency) and any dash
          |\s*(?:—|–|--))                           # or a long dash alone
        \s+)(?=\S)""",
    re.VERBOSE,
)
# "By Ana Holt, Meridian Wire" / "By ANA HOLT | Reuters" as its own short segment,
# or glued before a dateline.
_BYLINE = re.compile(
    r"^(?P<by>By\s+[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3}"
    r"(?:\s*(?:,|\||and|&)\s*[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3})*\s*)",
)
_GLUE_WINDOW = 3  # datelines and bylines are looked for in the first few segments


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The clean text and what was removed from the input text to make it."""

    text: str
    removals: tuple[Removal, ...]


def _kind_of(text: str, predicted: str) -> str:
    """The kind of a removed segment: its form names bylines and datelines surely."""
    byline = _BYLINE.match(text)
    if byline and not text[byline.end("by") :].strip():
        return "byline"
    dateline = _DATELINE.match(text + " ")
    if dateline and not text[dateline.end("dl") :].strip():
        return "dateline"
    return predicted


class Cleaner:
    """Removes junk from article text.

    >>> cleaner = Cleaner()
    >>> cleaner.clean("Share this article\\n\\nThe minister arrived on Monday.").text
    'The minister arrived on Monday.'
    """

    def __init__(self, model: JunkModel | None = None) -> None:
        self.model = model or load_default_model()

    def clean(self, text: str, *, title: str | None = None) -> Cleaned:
        """Clean ``text`` (``title``, when known, helps spot a repeated headline)."""
        flat = is_flattened(text)
        segments = split_segments(text)
        if not segments:
            return Cleaned("", ())
        ctxs = contexts(segments, flat=flat, title=title)
        p_article, kinds = self.model.predict([featurize(c) for c in ctxs])
        removals: list[Removal] = []
        kept: list[Segment] = []
        for i, seg in enumerate(segments):
            if p_article[i] < self.model.threshold:
                removals.append(Removal(_kind_of(seg.text, kinds[i]), seg.start, seg.end, seg.text))
                continue
            kept.append(seg)
        kept = self._strip_glued(text, kept, removals)
        joiner = " " if flat else "\n\n"
        removals.sort(key=lambda r: r.start)
        return Cleaned(joiner.join(s.text for s in kept), tuple(removals))

    def _strip_glued(
        self, text: str, kept: list[Segment], removals: list[Removal]
    ) -> list[Segment]:
        out = list(kept)
        for i, seg in enumerate(out[:_GLUE_WINDOW]):
            current = seg
            for kind, pattern, group in (("byline", _BYLINE, "by"), ("dateline", _DATELINE, "dl")):
                match = pattern.match(current.text)
                if not match:
                    continue
                if kind == "dateline" and sum(c.isalpha() for c in match["place"]) < 3:
                    continue  # "U.S. —" opens a sentence; a place name is longer
                cut = match.end(group)
                rest = current.text[cut:]
                if kind == "byline" and rest and not _DATELINE.match(rest) and len(rest) > 3:
                    # a byline only counts when it stands alone or before a dateline
                    continue
                removals.append(
                    Removal(kind, current.start, current.start + cut, current.text[:cut])
                )
                start = current.start + cut
                current = Segment(start, current.end, text[start : current.end])
            out[i] = current
        return [s for s in out if s.text.strip()]

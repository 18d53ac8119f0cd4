"""Which report a quote goes with: the cue and speaker a quote takes from the report
around it, and one report per clause and speaker.

Helpers of :mod:`storyline.extract.quotes`: a partial quote with no cue of its own
inside a report is the reported speaker's words ("Trump said Clinton was “unfit”
and would lose"), a quote a speech noun's "that" opens is that noun's ("her comment
that, “We are …”"), a report whose cue introduces a quote takes the quote's
speaker, and of two cues reporting one clause the nearer one stands.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from storyline.extract.quotes_nouns import _SPEECH_NOUNS
from storyline.extract.quotes_report import _FULL_STOP

if TYPE_CHECKING:
    from storyline.extract.quotes import Quote

__all__ = ["_cue_speakers", "_inside_reports", "_nearest_cue"]


def _inside_reports(text: str, quoted: list[Quote], reports: list[Quote]) -> list[Quote]:
    """A partial quote with no cue of its own inside a report is the reported
    speaker's words: "her remark that “there’s a special place in hell …”",
    "Trump said Clinton was “unfit” and would lose"; so is one whose cue stands
    in what another source reports ("because, according to Trump, the media
    would call him a “chicken”")."""
    out = []
    for q in quoted:
        # not a cue inside the quote's own marks: "“… according to its website”"
        outside = [r for r in reports if not q.start <= (r.cue_start or -1) < q.end]
        r = None
        if q.speaker is None and (q.kind == "partial" or _noun_cue(text, outside, q)):
            r = next(
                (
                    r
                    for r in outside
                    if r.cue_start is not None and r.start <= q.start <= q.end <= r.end + 1
                ),
                None,
            ) or next(
                # a report the parser cut a few words short of the quote: "pointed
                # out that Sanders refers to it as “Medicare for all”"
                (r for r in outside if r.cue_start is not None and _runs_into(text, r, q)),
                None,
            )
        elif q.kind == "partial" and q.cue_start is not None and not _relative_cue(text, q):
            cue = q.cue_start
            r = next(
                (
                    r
                    for r in outside
                    if r.cue_start is not None
                    and r.cue_start != cue
                    and r.start <= cue < r.end
                    and r.start <= q.start <= q.end <= r.end + 1
                    and not _FULL_STOP.search(text, r.cue_start, q.start)  # one sentence
                ),
                None,
            )
            if r is None and not any(
                o.cue_start == cue and o.start <= q.start <= q.end <= o.end + 1 for o in outside
            ):
                # its own cue reports no clause around it, another does: "said in
                # her remarks that the party backs its “stalwart allies”"
                r = min(
                    (
                        r
                        for r in outside
                        if r.cue_start is not None
                        and r.speaker is not None
                        and r.start <= q.start <= q.end <= r.end + 1
                        and not _FULL_STOP.search(text, min(r.cue_start, q.start), q.start)
                    ),
                    key=lambda r: r.end - r.start,
                    default=None,
                )
        if r is not None:
            q = replace(q, cue=r.cue, cue_start=r.cue_start, cue_end=r.cue_end, speaker=r.speaker)
        out.append(q)
    return out


# A relative pronoun opening the clause of a cue: "who says", "who has called".
_RELATIVE = re.compile(r"\b(?:who|which)\s+(?:(?:has|have|had|also|[a-z]+ly)\s+){0,2}$")


def _relative_cue(text: str, quote: Quote) -> bool:
    """Whether a quote's cue opens a relative clause ("and Sanders, who says it is
    “disastrous”"): the quote is the words of the one the clause is about, not of
    the speaker whose report the clause stands in."""
    cue = quote.cue_start
    if cue is None or not _RELATIVE.search(text[max(0, cue - 30) : cue]):
        return False
    # "told a woman who suggested that A that “…”": a second "that" is the outer cue's
    return len(re.findall(r"\bthat\b", text[cue : quote.start])) <= 1


def _noun_cue(text: str, reports: list[Quote], quote: Quote) -> bool:
    """Whether a quote with no cue of its own is the clause a speech noun reports,
    opening right after its "that": "her March comment that, “We are …”"."""
    return any(
        r.cue_start is not None
        and r.cue_end is not None
        and r.start < quote.start <= quote.end <= r.end + 1
        and text[r.cue_start : r.cue_end].lower().rstrip("s") in _SPEECH_NOUNS
        and not text[r.start : quote.start].lower().strip(" ,“\"'").replace("that", "", 1).strip()
        for r in reports
    )


def _runs_into(text: str, report: Quote, quote: Quote) -> bool:
    """Whether ``quote`` follows ``report`` in its clause, a few words on with no
    punctuation between."""
    if report.cue_start is None or not report.cue_start < report.end <= quote.start:
        return False
    gap = text[report.end : quote.start - 1]
    return len(gap.split()) <= 3 and not re.search(r"[,;:.!?()\n“”\"]", gap)


def _cue_speakers(quoted: list[Quote], reports: list[Quote]) -> list[Quote]:
    """Reports whose cue also introduces a quote take the quote's speaker: one
    verb has one subject ("He said Sanders has been “a tremendously important
    part …”"), and the quote's was read in the run of quotes around it."""
    speakers = {
        q.cue_start: q.speaker for q in quoted if q.cue_start is not None and q.speaker is not None
    }
    return [
        replace(r, speaker=speakers[r.cue_start]) if r.cue_start in speakers else r for r in reports
    ]


def _nearest_cue(reports: list[Quote]) -> list[Quote]:
    """One report per clause and speaker: "His ex-wife agreed and also contended that
    …" is what the nearer cue reports, not both (the parse may hang it on either)."""

    def distance(r: Quote) -> int:
        return abs(r.start - (r.cue_start or 0))

    def key(r: Quote) -> tuple[int, int, str | None]:
        return r.start, r.end, r.speaker.name if r.speaker else None

    best: dict[tuple[int, int, str | None], Quote] = {}
    for r in reports:
        if key(r) not in best or distance(r) < distance(best[key(r)]):
            best[key(r)] = r
    return [r for r in reports if best[key(r)] is r]

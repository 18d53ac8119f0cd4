"""Dossiers as Markdown for people: every statement carries its source numbers.

Articles are numbered per story ``[1]``, ``[2]`` … in time order; a summary
sentence shows where it comes from and, after "+", who else reports it.
With ``since``, what appeared after that date is marked **NEW**.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.records import Rejected
from storyline.stories.dossier import Dossier, StoryQuote
from storyline.stories.records import SourceSpan
from storyline.stories.summary import SummarySentence

__all__ = ["brief_markdown", "dossier_markdown"]

_MAX_QUOTES = 12
_MAX_FIGURES = 12
_MAX_ACTORS = 12
_MAX_OTHER_ASKS = 10


_LEGEND = (
    "_[n] is the story's article n (listed under Articles, with its address); "
    "after “+”, the other articles that report the same thing._"
)


def _line(text: str) -> str:
    """Text on one line: a paragraph break inside a quote or sentence would end the list."""
    return " ".join(text.split())


_DOUBLE_MARKS = {"“": "open", "„": "open", "”": "close", '"': "either"}


def _quoted(text: str) -> str:
    """A quote's words between curly double marks, on one line, with marks that balance:
    the comma the source put before its closing mark dropped, marks inside made single
    (“the deal was ‘dead’”), and an inside mark whose partner lies outside the quote
    dropped (the quote began or ended inside another one).

    >>> _quoted('the deal was "dead" and “buried,')
    '“the deal was ‘dead’ and buried”'
    """
    words = _line(text).rstrip(",;: ")
    chars = list(words)
    opened: list[int] = []
    pairs: dict[int, str] = {}
    for i, ch in enumerate(chars):
        kind = _DOUBLE_MARKS.get(ch)
        if kind == "open" or (kind == "either" and not opened):
            opened.append(i)
        elif kind is not None and opened:
            pairs[opened.pop()], pairs[i] = "‘", "’"
        elif kind is not None:
            pairs[i] = ""  # a closing mark whose opening is outside the quote
    for i in opened:
        pairs[i] = ""  # an opening mark whose closing is outside the quote
    inner = "".join(pairs.get(i, ch) for i, ch in enumerate(chars))
    return f"“{' '.join(inner.split())}”"


# Cues that only relay what was said; any other ("denied", "warned", "urged") is shown
# beside the speaker, since "NSA: “he was a target”" reads the other way round from
# "NSA (denied): “he was a target”".
_PLAIN_CUES = frozenset(
    {"said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "noted"}
    | {"according to", "wrote", "writes", "explained", "continued", "replied"}
)
_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "of", "to", "and", "or", "that", "for", "in", "on", "at", "as", "by"}
    | {"with", "from", "his", "her", "its", "their", "our", "this", "these", "is", "was"}
)
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "her", "them"})
_NEGATED = re.compile(r"\b(?:not|n[’']t|never)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _shown(d: Dossier, q: StoryQuote) -> bool:
    """Whether a quote is listed under "Who said what": it has a speaker that names
    someone (not a pronoun left unresolved: "it", "they"), a report is more than a
    fragment, and its cue is not negated ("has not commented on …" reports nothing
    said). Every quote stays in the JSON."""
    sp = q.quote.speaker
    if sp is None or (sp.entity_id is None and sp.name.lower() in _PRONOUNS):
        return False
    words = q.quote.text.split()
    if q.quote.kind == "indirect" and (
        len(words) <= 3 or words[-1].lower().strip(",;:") in _FUNCTION_WORDS
    ):
        return False  # a report cut to a fragment: "These were", "in contrast to the"
    article = d.article(q.article_id)
    at = q.quote.cue_start
    if article is None or at is None:
        return True
    return not _NEGATED.search(article.text[max(0, at - 30) : at])


def _more(shown: int, total: int, what: str) -> list[str]:
    """A closing line when a list was cut, so a reader knows it was."""
    left = total - shown
    return [f"- … and {left} more {what} (all are in the JSON output)"] if left > 0 else []


def _plural(n: int, word: str, words: str) -> str:
    return f"{n} {word if n == 1 else words}"


def _runs(d: Dossier) -> list[list[SummarySentence]]:
    """The summary's sentences, those that follow each other in one article on one line:
    a quotation over two sentences (“… Russia. It's for the American people,” Biden
    said) is not cut in two bullets."""
    runs: list[list[SummarySentence]] = []
    for s in d.summary:
        last = runs[-1][-1] if runs else None
        article = d.article(s.source.article_id)
        if (
            last is not None
            and article is not None
            and last.source.article_id == s.source.article_id
            and last.source.end <= s.source.start
            and not article.text[last.source.end : s.source.start].strip()
        ):
            runs[-1].append(s)
        else:
            runs.append([s])
    return runs


def _words_of(d: Dossier, span: SourceSpan) -> str:
    """The words of a span, on one line."""
    article = d.article(span.article_id)
    return _line(article.text[span.start : span.end]) if article else ""


def dossier_markdown(d: Dossier, *, legend: bool = True) -> str:
    """One story as Markdown (with the legend of its source numbers unless ``legend`` is
    False, as in a brief, which gives it once)."""
    number = {a.id: k + 1 for k, a in enumerate(d.articles)}

    def refs(spans: Sequence[SourceSpan]) -> str:
        ks = sorted({number[s.article_id] for s in spans if s.article_id in number})
        return "".join(f"[{k}]" for k in ks)

    def new(article_ids: Sequence[str]) -> str:
        return " **NEW**" if any(d.is_new(i) for i in article_ids) else ""

    first = d.first_seen.date().isoformat() if d.first_seen else "undated"
    last = d.last_seen.date().isoformat() if d.last_seen else "undated"
    articles = _plural(len(d.articles), "article", "articles")
    out = [f"## {_line(d.title)}", "", f"`{d.id}` · {articles} · {first} – {last}", ""]
    if legend:
        out += [_LEGEND, ""]
    out.append("### Summary")
    for run in _runs(d):
        sources = [s.source for s in run]
        support = [c for s in run for c in s.corroborated_by]
        also = f" + {refs(support)}" if support else ""
        text = " ".join(_line(s.text) for s in run)
        out.append(f"- {text} {refs(sources)}{also}{new([run[0].source.article_id])}")
    if d.timeline:
        out += ["", "### Timeline"]
        for e in d.timeline:
            how = "" if e.basis == "text" else " (publication date)"
            ids = [s.article_id for s in e.sources]
            out.append(f"- **{e.date}**{how} {_line(e.text)} {refs(e.sources)}{new(ids)}")
    demands = [e for e in d.ledger if e.first.kind == "demand"]
    all_others = list(
        {
            (e.first.article_id, e.first.span.start, e.first.span.end): e
            for e in d.ledger
            if e.first.kind != "demand"
        }.values()
    )  # one line per span: two readings of one clause are one event here
    others = all_others[:_MAX_OTHER_ASKS]
    if demands or others:
        out += ["", "### Asks ledger"]
        for entry in demands:
            who = f"{entry.actor or '?'} → {entry.target or '?'}"
            ids = [st.article_id for st in entry.steps]
            steps = "; ".join(f"{st.kind} [{number.get(st.article_id, '?')}]" for st in entry.steps)
            demand = entry.first
            # The demand as the article words it; ``content`` is the normalised key.
            asked = SourceSpan(demand.article_id, demand.ask.content_start, demand.ask.content_end)
            what = _words_of(d, asked) or entry.content
            out.append(f"- {who}: {what} — **{entry.status}** ({steps}){new(ids)}")
        for entry in others:
            who = entry.actor or "?"
            step = entry.first
            text = _words_of(d, step.span)
            out.append(f"- {step.kind} by {who}: {text} [{number.get(step.article_id, '?')}]")
        out += _more(len(others), len(all_others), "commitments, actions and refusals")
    # Near-copies are listed under Articles; their quotes and figures would only repeat.
    copies = {a.id for a in d.articles if a.annotated.article.duplicate_of is not None}
    rank = {"direct": 0, "partial": 1, "indirect": 2}
    all_quotes = sorted(
        (q for q in d.quotes if q.article_id not in copies and _shown(d, q)),
        key=lambda q: rank.get(q.quote.kind, 3),
    )
    quotes = all_quotes[:_MAX_QUOTES]
    if quotes:
        out += ["", "### Who said what"]
        for q in quotes:
            sp = q.quote.speaker
            assert sp is not None
            desc = f", {_line(sp.description)}" if sp.description else ""
            cue = q.quote.cue or ""
            how = f" ({_line(cue)})" if cue and cue.lower() not in _PLAIN_CUES else ""
            out.append(
                f"- **{_line(sp.name)}**{desc}{how}: {_quoted(q.quote.text)}"
                f" [{number[q.article_id]}]{new([q.article_id])}"
            )
        out += _more(len(quotes), len(all_quotes), "quotes")
    all_figures = [f for f in d.figures if f.article_id not in copies]
    figures = all_figures[:_MAX_FIGURES]
    if figures:
        out += ["", "### Figures"]
        for f in figures:
            about = f" — {f.figure.about}" if f.figure.about else ""
            when = f" ({f.figure.when})" if f.figure.when else ""
            out.append(f"- {_line(f.figure.text)}{about}{when} [{number[f.article_id]}]")
        out += _more(len(figures), len(all_figures), "figures")
    actors = sorted(d.actors.actors, key=lambda a: (-len(a.mentions), a.name))[:_MAX_ACTORS]
    more_actors = _more(len(actors), len(d.actors.actors), "actors")
    if actors:
        out += ["", "### Actors"]
        for actor in actors:
            roles = "; ".join(f"{r.text} {refs(r.sources)}" for r in actor.roles[:3])
            out.append(f"- **{actor.name}** ({actor.type}){': ' + roles if roles else ''}")
        out += more_actors
    c = d.comparison
    if c.conflicts or c.shared or c.unique:
        out += ["", "### Where outlets agree and differ"]
        for conflict in c.conflicts:
            sides = " vs ".join(f"{cl.value} {refs(cl.sources)}" for cl in conflict.claims)
            out.append(f"- **Conflict ({conflict.kind})**: {_line(conflict.about)}: {sides}")
        for fact in c.shared[:8]:
            out.append(
                f"- Shared by {len(fact.outlets)} outlets: {_line(fact.text)} {refs(fact.sources)}"
            )
        out += _more(min(len(c.shared), 8), len(c.shared), "shared facts")
        for fact in c.unique[:8]:
            out.append(f"- Only {fact.outlets[0]}: {_line(fact.text)} {refs(fact.sources)}")
        out += _more(min(len(c.unique), 8), len(c.unique), "single-outlet facts")
    out += ["", "### Articles"]
    for a in d.articles:
        art = a.annotated.article
        when = art.published.date().isoformat() if art.published else "undated"
        copy = f" (copy of {art.duplicate_of})" if art.duplicate_of else ""
        url = f" <{art.url}>" if art.url else ""
        out.append(
            f"{number[a.id]}. {_line(art.title or a.id)} — {art.outlet or 'unknown outlet'}, {when}"
            f"{url}{copy}{new([a.id])}"
        )
    return "\n".join(out) + "\n"


def brief_markdown(dossiers: Sequence[Dossier], rejected: Sequence[Rejected]) -> str:
    """The whole brief as one Markdown document."""
    parts = [
        f"# storyline brief: {_plural(len(dossiers), 'story', 'stories')}",
        "",
    ]
    if dossiers:
        parts += [_LEGEND, ""]
    parts += [dossier_markdown(d, legend=False) for d in dossiers]
    if rejected:
        parts += ["## Rejected inputs", ""]
        parts += [f"- {r.source}: {r.stage}: {r.reason}" for r in rejected]
    return "\n".join(parts).rstrip() + "\n"

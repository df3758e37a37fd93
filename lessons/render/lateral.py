"""Lateral reading (lesson 05): the lesson's HTML fragments, every outside word escaped."""
from __future__ import annotations

from ..lateral.content import Coverage, Link, SourceCard, Trace


def _e(text) -> str:
    import html
    return html.escape(str(text), quote=True)


def link_html(link: Link) -> str:
    """An outside link, opened in a new tab; it works only when a network is available."""
    return (f'<a href="{_e(link.url)}" target="_blank" rel="noopener noreferrer">{_e(link.label)}</a>'
            ' <span class="mlk-ui-muted">(online only)</span>')


def card_html(card: SourceCard, number: int | None = None, total: int | None = None) -> str:
    """One source card: who runs it, who pays, its record, how to check, where the facts come from."""
    rows = [("What it is", card.kind), ("Who runs it", card.runs), ("Who pays", card.pays),
            ("Track record", card.record)]
    if card.in_this_story:
        rows.append(("In this story", card.in_this_story))
    items = "".join(f"<dt class='mlk-card-term'>{_e(k)}</dt><dd class='mlk-ui-desc'>{_e(v)}</dd>" for k, v in rows)
    steps = "".join(f"<li>{_e(s)}</li>" for s in card.check)
    where = f"<p class='mlk-ui-count'>Card {number} of {total}</p>" if number else ""
    return (f"<div class='mlk-card'>{where}"
            f"<h3 class='mlk-ui-title'>{_e(card.name)}</h3><dl class='mlk-ui-tight'>{items}</dl>"
            f"<p class='mlk-card-head'><b>How to check</b></p><ol class='mlk-card-steps'>{steps}</ol>"
            f"<p class='mlk-card-note'><b>Where these facts come from:</b> "
            f"{_e(card.from_)}</p><p class='mlk-card-link'>{link_html(card.link)}</p></div>")


def coverage_reports_html(coverage: Coverage) -> str:
    """What each outlet reported about the toll and the cause, with dates and links."""
    head = ("<p><b>From outside the NBC article</b> (except NBC's own row). Each line names the "
            "outlet that reported it, and when. None of these figures was independently verified by "
            "the outlets that carried them.</p>")
    th, td = "class='mlk-coverage-head'", "class='mlk-coverage-cell'"
    rows = []
    for r in coverage.reports:
        note = f"<br><i>{_e(r.note)}</i>" if r.note else ""
        rows.append(f"<tr><th scope='row' {th}>{_e(r.outlet)}<br>{link_html(r.link)}</th>"
                    f"<td {td}>{_e(r.date_label)}</td><td {td}>{_e(r.toll)}</td>"
                    f"<td {td}>{_e(r.cause)}{note}</td></tr>")
    return (head + "<table class='mlk-coverage'><caption class='mlk-ui-caption'>What other outlets "
            f"reported</caption><thead><tr><th scope='col' {th}>Outlet</th><th scope='col' {th}>When</th>"
            f"<th scope='col' {th}>The death toll</th><th scope='col' {th}>The cause, and notes</th>"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def coverage_reports_text(coverage: Coverage) -> str:
    lines = ["What other outlets reported (from outside the NBC article, except NBC's own row):"]
    for r in coverage.reports:
        lines.append(f"- {r.outlet}, {r.date_label}: {r.toll} Cause: {r.cause} ({r.link.url})")
    return "\n".join(lines)


def chain_html(trace: Trace, steps_done: int) -> str:
    """The chain so far: the report's words, each step found, and (when done) the origin."""
    items = [f"<li><b>{_e(trace.start_where)}:</b> “{_e(trace.start_quote)}”</li>"]
    for step in trace.steps[:steps_done]:
        date = f" <span class='mlk-ui-muted'>({_e(step.found_date)})</span>" if step.found_date else ""
        items.append(f"<li><b>{_e(step.found_where)}:</b> {_e(step.found_text)}{date}</li>")
    out = f"<ol class='mlk-chain'>{''.join(items)}</ol>"
    if steps_done >= len(trace.steps):
        out += (f"<div class='mlk-origin'><b>The origin</b><br>Who: {_e(trace.origin_who)}<br>Where: {_e(trace.origin_where)}"
                f"<br>When: {_e(trace.origin_date)}<p class='mlk-ui-line-top'>{_e(trace.lesson)}</p></div>")
    return out



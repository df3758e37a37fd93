"""Lateral reading (lesson 05): the lesson's HTML fragments, every outside word escaped."""
from __future__ import annotations

from ..lateral.content import Coverage, Link, SourceCard, Trace


def _e(text) -> str:
    import html
    return html.escape(str(text), quote=True)


def link_html(link: Link) -> str:
    """An outside link, opened in a new tab; it works only when a network is available."""
    return (f'<a href="{_e(link.url)}" target="_blank" rel="noopener noreferrer">{_e(link.label)}</a>'
            ' <span style="color:#595959">(online only)</span>')


def card_html(card: SourceCard, number: int | None = None, total: int | None = None) -> str:
    """One source card: who runs it, who pays, its record, how to check, where the facts come from."""
    rows = [("What it is", card.kind), ("Who runs it", card.runs), ("Who pays", card.pays),
            ("Track record", card.record)]
    if card.in_this_story:
        rows.append(("In this story", card.in_this_story))
    items = "".join(f"<dt style='font-weight:bold;margin-top:.35em'>{_e(k)}</dt>"
                    f"<dd style='margin-left:1em'>{_e(v)}</dd>" for k, v in rows)
    steps = "".join(f"<li>{_e(s)}</li>" for s in card.check)
    where = f"<p style='margin:.2em 0;color:#595959'>Card {number} of {total}</p>" if number else ""
    return (f"<div class='mlk-card' style='border:1px solid #767676;border-radius:6px;padding:.4em 1em .6em;"
            f"margin:.3em 0;max-width:48em;color:#1a1a1a;background:#fff'>{where}"
            f"<h3 style='margin:.2em 0'>{_e(card.name)}</h3><dl style='margin:.2em 0'>{items}</dl>"
            f"<p style='margin:.4em 0 .1em'><b>How to check</b></p><ol style='margin:.1em 0'>{steps}</ol>"
            f"<p style='margin:.4em 0 .1em;font-size:90%'><b>Where these facts come from:</b> "
            f"{_e(card.from_)}</p><p style='margin:.1em 0;font-size:90%'>{link_html(card.link)}</p></div>")


def coverage_reports_html(coverage: Coverage) -> str:
    """What each outlet reported about the toll and the cause, with dates and links."""
    head = ("<p><b>From outside the NBC article</b> (except NBC's own row). Each line names the "
            "outlet that reported it, and when. None of these figures was independently verified by "
            "the outlets that carried them.</p>")
    th = "style='border:1px solid #767676;padding:.3em .5em;text-align:left;vertical-align:top;background:#f2f2f2'"
    td = "style='border:1px solid #767676;padding:.3em .5em;text-align:left;vertical-align:top'"
    rows = []
    for r in coverage.reports:
        note = f"<br><i>{_e(r.note)}</i>" if r.note else ""
        rows.append(f"<tr><th scope='row' {th}>{_e(r.outlet)}<br>{link_html(r.link)}</th>"
                    f"<td {td}>{_e(r.date_label)}</td><td {td}>{_e(r.toll)}</td>"
                    f"<td {td}>{_e(r.cause)}{note}</td></tr>")
    return (head + f"<table class='mlk-coverage' style='border-collapse:collapse;color:#1a1a1a;background:#fff;"
            f"max-width:60em'><caption style='text-align:left;font-weight:bold'>What other outlets "
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
        date = f" <span style='color:#595959'>({_e(step.found_date)})</span>" if step.found_date else ""
        items.append(f"<li><b>{_e(step.found_where)}:</b> {_e(step.found_text)}{date}</li>")
    out = (f"<ol class='mlk-chain' style='margin:.3em 0;max-width:48em;color:#1a1a1a'>{''.join(items)}</ol>")
    if steps_done >= len(trace.steps):
        out += (f"<div class='mlk-origin' style='border-left:5px solid #007a5a;background:#e9f6f1;"
                f"color:#1a1a1a;padding:.4em .9em;margin:.4em 0;max-width:48em;border-radius:4px'>"
                f"<b>The origin</b><br>Who: {_e(trace.origin_who)}<br>Where: {_e(trace.origin_where)}"
                f"<br>When: {_e(trace.origin_date)}<p style='margin:.3em 0 0'>{_e(trace.lesson)}</p></div>")
    return out



"""Lateral reading (lesson 05): the four SIFT moves as activities a learner does, offline.

SIFT (Stop; Investigate the source; Find better coverage; Trace claims to their origin) is
practised with five views, each thin over the pure functions in ``lessons.lateral``:

* :func:`lateral_stop`: the learner notes a first reaction to the headline (saved);
* :func:`source_cards`: cards on who is behind each source, each ending with a question;
* :func:`coverage_reports` and :func:`coverage_table`: what other outlets reported, and a
  table the learner completes with menus (who said each figure, their side, when);
* :func:`trace_claim`: step back from the report's words to the original statement;
* :func:`sourced_claim`: the learner writes one claim with its source and how sure it is.

Every word lives in ``data/lateral/*.yaml`` (described in the README there); this module only
loads, checks and shows it. Answers are saved under the lesson id ``lesson-lateral`` in the
progress file. Every piece of outside or learner text is HTML-escaped before it is shown.
"""
from __future__ import annotations

from ..lateral.content import CHOOSE, Coverage, LESSON, LateralDataError, Prompts, SourceCard, Table, Trace, find_table, find_trace, load_coverage, load_prompts, load_sources
from ..lateral.checks import TableCheck, check_card, check_claim, check_table, check_trace_step, claim_record, claim_sentence, reaction_reply, stop_record
from ..render.lateral import _e, card_html, chain_html, coverage_reports_html, coverage_reports_text
from .base import View as _View
from .base import ipw, label_style, view_box
from .messages import note_html

# --- views (ipywidgets is imported only here) ------------------------------------------------------

def _progress():
    from ..learner.progress import current_progress
    return current_progress()


def _saved(progress, key: str, default):
    if progress is None:
        return default
    try:
        value = progress.get(LESSON, key, default)
    except Exception:
        return default
    return value if isinstance(value, type(default)) else default


def _save(progress, key: str, value, message_widget, what: str) -> bool:
    """Save ``value``; on any failure show a kind message (never a traceback) and return False."""
    if progress is None:
        return True
    try:
        progress.set(LESSON, key, value)
    except Exception as exc:   # a full disk, a read-only folder, anything: the learner keeps working
        why = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        message_widget.value = note_html(
            "warn", f"{what} could not be saved just now.",
            f"Nothing you typed is lost: it is still here. Copy it somewhere safe, then press the "
            f"button again in a moment. (What happened: {why}.)")
        return False
    return True


def _choose(options) -> list:
    return [("— choose —", CHOOSE)] + list(options)


class MessageView(_View):
    """A view that only shows a message (e.g. for an unknown table or trace name)."""

    def __init__(self, html_text: str):
        W = ipw()
        self.html = W.HTML(html_text)
        self.widget = view_box([self.html])


class StopView(_View):
    """Stop: the headline, and the learner's first reaction to it (saved)."""

    KEY = "stop"

    def __init__(self, headline: str, prompts: Prompts, progress=None):
        W = ipw()
        self.prompts, self.progress = prompts, progress
        saved = _saved(progress, self.KEY, {})
        self.headline = W.HTML(
            "<p class='mlk-ui-tight'><b>The headline</b></p>"
            f"<blockquote class='mlk-ui-headline'>{_e(headline)}</blockquote>"
            f"<p class='mlk-ui-line'>{_e(prompts.stop_prompt)}</p>")
        options = [(r.label, r.id) for r in prompts.reactions]
        chosen = saved.get("reaction") if saved.get("reaction") in {r.id for r in prompts.reactions} else None
        self.reaction = W.RadioButtons(options=options, value=chosen, description="My reaction",
                                       style=label_style(), layout=W.Layout(width="auto"))
        self.note = W.Textarea(value=str(saved.get("note") or ""), description=prompts.stop_note_label,
                               placeholder="Type a few words…", style=label_style(),
                               layout=W.Layout(width="100%", max_width="46em", height="4em"))
        self.save_button = W.Button(description="Save my reaction", button_style="primary")
        self.message = W.HTML()
        self.save_button.on_click(lambda _b: self.save())
        self.widget = view_box([self.headline, self.reaction, self.note, self.save_button, self.message])
        self.widget.add_class("mlk-lateral-stop")
        if saved:
            self.message.value = note_html("info", "Saved earlier.", reaction_reply(chosen, prompts))

    def save(self) -> bool:
        try:
            record = stop_record(self.reaction.value, self.note.value, self.prompts)
        except ValueError as exc:
            self.message.value = note_html("info", str(exc))
            return False
        if not _save(self.progress, self.KEY, record, self.message, "Your reaction"):
            return False
        self.message.value = note_html("ok", "Saved. Now: notice it, and read on.",
                                         reaction_reply(record["reaction"], self.prompts))
        return True


class SourceCardsView(_View):
    """Investigate the source: open the cards one by one; each ends with "Who is behind this?"."""

    KEY = "source_cards"

    def __init__(self, cards, progress=None):
        W = ipw()
        self.cards, self.progress = tuple(cards), progress
        self.answers = {k: v for k, v in _saved(progress, self.KEY, {}).items()
                        if isinstance(v, dict) and k in {c.id for c in self.cards}}
        self.menu = W.Dropdown(description="Open a card", style=label_style(),
                               layout=W.Layout(width="auto", min_width="24em"))
        self.next_button = W.Button(description="Next card ▶", tooltip="Open the next card")
        self.card = W.HTML()
        self.question = W.HTML()
        self.choice = W.RadioButtons(options=[], value=None, description="Your answer",
                                     style=label_style(), layout=W.Layout(width="auto"))
        self.check_button = W.Button(description="Check", button_style="primary")
        self.feedback = W.HTML()
        self.status = W.HTML()
        self._updating = False
        self.menu.observe(lambda _c: self._show(), "value")
        self.next_button.on_click(lambda _b: self.step(+1))
        self.check_button.on_click(lambda _b: self.check())
        self.widget = view_box([W.HBox([self.menu, self.next_button], layout=W.Layout(flex_flow="row wrap")),
                                 self.card, self.question, self.choice, self.check_button, self.feedback,
                                 self.status])
        self.widget.add_class("mlk-source-cards")
        self._refresh_menu(0)
        self._show()

    def _refresh_menu(self, index: int) -> None:
        self._updating = True
        try:
            self.menu.options = [(f"{'✓ ' if self.answers.get(c.id, {}).get('correct') else ''}{n}. {c.name}", n - 1)
                                 for n, c in enumerate(self.cards, 1)]
            self.menu.value = index
        finally:
            self._updating = False

    @property
    def current(self) -> SourceCard:
        return self.cards[self.menu.value or 0]

    def open(self, card_id: str) -> None:
        """Open a card by its id."""
        self.menu.value = [c.id for c in self.cards].index(card_id)

    def step(self, delta: int) -> None:
        self.menu.value = (self.menu.value + delta) % len(self.cards)

    def _show(self) -> None:
        if self._updating:
            return
        card = self.current
        n = self.menu.value + 1
        self.card.value = card_html(card, n, len(self.cards))
        self.question.value = f"<p class='mlk-ui-ask'><b>✎ {_e(card.question.prompt)}</b></p>"
        saved = self.answers.get(card.id, {})
        self.choice.options = list(card.question.options)
        self.choice.value = saved.get("answer") if saved.get("answer") in card.question.options else None
        self.feedback.value = ""
        if self.choice.value is not None:
            result = check_card(card, self.choice.value)
            self.feedback.value = note_html("ok" if result.correct else "info",
                                              "Right!" if result.correct else "Not yet.", result.message)
        self._status()

    def _status(self) -> None:
        done = sum(1 for c in self.cards if self.answers.get(c.id, {}).get("correct"))
        all_done = " All done: you investigated every source." if done == len(self.cards) else ""
        self.status.value = (f"<p role='status' class='mlk-ui-line'>Cards answered right: {done} of "
                             f"{len(self.cards)}.{_e(all_done)}</p>")

    def check(self, answer: str | None = None):
        """Check the open card's answer (or ``answer``), show why, and save it."""
        card = self.current
        if answer is not None:
            self.choice.value = answer
        result = check_card(card, self.choice.value)
        empty = self.choice.value is None
        self.feedback.value = note_html("ok" if result.correct else "info",
                                          "Right!" if result.correct else ("Hmm." if empty else "Not yet."),
                                          result.message)
        if not empty:
            self.answers[card.id] = {"answer": self.choice.value, "correct": bool(result.correct)}
            _save(self.progress, self.KEY, dict(self.answers), self.feedback, "Your answer")
            self._refresh_menu(self.menu.value)
        self._status()
        return result


class CoverageTableView(_View):
    """Find better coverage: complete a table with menus, checked row by row."""

    def __init__(self, table: Table, coverage: Coverage, progress=None):
        W = ipw()
        self.table, self.coverage, self.progress = table, coverage, progress
        self.key = f"coverage_{table.id}"
        saved = _saved(progress, self.key, {})
        saved_rows = saved.get("answers") if isinstance(saved.get("answers"), dict) else {}
        self.menus: dict[str, dict[str, object]] = {}
        self.results: dict[str, object] = {}
        blocks = []
        for n, row in enumerate(table.rows, 1):
            given = saved_rows.get(row.id) if isinstance(saved_rows.get(row.id), dict) else {}
            menus = {}
            for col in table.columns:
                options = _choose(table.options[col.id])
                value = given.get(col.id) if given.get(col.id) in {v for _, v in options} else CHOOSE
                menu = W.Dropdown(options=options, value=value, description=col.label,
                                  style=label_style(), layout=W.Layout(width="auto", margin="0 1em .2em 0"))
                menu.add_class(f"mlk-col-{col.id}")
                menus[col.id] = menu
            self.menus[row.id] = menus
            result = W.HTML()
            self.results[row.id] = result
            head = W.HTML(f"<p class='mlk-ui-row-head'><b>{n}. {_e(table.subject)}: “{_e(row.subject)}”</b> "
                          "<span class='mlk-ui-muted'>(whose claim?)</span></p>")
            box = W.VBox([head, W.HBox(list(menus.values()), layout=W.Layout(flex_flow="row wrap")), result],
                         layout=W.Layout(border_bottom="1px solid #c8c8c8", padding="0 0 .3em 0"))
            box.add_class("mlk-coverage-row")
            blocks.append(box)
        self.check_button = W.Button(description="Check my table", button_style="primary")
        self.score = W.HTML()
        self.message = W.HTML()
        self.check_button.on_click(lambda _b: self.check())
        intro = (f"<h3 class='mlk-ui-title'>{_e(table.title)}</h3>"
                 f"<p class='mlk-ui-intro'>{_e(table.intro)}</p>")
        self.widget = view_box([W.HTML(intro)] + blocks + [self.check_button, self.score, self.message])
        self.widget.add_class("mlk-coverage-table")
        if saved_rows:
            self.check(save=False)

    def answers(self) -> dict:
        return {rid: {c: m.value for c, m in menus.items()} for rid, menus in self.menus.items()}

    def choose(self, row_id: str, column: str, value: str) -> None:
        """Set one menu (as a learner would)."""
        self.menus[row_id][column].value = value

    def check(self, save: bool = True) -> TableCheck:
        """Check every row, show each row's feedback and the score, and save the answers."""
        result = check_table(self.table, self.answers(), self.coverage)
        for rc in result.rows:
            if rc.correct:
                self.results[rc.row_id].value = note_html("ok", "Right.", rc.message)
            elif rc.filled or rc.wrong:
                self.results[rc.row_id].value = note_html("info", "Not yet.", rc.message)
            else:
                self.results[rc.row_id].value = note_html("info", "Still to do.", rc.message)
        n, total = result.correct_count, len(result.rows)
        done = (" Every row is right. Notice: no row is “the real number”; each is a claim, by "
                "someone, on a date.") if result.all_correct else ""
        self.score.value = f"<p role='status' class='mlk-ui-status'>{n} of {total} rows right.{_e(done)}</p>"
        if save:
            _save(self.progress, self.key, {"answers": self.answers(), "correct": n, "total": total},
                  self.message, "Your table")
        return result


class TraceView(_View):
    """Trace the claim: step back from the report's words to the original statement."""

    def __init__(self, trace: Trace, progress=None):
        W = ipw()
        self.trace, self.progress = trace, progress
        self.key = "traces"
        saved = _saved(progress, self.key, {}).get(trace.id)
        done = saved.get("steps_done") if isinstance(saved, dict) else 0
        self.steps_done = done if isinstance(done, int) and 0 <= done <= len(trace.steps) else 0
        self.title = W.HTML(f"<h3 class='mlk-ui-title'>{_e(trace.title)}</h3>")
        self.chain = W.HTML()
        self.question = W.HTML()
        self.choice = W.RadioButtons(options=[], value=None, description="Your answer",
                                     style=label_style(), layout=W.Layout(width="auto"))
        self.check_button = W.Button(description="Check this step", button_style="primary")
        self.hint_button = W.Button(description="Hint")
        self.restart_button = W.Button(description="Start again", tooltip="Trace this claim again from the start")
        self.feedback = W.HTML()
        self.check_button.on_click(lambda _b: self.check())
        self.hint_button.on_click(lambda _b: self.hint())
        self.restart_button.on_click(lambda _b: self.restart())
        self.controls = W.VBox([self.question, self.choice,
                                W.HBox([self.check_button, self.hint_button])])
        self.widget = view_box([self.title, self.chain, self.controls, self.feedback, self.restart_button])
        self.widget.add_class("mlk-trace")
        self._render()

    @property
    def done(self) -> bool:
        return self.steps_done >= len(self.trace.steps)

    def _render(self) -> None:
        self.chain.value = chain_html(self.trace, self.steps_done)
        if self.done:
            self.controls.layout.display = "none"
            self.question.value = ""
            return
        self.controls.layout.display = None
        step = self.trace.steps[self.steps_done]
        self.question.value = (f"<p class='mlk-ui-ask'><b>Step {self.steps_done + 1} of "
                               f"{len(self.trace.steps)}: {_e(step.question.prompt)}</b></p>")
        self.choice.options = list(step.question.options)
        self.choice.value = None

    def hint(self) -> None:
        if not self.done:
            text = self.trace.steps[self.steps_done].question.hint or "Read the chain above again."
            self.feedback.value = note_html("info", "Hint", text)

    def restart(self) -> None:
        self.steps_done = 0
        self.feedback.value = ""
        self._render()

    def check(self, answer: str | None = None):
        """Check the current step; a right answer adds the step's finding to the chain."""
        if self.done:
            return None
        if answer is not None:
            self.choice.value = answer
        result = check_trace_step(self.trace, self.steps_done, self.choice.value)
        if not result.correct:
            self.feedback.value = note_html("info", "Not yet." if self.choice.value else "Hmm.", result.message)
            return result
        self.steps_done += 1
        self.feedback.value = note_html("ok", "Right!", result.message)
        self._render()
        traces = _saved(self.progress, self.key, {})
        traces[self.trace.id] = {"steps_done": self.steps_done, "done": self.done}
        _save(self.progress, self.key, traces, self.feedback, "Your trace")
        return result


class SourcedClaimView(_View):
    """The learner writes one claim with its source, when it was said, and how sure it is (saved)."""

    KEY = "sourced_claim"

    def __init__(self, prompts: Prompts, progress=None):
        W = ipw()
        self.prompts, self.progress = prompts, progress
        words = prompts.claim
        saved = _saved(progress, self.KEY, {})
        style, wide = label_style(), W.Layout(width="46em", max_width="100%")
        self.claim = W.Textarea(value=str(saved.get("claim") or ""), description=words["claim_label"],
                                placeholder=words["claim_placeholder"], style=style,
                                layout=W.Layout(width="46em", max_width="100%", height="4em"))
        self.source = W.Text(value=str(saved.get("source") or ""), description=words["source_label"],
                             placeholder=words["source_placeholder"], style=style, layout=wide)
        self.when = W.Text(value=str(saved.get("when") or ""), description=words["when_label"],
                           placeholder=words["when_placeholder"], style=style, layout=wide)
        ids = [s.id for s in prompts.sureness]
        self.sureness = W.RadioButtons(options=[(s.label, s.id) for s in prompts.sureness],
                                       value=saved.get("sureness") if saved.get("sureness") in ids else None,
                                       description=words["sure_label"], style=style, layout=W.Layout(width="auto"))
        scale = "".join(f"<li><b>{_e(s.label)}</b>: {_e(s.text)}</li>" for s in prompts.sureness)
        self.save_button = W.Button(description="Save my claim", button_style="primary")
        self.message = W.HTML()
        self.save_button.on_click(lambda _b: self.save())
        self.widget = view_box([
            W.HTML(f"<p class='mlk-ui-intro'>{_e(words['intro'])}</p>"),
            self.claim, self.source, self.when, self.sureness,
            W.HTML(f"<details><summary>What the levels mean</summary><ul>{scale}</ul></details>"),
            self.save_button, self.message])
        self.widget.add_class("mlk-sourced-claim")
        if saved.get("claim"):
            self.message.value = note_html("info", "Saved earlier. You can change it and save again.",
                                             claim_sentence(saved))

    def save(self) -> bool:
        """Check the form and save it; kind messages for what is missing or when saving fails."""
        checked = check_claim(self.claim.value, self.source.value, self.when.value, self.sureness.value,
                              self.prompts)
        if not checked.ok:
            items = "".join(f"<li>{_e(p)}</li>" for p in checked.problems)
            self.message.value = note_html("info", "Almost there.", body_html=f"<ul>{items}</ul>")
            return False
        record = claim_record(self.claim.value, self.source.value, self.when.value, self.sureness.value,
                              self.prompts)
        if not _save(self.progress, self.KEY, record, self.message, "Your claim"):
            return False
        tips = "".join(f" Tip: {t}" for t in checked.tips)
        self.message.value = note_html("ok", "Saved in your progress file.", claim_sentence(record) + tips)
        return True


# --- what the notebook calls --------------------------------------------------------------------

def _data_problem(exc: Exception) -> MessageView:
    return MessageView(note_html("warn", "This activity's words could not be read.",
                                      f"{exc} Ask your teacher to check the file."))


def lateral_stop(article=None):
    """Stop: the headline, and a box for your first reaction to it (saved)."""
    from ..text.article import load_article
    try:
        prompts = load_prompts()
    except LateralDataError as exc:
        return _data_problem(exc)
    art = article if article is not None else load_article()
    headline = getattr(art, "headline", "")
    headline = str(getattr(headline, "text", headline))
    return StopView(headline, prompts, _progress())


def source_cards():
    """Investigate the source: who runs it, who pays, its record, how to check; one card at a time."""
    try:
        cards = load_sources()
    except LateralDataError as exc:
        return _data_problem(exc)
    return SourceCardsView(cards, _progress())


def coverage_reports():
    """What other outlets reported about the death toll and the cause, each with its date."""
    from ..lessonkit import Shown
    try:
        coverage = load_coverage()
    except LateralDataError as exc:
        return _data_problem(exc)
    return Shown(coverage_reports_html(coverage), coverage_reports_text(coverage))


def coverage_table(table: str = "toll"):
    """Find better coverage: fill in who gave each figure ("toll") or explanation ("cause")."""
    try:
        coverage = load_coverage()
        chosen = find_table(str(table), coverage)
    except LateralDataError as exc:
        return MessageView(note_html("warn", str(exc)))
    return CoverageTableView(chosen, coverage, _progress())


def trace_claim(trace: str = "death-toll"):
    """Trace a claim back to its origin, one step at a time ("death-toll" or "photo-caption")."""
    try:
        found = find_trace(str(trace))
    except LateralDataError as exc:
        return MessageView(note_html("warn", str(exc)))
    return TraceView(found, _progress())


def sourced_claim():
    """Write one claim with its source and how sure anyone can be; it is saved in your progress."""
    try:
        prompts = load_prompts()
    except LateralDataError as exc:
        return _data_problem(exc)
    return SourcedClaimView(prompts, _progress())



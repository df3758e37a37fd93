"""The article as data: the seed's structure, the cleaned text, and reading any article."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import lessons.text.article as article_module
from lessons.text.article import (
    EMPTY_MESSAGE,
    KINDS,
    MAX_ARTICLE_CHARS,
    SEED_ID,
    Article,
    ArticleError,
    article_from_bytes,
    article_from_text,
    article_from_yaml,
    available_articles,
    load_article,
)
from lessons.data import data_path
from lessons.text.sentences import split_sentences

SHARED_SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "makiivka-nbc-2023.txt"   # ../shared
SEED_DIR = data_path("articles", SEED_ID)
BOILERPLATE = (
    "IE 11 is not supported. For an optimal experience visit our site on another browser.",
    "Get more newsLiveon",
)
HEADLINE = "Russia blames its soldiers’ cellphone use for missile strike that killed dozens"
DEK = ("Moscow’s Defense Ministry raised the confirmed death toll to 89 from the weekend attack on "
       "the base at a school in Makiivka in an occupied area of eastern Ukraine.")

REPORT = ("Officials report a rise in the toll\n\n"
          "Officials said on Monday that at least 12 people were killed.\n\n"
          "The toll may rise, according to the local governor.")


def non_blank_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def spec() -> dict:
    return yaml.safe_load((SEED_DIR / "article.yaml").read_text(encoding="utf-8"))


def entry_words(entry: dict) -> tuple[str, str]:
    kind = next(k for k in entry if k in KINDS + ("boilerplate",))
    return kind, entry[kind]


def assert_kind_error(excinfo, *words):
    """The error is an ArticleError (not a decoding or OS error) and says what it should."""
    error = excinfo.value
    assert type(error) is ArticleError
    message = str(error)
    for word in words:
        assert word in message, message
    assert "Traceback" not in message and "Errno" not in message and "codec" not in message
    # Raised on its own, or "from None": a traceback would show no decoding or OS error.
    assert error.__context__ is None or (error.__cause__ is None and error.__suppress_context__)


# --- the seed article as received -----------------------------------------------------------

@pytest.mark.skipif(not SHARED_SEED.exists(), reason="the shared seed file is not here")
def test_kit_copy_of_the_seed_is_byte_for_byte_the_text_as_received():
    assert (SEED_DIR / "raw.txt").read_bytes() == SHARED_SEED.read_bytes()


def test_seed_raw_fixture_is_the_kits_raw_text(seed_raw, seed_article):
    assert seed_article.raw == seed_raw
    assert seed_raw.startswith("IE 11 is not supported.")


def test_every_non_blank_raw_line_is_named_by_exactly_one_entry_of_article_yaml(seed_raw):
    entries = spec()["lines"]
    lines = non_blank_lines(seed_raw)
    for line in lines:
        fitting = [entry for entry in entries if line.startswith(entry_words(entry)[1])]
        assert len(fitting) == 1, (line[:60], fitting)
    for entry in entries:
        assert sum(line.startswith(entry_words(entry)[1]) for line in lines) == 1, entry
    assert len(entries) == len(lines)


def test_every_non_blank_character_of_raw_belongs_to_exactly_one_block_or_boilerplate_line(
        seed_article, seed_raw):
    owners = [0] * len(seed_raw)
    spans = [(b.raw_start, b.raw_end) for b in seed_article.blocks]
    for line in seed_article.boilerplate:
        assert seed_raw.count(line) == 1
        start = seed_raw.index(line)
        spans.append((start, start + len(line)))
    for start, end in spans:
        for i in range(start, end):
            owners[i] += 1
    assert max(owners) == 1
    assert all(owners[i] == 1 for i, char in enumerate(seed_raw) if not char.isspace())


def test_cleaned_text_keeps_every_word_but_the_listed_boilerplate(seed_article, seed_raw):
    kept = [line for line in non_blank_lines(seed_raw) if line not in BOILERPLATE]
    assert seed_article.text.split() == " ".join(kept).split()
    for line in BOILERPLATE:
        assert line not in seed_article.text
    assert seed_article.boilerplate == BOILERPLATE


def test_block_offsets_index_the_cleaned_text_and_the_raw_text_exactly(seed_article):
    for block in seed_article.blocks:
        assert seed_article.text[block.start:block.end] == block.text
        assert seed_article.raw[block.raw_start:block.raw_end] == block.text
        assert block.kind in KINDS and block.text == block.text.strip() and "\n" not in block.text


def test_blocks_are_in_reading_order_one_blank_line_apart(seed_article):
    assert seed_article.text == "\n\n".join(b.text for b in seed_article.blocks)
    for before, after in zip(seed_article.blocks, seed_article.blocks[1:]):
        assert after.start == before.end + 2 and after.raw_start > before.raw_end


def test_headline_dek_and_paragraphs_are_the_expected_strings(seed_article):
    assert seed_article.headline == HEADLINE
    assert seed_article.dek == DEK
    assert [b.kind for b in seed_article.blocks[:3]] == ["headline", "dek", "paragraph"]
    assert len(seed_article.paragraphs) == 22
    assert seed_article.paragraphs[0].startswith("The Russian military has blamed its soldiers'")
    assert seed_article.paragraphs[-1].endswith("at least postpone their defeat,” Zelenskyy said.")


def test_captions_keep_their_credit_apart_and_the_credit_is_a_block_of_its_own(seed_article):
    captions = seed_article.captions
    assert [c.text for c in captions] == [
        "Mourners gathered in Samara on Tuesday. Unconfirmed reports said the victims were "
        "mobilized reservists from the region.",
        "Workers clear rubble Tuesday after a Ukrainian rocket strike in Makiivka, Ukraine.",
    ]
    assert [c.credit for c in captions] == ["Arden Arkman / AFP - Getty Images", "AP"]
    assert seed_article.credits == ("Arden Arkman / AFP - Getty Images", "AP")
    kinds = [b.kind for b in seed_article.blocks]
    for caption in captions:
        i = seed_article.blocks.index(caption)
        assert kinds[i - 1:i + 2] == ["image_title", "caption", "credit"]


def test_image_titles_are_kept_as_the_photos_titles(seed_article):
    assert seed_article.image_titles == (
        "Mourners gather to lay flowers in memory of more than 60 Russian soldiers that Russia "
        "says were killed in a Ukrainian strike on Russian-controlled territory, in Samara",
        "Workers clear rubble after a Ukrainian rocket strike in Makiivka, Ukraine",
    )


def test_metadata_says_what_is_known_and_what_is_inferred(seed_article):
    meta = seed_article.metadata
    assert meta.outlet == "NBC News" and meta.language == "en"
    assert meta.title == HEADLINE == seed_article.title
    assert meta.published == "2023-01-04" and "Inferred" in meta.published_note
    assert "late Tuesday" in meta.published_note and "on Wednesday" in meta.published_note
    assert meta.authors == () and "Unknown" in meta.authorship_note
    assert meta.url == ("https://www.nbcnews.com/news/world/"
                        "russia-blames-soldiers-phone-use-ukraine-missile-strike-rcna64187")
    assert "not been checked live" in meta.url_note
    assert seed_article.id == SEED_ID


def test_no_sentence_runs_across_two_blocks(seed_article):
    for sentence in split_sentences(seed_article.text):
        block = seed_article.block_at(sentence.start)
        assert block is not None and sentence.end <= block.end, sentence.text


def test_block_at_finds_the_block_under_an_offset(seed_article):
    credit = seed_article.blocks_of("credit")[1]
    assert seed_article.block_at(credit.start) == credit
    assert seed_article.block_at(credit.end - 1) == credit
    assert seed_article.block_at(credit.end) is None         # the blank line between blocks
    assert seed_article.block_at(-1) is None
    assert seed_article.block_at(len(seed_article.text)) is None


def test_the_seed_is_read_once_and_fast():
    load_article()
    start = time.perf_counter()
    for _ in range(100):
        assert load_article() is load_article()
    assert (time.perf_counter() - start) / 100 < 0.001


def test_the_seed_can_be_asked_for_by_its_id():
    assert SEED_ID in available_articles()
    assert load_article(SEED_ID) is load_article()


def test_reading_an_article_imports_nothing_heavy():
    code = ("import sys, lessons.text.article as a; a.load_article(); "
            "heavy = [m for m in sys.modules if m.split('.')[0] in "
            "('matplotlib', 'ipywidgets', 'IPython', 'numpy', 'nltk')]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_articles_are_plain_frozen_and_hashable(seed_article):
    with pytest.raises(AttributeError):
        seed_article.title = "changed"
    assert hash(seed_article) == hash(load_article())


# --- a teacher's own article.yaml -----------------------------------------------------------

def write_kit_article(folder: Path, raw: str, lines: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "raw.txt").write_text(raw, encoding="utf-8")
    path = folder / "article.yaml"
    path.write_text(f"id: mine\nmetadata:\n  outlet: The Daily\nlines:\n{lines}", encoding="utf-8")
    return path


def test_a_teachers_article_yaml_is_read_like_the_seed(tmp_path):
    raw = "Menu\n\nA headline\n\nA paragraph.\nA photo\nPeople in a street. Jo Bloggs / AP\n"
    path = write_kit_article(tmp_path / "mine", raw, (
        "  - boilerplate: Menu\n  - headline: A headline\n  - paragraph: A par\n"
        "  - image_title: A photo\n  - caption: People\n    credit: Jo Bloggs / AP\n"))
    article = article_from_yaml(path)
    assert article.id == "mine" and article.metadata.outlet == "The Daily"
    assert article.text == ("A headline\n\nA paragraph.\n\nA photo\n\nPeople in a street.\n\n"
                            "Jo Bloggs / AP")
    assert article.boilerplate == ("Menu",)
    assert load_article(path) == article


@pytest.mark.parametrize("lines, words", [
    ("  - headline: One\n  - paragraph: Tw\n", "lists 2 lines"),
    ("  - headline: One\n  - paragraph: T\n  - paragraph: Three\n", "fits 2 lines"),
    ("  - headline: One\n  - paragraph: Three\n  - paragraph: Two\n", "begins differently"),
    ("  - headline: One\n  - paragraph: Two\n  - byline: Three\n", "should say what the line is"),
    ("  - headline: One\n  - paragraph: Two\n  - caption: Three\n    credit: AP\n",
     "does not end with the credit"),
    ("  - headline: One\n  - paragraph: Two\n  - paragraph: [Three]\n", "in quotes"),
])
def test_a_mistake_in_article_yaml_is_named_kindly(tmp_path, lines, words):
    path = write_kit_article(tmp_path / "mine", "One\nTwo\nThree\n", lines)
    with pytest.raises(ArticleError) as excinfo:
        article_from_yaml(path)
    assert_kind_error(excinfo, words, "article.yaml")


def test_broken_yaml_is_named_kindly(tmp_path):
    folder = tmp_path / "mine"
    write_kit_article(folder, "One\n", "  - headline: One\n")
    (folder / "article.yaml").write_text("lines: [unclosed\n", encoding="utf-8")
    with pytest.raises(ArticleError) as excinfo:
        article_from_yaml(folder / "article.yaml")
    assert_kind_error(excinfo, "not valid YAML")


# --- reading any article ------------------------------------------------------------------

def test_pasted_text_becomes_an_article_with_a_headline_and_paragraphs():
    article = load_article(REPORT)
    assert isinstance(article, Article) and article.raw == REPORT
    assert article.headline == "Officials report a rise in the toll" == article.title
    assert article.paragraphs == ("Officials said on Monday that at least 12 people were killed.",
                                  "The toll may rise, according to the local governor.")
    assert article.text == REPORT and article.metadata.source == "pasted text"
    assert article.id.startswith("text-") and article.id == load_article(REPORT).id


@pytest.mark.parametrize("first", [
    "Officials said on Monday that at least 12 people were killed.",   # ends with a full stop
    "Officials said the toll “may rise.”",                             # full stop, then a quote
    "A" * 201,                                                         # too long for a headline
])
def test_a_first_line_that_reads_like_a_sentence_is_a_paragraph(first):
    article = article_from_text(f"{first}\nSecond line.")
    assert article.headline is None and article.paragraphs[0] == first


def test_a_single_line_is_a_paragraph_and_gives_the_title():
    article = article_from_text("Experts said the claim could not be verified")
    assert article.headline is None and len(article.paragraphs) == 1
    assert article.title == "Experts said the claim could not be verified"


def test_a_long_untitled_article_gets_a_short_title_cut_at_a_word():
    article = article_from_text("Officials said on Monday that at least 12 people were killed in "
                                "the strike, and that the toll may rise.")
    assert article.title.endswith("…") and len(article.title) <= 61
    assert article_from_text("Some text.", title="  My   title ").title == "My title"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_old_mac_line_endings_give_the_same_blocks(newline):
    crlf = REPORT.replace("\n", newline)
    article, plain = article_from_text(crlf), article_from_text(REPORT)
    assert article.raw == crlf and article.text == plain.text and "\r" not in article.text
    assert [b.text for b in article.blocks] == [b.text for b in plain.blocks]
    for block in article.blocks:
        assert article.raw[block.raw_start:block.raw_end] == block.text
        assert article.text[block.start:block.end] == block.text


def test_spaces_and_a_byte_order_mark_around_lines_are_left_out_of_blocks():
    article = article_from_text("\ufeff  Headline here \t\n\n   A paragraph.   \n")
    assert article.headline == "Headline here" and article.paragraphs == ("A paragraph.",)
    for block in article.blocks:
        assert article.raw[block.raw_start:block.raw_end] == block.text


def test_a_txt_file_is_read_as_utf8_text(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.encode("utf-8"))
    for source in (path, str(path)):
        article = load_article(source)
        assert article.text == REPORT and article.metadata.source == str(path)


def test_a_markdown_file_loses_its_heading_marks(tmp_path):
    path = tmp_path / "report.md"
    path.write_text("# Officials report a rise\n\nThey said **12** died.\n\n## More\n\nDetails.",
                    encoding="utf-8")
    article = load_article(path)
    assert article.headline == "Officials report a rise"
    assert article.paragraphs == ("They said **12** died.", "More", "Details.")
    for block in article.blocks:
        assert article.raw[block.raw_start:block.raw_end] == block.text


def test_a_web_page_is_read_without_its_code_and_menus(tmp_path):
    page = ("<html><head><title>Toll rises | The Daily</title><style>p{}</style>"
            "<script>alert(1)</script></head><body><nav>Home News</nav><article>"
            "<h1>Officials report a rise in the toll</h1><p>Officials said 12 people &amp; "
            "more were killed.</p><p>The toll <em>may</em> rise.</p></article>"
            "<footer>© The Daily</footer></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    article = load_article(path)
    assert article.title == "Toll rises | The Daily"
    assert article.headline == "Officials report a rise in the toll"
    assert article.paragraphs == ("Officials said 12 people & more were killed.",
                                  "The toll may rise.")
    assert "alert" not in article.text and "Home" not in article.text and "©" not in article.text
    assert load_article(str(path)) == article
    htm = tmp_path / "page.htm"
    htm.write_text(page, encoding="utf-8")
    assert load_article(htm).text == article.text


def test_file_bytes_from_an_upload_are_read_by_their_name():
    assert article_from_bytes(REPORT.encode("utf-8"), "report.txt").text == REPORT
    assert article_from_bytes(b"<p>One.</p><p>Two.</p>", "page.html").paragraphs == ("One.", "Two.")
    assert load_article(REPORT.encode("utf-8")).text == REPORT
    assert load_article(memoryview(REPORT.encode("utf-8"))).text == REPORT


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_utf8_with_a_bom_and_utf16_with_a_bom_are_read(tmp_path, encoding):
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.encode(encoding))
    assert load_article(path).text == REPORT


# --- kind errors ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", " ", "   \n\t\r\n  ", "\ufeff\n", "\u00a0\u3000"])
def test_empty_or_blank_text_asks_for_an_article(text):
    with pytest.raises(ArticleError) as excinfo:
        load_article(text)
    assert str(excinfo.value) == EMPTY_MESSAGE
    with pytest.raises(ArticleError):
        article_from_text(text)


def test_a_text_over_the_limit_says_how_big_it_is_and_what_the_limit_is():
    text = "word " * (MAX_ARTICLE_CHARS // 5 + 1)
    with pytest.raises(ArticleError) as excinfo:
        load_article(text)
    assert_kind_error(excinfo, f"{len(text):,} characters", f"{MAX_ARTICLE_CHARS:,}")


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(article_module, "MAX_TEXT_FILE_BYTES", 100)
    path = tmp_path / "long.txt"
    path.write_text("word " * 100, encoding="utf-8")
    with pytest.raises(ArticleError) as excinfo:
        load_article(path)
    assert_kind_error(excinfo, "long.txt", "MB", "smaller file")


def test_a_file_that_is_not_utf8_names_the_file_and_suggests_saving_as_utf8(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Café « crème »".encode("latin-1") * 10)
    with pytest.raises(ArticleError) as excinfo:
        load_article(path)
    assert_kind_error(excinfo, "latin.txt", "UTF-8", "save it again")
    assert not isinstance(excinfo.value, UnicodeError)


def test_a_web_page_that_is_not_utf8_gets_the_same_kind_message(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes("<p>Café</p>".encode("cp1252"))
    with pytest.raises(ArticleError) as excinfo:
        load_article(path)
    assert_kind_error(excinfo, "page.html", "UTF-8")


@pytest.mark.parametrize("junk", [
    "\x00\x01\x02\x03" * 50 + "hello",
    "PNG\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20,
])
def test_pasted_junk_is_called_hidden_control_characters_not_a_file(junk):
    with pytest.raises(ArticleError) as excinfo:
        load_article(junk)
    assert_kind_error(excinfo, "This text is full of hidden control characters")
    assert "file," not in str(excinfo.value).split(".")[0]     # nothing was uploaded: no talk of files


def test_a_binary_file_is_called_a_binary_file_by_its_name(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ArticleError) as excinfo:
        load_article(path)
    assert_kind_error(excinfo, "This looks like a binary file, not text", "photo.txt")


@pytest.mark.parametrize("as_text", [False, True])
def test_a_missing_file_says_which_file_and_what_to_check(tmp_path, as_text):
    path = tmp_path / "my-article.txt"
    with pytest.raises(ArticleError) as excinfo:
        load_article(str(path) if as_text else path)
    assert_kind_error(excinfo, "There is no file called", "my-article.txt")


def test_a_missing_file_given_by_name_alone_is_not_taken_for_pasted_text():
    with pytest.raises(ArticleError) as excinfo:
        load_article("surely-not-here-article.html")
    assert_kind_error(excinfo, "surely-not-here-article.html")


def test_a_folder_and_an_empty_file_are_named_kindly(tmp_path):
    with pytest.raises(ArticleError) as excinfo:
        load_article(tmp_path)
    assert_kind_error(excinfo, "is a folder, not a file")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ArticleError) as excinfo:
        load_article(empty)
    assert_kind_error(excinfo, "empty.txt", "is empty")


def test_a_web_page_with_no_article_text_is_named_kindly(tmp_path):
    path = tmp_path / "app.html"
    path.write_text("<html><head><script>app()</script></head><body><nav>Menu</nav></body>",
                    encoding="utf-8")
    with pytest.raises(ArticleError) as excinfo:
        load_article(path)
    assert_kind_error(excinfo, "app.html", "no article text", "pasting")


@pytest.mark.parametrize("name, what", [("slides.pdf", "a PDF"), ("essay.docx", "a Word document"),
                                        ("photo.png", "a picture")])
def test_documents_and_pictures_are_refused_with_what_to_do_instead(tmp_path, name, what):
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.4 ...")
    with pytest.raises(ArticleError) as excinfo:
        load_article(path)
    assert_kind_error(excinfo, name, what, ".txt")
    with pytest.raises(ArticleError):
        article_from_bytes(b"%PDF-1.4 ...", name)


@pytest.mark.parametrize("source", [12, 3.5, ["a list"], {"a": "dict"}])
def test_something_that_is_not_text_or_a_path_is_refused_kindly(source):
    with pytest.raises(ArticleError) as excinfo:
        load_article(source)
    assert_kind_error(excinfo, "The kit can read an article from text")


def test_every_message_is_short_enough_to_read_at_a_glance(tmp_path):
    sources = ["", "x" * (MAX_ARTICLE_CHARS + 1), "\x00" * 100, tmp_path / "gone.txt", tmp_path,
               12]
    for source in sources:
        with pytest.raises(ArticleError) as excinfo:
            load_article(source)
        assert 20 < len(str(excinfo.value)) < 400 + len(str(tmp_path))


# --- properties -----------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gives_an_article_or_an_article_error(text):
    try:
        article = article_from_text(text)
    except ArticleError:
        return
    assert article.text == "\n\n".join(b.text for b in article.blocks)
    for block in article.blocks:
        assert block.text and article.text[block.start:block.end] == block.text
        assert article.raw[block.raw_start:block.raw_end] == block.text
        assert "\n" not in block.text and "\r" not in block.text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.md", "a.html", "a", None]))
def test_any_bytes_give_an_article_or_an_article_error(data, name):
    try:
        article_from_bytes(data, name)
    except ArticleError:
        pass


LINE_CHARS = st.characters(whitelist_categories=("L", "N", "P", "S", "Zs"),
                           blacklist_characters="#")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=LINE_CHARS), min_size=1, max_size=8),
       st.sampled_from(["\n", "\r\n", "\r", "\n\n"]))
def test_pasted_lines_keep_every_word_in_order(lines, newline):
    text = newline.join(lines)
    if not text.strip():
        return
    article = article_from_text(text)
    assert article.text.split() == text.split()

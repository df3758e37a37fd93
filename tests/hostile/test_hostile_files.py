"""Files that aren't articles, and outputs that must not be written.

Every case goes through the command line as a teacher would type it (``main([...])``), or through
the loader the notebooks use, and must end in one kind sentence with nothing overwritten.
"""
from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import lessons
from lessons.__main__ import main
from lessons.errors import KitError
from lessons.text import files
from lessons.text.article import MAX_ARTICLE_CHARS, ArticleError, load_article

ARTICLE = "Missile strike\n\nThe ministry said 89 soldiers died. The toll may be higher, officials said.\n"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(argv, capsys) -> tuple[int, str]:
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out
    return code, out.err


def _cap_memory():
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def run_in_subprocess(argv, timeout: float = 60) -> subprocess.CompletedProcess:
    """The command line in its own process, with its memory capped at 1 GB, so that a
    regression hangs or fills nothing but that process."""
    return subprocess.run([sys.executable, "-m", "lessons", *map(str, argv)], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, preexec_fn=_cap_memory)


# --- never write over the input, a device, a pipe or a link ------------------------------

def test_render_refuses_to_write_the_handout_over_the_article_it_reads(article, capsys):
    code, err = run(["render", article, "--output", article], capsys)
    assert code == 2 and "being read" in err
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_render_refuses_an_output_link_that_leads_to_the_article(article, tmp_path, capsys):
    link = tmp_path / "handout.html"
    link.symlink_to(article)
    code, err = run(["render", article, "--output", link], capsys)
    assert code == 2 and link.is_symlink()
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_render_refuses_to_replace_a_pipe(article, tmp_path, capsys):
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    code, err = run(["render", article, "--output", fifo], capsys)
    assert code == 2 and "pipe" in err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_render_refuses_to_replace_a_device_node(article, tmp_path, capsys):
    node = tmp_path / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))    # the same device as /dev/null
    code, err = run(["render", article, "--output", node], capsys)
    assert code == 2 and "device" in err
    assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_atomic_write_replaces_an_ordinary_file_and_refuses_anything_else(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    files.atomic_write_text(target, "new")
    assert target.read_text() == "new"
    for make in (lambda p: p.mkdir(), lambda p: os.mkfifo(p), lambda p: p.symlink_to(target)):
        other = tmp_path / f"other-{len(list(tmp_path.iterdir()))}"
        make(other)
        with pytest.raises(OSError):           # an OSError, so views that save catch it
            files.atomic_write_text(other, "x")
        assert not other.is_file() or other.is_symlink()
    assert target.read_text() == "new"


# --- read only ordinary files, with the cap checked while reading -------------------------

def test_render_reads_no_pipe_and_does_not_hang(tmp_path):
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    done = run_in_subprocess(["render", fifo, "--output", tmp_path / "h.html"])
    assert done.returncode == 2 and "pipe" in done.stderr and "Traceback" not in done.stderr


def test_render_reads_no_txt_link_to_dev_zero_and_fills_no_memory(tmp_path):
    link = tmp_path / "article.txt"
    link.symlink_to("/dev/zero")
    done = run_in_subprocess(["render", link, "--output", tmp_path / "h.html"])
    assert done.returncode == 2 and "device" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("kind", ["pipe", "device"])
def test_the_loader_refuses_a_pipe_or_a_device_given_as_a_path(tmp_path, kind):
    path = tmp_path / "article.txt"
    if kind == "pipe":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    # What kit.highlighter(Path(...)) calls, in its own capped process in case it ever hangs again.
    code = ("import sys; from pathlib import Path; from lessons.text.article import load_article, ArticleError\n"
            "try:\n    load_article(Path(sys.argv[1]))\nexcept ArticleError as e:\n    print(e)")
    done = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, preexec_fn=_cap_memory)
    assert done.returncode == 0 and kind in done.stdout, done.stderr[-500:]


def test_a_file_that_grows_past_the_cap_while_read_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "grows.txt"
    path.write_bytes(b"a" * 10)
    real_read = os.read

    def read_and_grow(fd, n):                   # the file grows by 1 MB every time it is read
        with open(path, "ab") as fh:
            fh.write(b"b" * 1_000_000)
        return real_read(fd, n)
    monkeypatch.setattr(files.os, "read", read_and_grow)
    with pytest.raises(KitError, match="growing"):
        files.read_bytes(path, limit=3_000_000)


# --- every command-line failure is a message -----------------------------------------------

def test_render_output_that_is_a_folder_is_a_message(article, tmp_path, capsys):
    code, err = run(["render", article, "--output", tmp_path], capsys)
    assert code == 2 and "folder" in err


def test_render_output_under_a_file_is_a_message(article, capsys):
    code, err = run(["render", article, "--output", Path(str(article)) / "h.html"], capsys)
    assert code == 2 and "is a file, not a folder" in err


def test_render_output_with_an_empty_name_is_a_message(article, capsys):
    code, err = run(["render", article, "--output", ""], capsys)
    assert code == 2 and "No file name" in err


def test_render_output_with_a_250_character_name_is_written(article, tmp_path, capsys):
    out = tmp_path / ("h" * 245 + ".html")
    code, _ = run(["render", article, "--output", out], capsys)
    assert code == 0 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("code_, words", [(errno.EACCES, "does not allow"), (errno.EROFS, "can only be read"),
                                          (errno.ENOSPC, "disk is full")])
def test_render_into_a_read_only_or_full_place_is_a_message(article, tmp_path, capsys, monkeypatch, code_, words):
    def refuse(*a, **k):
        raise OSError(code_, os.strerror(code_), str(tmp_path))
    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    code, err = run(["render", article, "--output", tmp_path / "h.html"], capsys)
    assert code == 2 and words in err
    assert not (tmp_path / "h.html").exists()


def test_a_full_disk_halfway_through_writing_leaves_nothing_behind(article, tmp_path, capsys, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(files.os, "fsync", full)
    code, err = run(["render", article, "--output", tmp_path / "h.html"], capsys)
    assert code == 2 and "disk is full" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_an_input_that_cannot_be_opened_is_a_message(article, capsys):
    code, err = run(["render", Path(str(article)) / "x.txt", "--output", "unused.html"], capsys)
    assert code == 2 and "x.txt" in err
    code, err = run(["annotate", Path(str(article)) / "x.txt"], capsys)
    assert code == 2 and "x.txt" in err


def test_annotate_a_folder_says_it_is_a_folder(tmp_path, capsys):
    code, err = run(["annotate", tmp_path], capsys)
    assert code == 2 and "is a folder" in err


def test_evaluate_with_a_benchmarks_folder_that_does_not_exist_says_so(tmp_path, capsys):
    code, err = run(["evaluate", "--benchmarks", tmp_path / "nonexistent"], capsys)
    assert code == 2 and "news-dev" in err


def test_evaluate_with_a_malformed_set_names_the_file(tmp_path, capsys):
    folder = tmp_path / "news-dev"
    folder.mkdir()
    (folder / "x.txt").write_text("Some text.", encoding="utf-8")
    (folder / "x.gold.jsonl").write_text('["not", "a", "unit"]\n', encoding="utf-8")
    code, err = run(["evaluate", "--benchmarks", tmp_path], capsys)
    assert code == 2 and "x.gold.jsonl" in err


def test_a_page_declaring_an_undefined_charset_is_a_message(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_bytes(b'<html><head><meta charset="undefined"></head><body><p>Caf\xe9 said.</p></body></html>')
    with pytest.raises(ArticleError, match="undefined"):
        load_article(page)
    code, err = run(["render", page, "--output", tmp_path / "h.html"], capsys)
    assert code == 2 and "undefined" in err


# --- the size limit holds for annotate too -------------------------------------------------

def test_annotate_refuses_text_over_the_limit_in_python():
    with pytest.raises(KitError, match="2,000,000"):
        lessons.annotate("a " * (MAX_ARTICLE_CHARS // 2 + 1))


def test_annotate_refuses_text_over_the_limit_on_the_command_line(tmp_path, capsys):
    big = tmp_path / "big.txt"
    big.write_text("a " * (MAX_ARTICLE_CHARS // 2 + 1), encoding="utf-8")
    code, err = run(["annotate", big], capsys)
    assert code == 2 and "2,000,000" in err


# --- a YAML alias bomb is refused before it is expanded ------------------------------------

def test_an_article_yaml_with_aliases_is_refused_before_loading(tmp_path):
    (tmp_path / "raw.txt").write_text("Hello.\n", encoding="utf-8")
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 5)]
    (tmp_path / "article.yaml").write_text("\n".join(levels) + "\nlines:\n- paragraph: Hello\n",
                                           encoding="utf-8")
    with pytest.raises(ArticleError, match="aliases"):
        load_article(tmp_path / "article.yaml")


def test_a_device_named_as_a_string_gets_the_same_message_as_a_path(tmp_path):
    link = tmp_path / "article.txt"
    link.symlink_to("/dev/zero")
    code = ("import sys; from lessons.text.article import load_article, ArticleError\n"
            "try:\n    load_article(sys.argv[1])\nexcept ArticleError as e:\n    print(e)")
    done = subprocess.run([sys.executable, "-c", code, str(link)], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, preexec_fn=_cap_memory)
    assert done.returncode == 0 and "device" in done.stdout, done.stderr[-500:]


def test_evaluate_with_a_pipe_for_a_key_file_says_so_instead_of_hanging(tmp_path):
    folder = tmp_path / "news-dev"
    folder.mkdir()
    (folder / "x.txt").write_text("Some text.", encoding="utf-8")
    os.mkfifo(folder / "x.gold.jsonl")
    done = run_in_subprocess(["evaluate", "--benchmarks", tmp_path], timeout=300)
    assert done.returncode == 2 and "pipe" in done.stderr and "Traceback" not in done.stderr

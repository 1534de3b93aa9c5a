"""`briefing print` as a subprocess: exit codes, one-line errors, --topics, --printer (with a fake
`lp` first on PATH that records what it was given), --help, no Textual."""

from __future__ import annotations

import io
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"


def _run(*args: str, content: Path | str = FIXTURE, stdin=None, env_extra=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env_extra or {})}
    env.pop("BRIEFING_CONTENT", None)
    return subprocess.run(
        [sys.executable, "-m", "briefing", "--content", str(content), "print", *args],
        capture_output=True,
        timeout=120,
        env=env,
        stdin=stdin,
    )


def _one_line_error(result: subprocess.CompletedProcess, code: int = 2) -> str:
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == code, stderr
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert result.stdout == b""
    return lines[0]


def test_text_to_stdout() -> None:
    result = _run()
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    lines = result.stdout.decode("utf-8").splitlines()
    assert lines[0] == "Test briefing"
    assert len(lines) <= 58 and max(cell_len(line) for line in lines) <= 76


def test_unwritable_output_path(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "out.txt"
    line = _one_line_error(_run("-o", str(target)))
    assert line.startswith("briefing print: cannot write ") and str(target) in line
    assert not target.exists()


def test_unwritable_output_path_for_pdf(tmp_path: Path) -> None:
    line = _one_line_error(_run("--format", "pdf", "-o", str(tmp_path / "missing" / "x.pdf")))
    assert "cannot write" in line


def test_unknown_topic_names_it_and_lists_valid_ids() -> None:
    line = _one_line_error(_run("--topics", "energy,nope"))
    assert "unknown topic `nope`" in line
    assert "valid topics: overview, energy" in line


def test_topics_are_printed_in_the_order_given() -> None:
    result = _run("--topics", "energy, overview")
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")
    assert 0 < text.index("ENERGY") < text.index("OVERVIEW")
    only = _run("--topics", "energy").stdout.decode("utf-8")
    assert "ENERGY" in only and "OVERVIEW" not in only


def test_empty_topics_is_an_error() -> None:
    assert "at least one topic id" in _one_line_error(_run("--topics", " , "))


def test_missing_content_folder(tmp_path: Path) -> None:
    line = _one_line_error(_run(content=tmp_path / "nowhere"))
    assert "content folder not found" in line


def test_unknown_format_is_a_usage_error() -> None:
    result = _run("--format", "docx")
    assert result.returncode == 2 and b"invalid choice" in result.stderr


def test_content_problems_are_counted_but_the_summary_still_prints(tmp_path: Path) -> None:
    broken = tmp_path / "content"
    (broken / "topics").mkdir(parents=True)
    (broken / "sources").mkdir()
    (broken / "briefing.md").write_text(
        "---\ntitle: Broken\nas_of: '1'\nevent_date: '2'\nbottom_line: Still printed.\n---\n"
        "- A claim citing nobody known. [@ghost]\n",
        encoding="utf-8",
    )
    result = _run(content=broken)
    assert result.returncode == 0
    assert "Still printed." in result.stdout.decode("utf-8")
    stderr = result.stderr.decode("utf-8").splitlines()
    assert stderr == ["1 problem in content; run `briefing check`"]


def test_pdf_and_html_files(tmp_path: Path) -> None:
    pdf, page = tmp_path / "s.pdf", tmp_path / "s.html"
    assert _run("--format", "pdf", "--paper", "letter", "-o", str(pdf)).returncode == 0
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert _run("--format", "html", "-o", str(page)).returncode == 0
    assert "@page { size: A4;" in page.read_text(encoding="utf-8")


def test_pdf_to_a_pipe_is_binary_output() -> None:
    result = _run("--format", "pdf")  # stdout is a pipe, not a terminal
    assert result.returncode == 0 and result.stdout.startswith(b"%PDF-")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_pdf_to_a_terminal_is_refused() -> None:
    primary, secondary = os.openpty()
    try:
        env = {**os.environ}
        env.pop("BRIEFING_CONTENT", None)
        result = subprocess.run(
            [sys.executable, "-m", "briefing", "--content", str(FIXTURE), "print", "--format", "pdf"],
            stdout=secondary,
            stderr=subprocess.PIPE,
            timeout=60,
            env=env,
        )
    finally:
        os.close(secondary)
        os.close(primary)
    assert result.returncode == 2
    assert result.stderr.decode().strip().endswith("use -o FILE, --printer, or a pipe")


def test_print_of_text_never_imports_fpdf() -> None:
    script = (
        "import contextlib, io, sys\n"
        "from briefing.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    code = main(['--content', {str(FIXTURE)!r}, 'print'])\n"
        "assert code == 0 and out.getvalue().startswith('Test briefing'), (code, out.getvalue())\n"
        "print('fpdf' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False"]


def test_parser_choices_match_the_summary_package():
    from briefing import summary
    from briefing.commands import print_summary

    assert tuple(summary.FORMATS) == print_summary.FORMATS
    assert tuple(summary.PAPER_NAMES) == print_summary.PAPER_NAMES


def test_building_the_parser_imports_no_parser_or_renderer():
    import subprocess
    import sys

    script = (
        "import sys\nfrom briefing.cli import build_parser\nbuild_parser()\n"
        "heavy = ('markdown_it', 'yaml', 'fpdf', 'briefing.search', 'briefing.summary', "
        "'briefing.loading.loader', 'textual')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# --- --printer: the one-page PDF to `lp` ----------------------------------------------------------

FAKE_LP = """#!/bin/sh
# A stand-in for CUPS's lp: records its arguments and keeps a copy of the file it was given.
printf '%s\\n' "$@" > "$FAKE_LP_DIR/args"
for last in "$@"; do :; done
cp "$last" "$FAKE_LP_DIR/printed.pdf"
if [ -n "$FAKE_LP_REFUSE" ]; then
    echo "lp: The printer or class does not exist." >&2
    exit 1
fi
echo "request id is office-42 (1 file(s))"
"""


@pytest.fixture
def fake_lp(tmp_path: Path) -> dict[str, str]:
    """PATH with a fake `lp` first; returns the environment additions for `_run`."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    lp = bin_dir / "lp"
    lp.write_text(FAKE_LP, encoding="utf-8")
    lp.chmod(lp.stat().st_mode | stat.S_IXUSR)
    return {"PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "FAKE_LP_DIR": str(tmp_path)}


def _printed(tmp_path: Path) -> tuple[list[str], bytes]:
    return (tmp_path / "args").read_text(encoding="utf-8").splitlines(), (tmp_path / "printed.pdf").read_bytes()


def test_printer_sends_the_one_page_pdf_to_the_default_printer(fake_lp, tmp_path: Path) -> None:
    import pypdf

    result = _run("--printer", env_extra=fake_lp)
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    args, data = _printed(tmp_path)
    assert len(args) == 1 and args[0].endswith(".pdf")  # `lp FILE`: no -d, no options
    assert not Path(args[0]).exists()  # the temporary file is gone after the job
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) == 1
    assert result.stderr.decode().splitlines() == [
        "briefing print: sent to the default printer (request id is office-42 (1 file(s)))"
    ]


def test_printer_by_name_and_paper(fake_lp, tmp_path: Path) -> None:
    import pypdf

    result = _run("--printer", "office-laser", "--paper", "letter", env_extra=fake_lp)
    assert result.returncode == 0, result.stderr
    args, data = _printed(tmp_path)
    assert args[:2] == ["-d", "office-laser"] and len(args) == 3
    assert abs(float(pypdf.PdfReader(io.BytesIO(data)).pages[0].mediabox.height) - 792) < 1
    assert "sent to printer office-laser" in result.stderr.decode()


def test_printer_keeps_the_pdf_when_asked(fake_lp, tmp_path: Path) -> None:
    kept = tmp_path / "kept.pdf"
    assert _run("--printer", "-o", str(kept), env_extra=fake_lp).returncode == 0
    args, data = _printed(tmp_path)
    assert args == [str(kept)] and kept.read_bytes() == data


def test_a_refused_job_is_one_line_and_exit_1(fake_lp) -> None:
    line = _one_line_error(_run("--printer", "nowhere", env_extra={**fake_lp, "FAKE_LP_REFUSE": "1"}), code=1)
    assert line == "briefing print: lp refused the job: lp: The printer or class does not exist."


def test_no_lp_is_one_line_and_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    line = _one_line_error(_run("--printer", env_extra={"PATH": str(empty)}))
    assert line == "briefing print: lp not found: install CUPS, or write the PDF with -o FILE and print it yourself"


def test_printer_sends_only_the_pdf(fake_lp) -> None:
    assert "--printer sends the PDF" in _one_line_error(_run("--printer", "--format", "text", env_extra=fake_lp))


def test_help_says_which_format_is_for_what() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "print", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    help_text = " ".join(result.stdout.split())
    for expected in (
        "--printer [NAME]",
        "text the default: 76 columns x 58 lines, prints as is on one sheet of A4 or Letter with plain `lp`",
        "markdown for notes and chat",
        "html to print from a browser",
        "pdf the handout: one page, body 9 pt or larger; what --printer sends",
    ):
        assert expected in help_text, expected


# --- issue 19: what a new user trips on -------------------------------------------------------


def test_a_failed_write_says_only_that(tmp_path: Path) -> None:
    """A page that shortens topics writes notes to stderr; a write that fails says only why."""
    from devkit.synthetic import write_synthetic_content

    content = write_synthetic_content(tmp_path / "forty", 40)
    fine = _run("-o", str(tmp_path / "out.txt"), content=content)
    assert fine.returncode == 0 and b"Not on this page" in fine.stderr  # the notes exist…
    line = _one_line_error(_run("--format", "pdf", "-o", "/nonexistent/x.pdf", content=content))
    assert line == "briefing print: cannot write /nonexistent/x.pdf: No such file or directory"  # …but not here


def test_briefing_topics_lists_the_ids_print_takes_without_textual() -> None:
    script = (
        "import contextlib, io, sys\n"
        "from briefing.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    code = main(['--content', {str(FIXTURE)!r}, 'topics'])\n"
        "print(code, 'textual' in sys.modules)\n"
        "print(out.getvalue(), end='')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["0 False", "overview  Overview", "energy    Energy"]


def test_the_topics_example_in_help_works_and_help_points_to_briefing_topics() -> None:
    help_text = subprocess.run(
        [sys.executable, "-m", "briefing", "print", "--help"], capture_output=True, text=True, timeout=60
    ).stdout
    flat = " ".join(help_text.split())
    assert "(e.g. overview,energy-truce; `briefing topics` lists them)" in flat
    assert "briefing topics every topic id, with its title" in flat
    examples = set(re.findall(r"overview,[a-z0-9,-]+", help_text))
    assert examples == {"overview,energy-truce"}
    for example in examples:  # every --topics example in the help runs on the bundled briefing
        env = {key: value for key, value in os.environ.items() if key != "BRIEFING_CONTENT"}
        result = subprocess.run(
            [sys.executable, "-m", "briefing", "print", "--topics", example], capture_output=True, timeout=120, env=env
        )
        assert result.returncode == 0, result.stderr
        assert b"OVERVIEW \xe2\x89\xa0 Call length" in result.stdout and b"ENERGY TRUCE \xe2\x80\xa2" in result.stdout


def test_check_counts_in_the_singular_when_there_is_one(tmp_path: Path) -> None:
    folder = tmp_path / "one"
    (folder / "sources").mkdir(parents=True)
    (folder / "topics").mkdir()
    shutil.copy(FIXTURE / "briefing.md", folder / "briefing.md")
    shutil.copy(FIXTURE / "sources" / "alpha.md", folder / "sources" / "alpha.md")
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "--content", str(folder), "check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    summary = result.stdout.strip().splitlines()[-1]
    assert " 1 source;" in summary and "1 sources" not in summary, summary

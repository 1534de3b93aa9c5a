"""`briefing print` as a subprocess: exit codes, one-line errors, --topics, no Textual."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"


def _run(*args: str, content: Path | str = FIXTURE, stdin=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("BRIEFING_CONTENT", None)
    return subprocess.run(
        [sys.executable, "-m", "briefing", "--content", str(content), "print", *args],
        capture_output=True,
        timeout=120,
        env=env,
        stdin=stdin,
    )


def _one_line_error(result: subprocess.CompletedProcess) -> str:
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2, stderr
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
    assert len(lines) <= 60 and max(cell_len(line) for line in lines) <= 80


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
    assert result.stderr.decode().strip().endswith("use -o FILE (or pipe it)")


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

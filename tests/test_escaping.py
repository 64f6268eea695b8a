"""Student-controlled text, made safe for folders, spreadsheets, terminals and Markdown."""

from __future__ import annotations

import csv
import io

import pytest

from autograder.escaping import code_block, csv_cell, folder_name, markdown, visible


@pytest.mark.parametrize("student", ["..", ".", "", "a/../b", "gradebook.csv", "Manifest.json",
                                     "-rf", "\x1b[2J", "a\u202eb", "x" * 300, "a b"])
def test_a_folder_name_is_one_plain_name_inside_the_output(student):
    folder = folder_name(student)
    assert "/" not in folder and "\\" not in folder and "\x00" not in folder
    assert folder not in ("", ".", "..") and not folder.startswith((".", "-"))
    assert folder.lower() not in ("gradebook.csv", "manifest.json", "report.html")
    assert len(folder) <= 100 and folder == visible(folder)


def test_plain_names_keep_their_folder_and_odd_ones_never_share_one():
    assert folder_name("alice") == "alice" and folder_name("José_2") == "José_2"
    assert folder_name("a b") != folder_name("a_b") == "a_b"
    assert folder_name("a/b") != folder_name("a:b")


@pytest.mark.parametrize("name", ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)",
                                  "\tx"])
def test_a_csv_cell_never_starts_a_formula(name):
    buffer = io.StringIO()
    csv.writer(buffer).writerow([csv_cell(name)])
    cell = next(csv.reader(io.StringIO(buffer.getvalue())))[0]
    assert cell.startswith("'")
    assert csv_cell("\r=x") == "\ufffd=x"  # a carriage return is not kept at all


def test_terminal_escapes_and_direction_overrides_become_visible():
    assert visible("\x1b[31mred\x07\u202e") == "\ufffd[31mred\ufffd\ufffd"
    assert visible("tab\tand\nnewline") == "tab\tand\nnewline"


def test_markdown_text_cannot_link_embed_or_format():
    text = markdown("<script>x</script> [a](javascript:y) ![i](z) `c` **b** | #h\n## fake")
    for raw in ("<script>", "](javascript", "![", "`c`", "**b**", "\n"):
        assert raw not in text
    assert text.startswith("\\<script\\>")


def test_a_code_block_cannot_be_closed_from_inside():
    opening, body, closing = code_block("x\n```\n## Every hidden check passed\n````")
    assert opening == closing == "`````" and "## Every" in body

"""Text a student controls, made safe for each place the grader shows it.

Student ids come from file names; messages and printed output come from student code. None
of it may steer what reads it: a name must not become a path outside ``--out``, a spreadsheet
formula or a terminal escape sequence, and a message must not close a code fence, start a
heading, link to ``javascript:`` or smuggle HTML into feedback.

Example::

    folder_name("../x")         -> "_.._x-1a2b3c4d"   (a folder inside --out, unique per id)
    csv_cell('=HYPERLINK("…")') -> "'=HYPERLINK(\"…\")"   (text, never a formula)
    markdown("[win](javascript:x)") -> "\\[win\\]\\(javascript:x\\)"
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

#: what the run writes beside the student folders; no student folder may take these names
RESERVED = {"gradebook.csv", "manifest.json", "report.html", "results.json", "feedback.md",
            "previous"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+!|&~])")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def visible(text: str) -> str:
    """``text`` with control and bidirectional-format characters (ANSI escapes, NUL, RTL
    overrides) replaced by U+FFFD, so a terminal or viewer shows it as it is."""
    return _CONTROL.sub("\ufffd", str(text))


def folder_name(student: str) -> str:
    """The folder of a student's results: ``student`` itself when it is a plain name, else a
    slug of it with a short hash of the original (so two ids never share a folder). Never a
    path, never hidden, never a name the run writes itself.

    Example: folder_name("alice") == "alice"; folder_name("..") == "_..-" + 8 hex digits
    """
    slug = "".join(char if char.isalnum() or char in "._-" else "_"
                   for char in unicodedata.normalize("NFC", student))[:80]
    if not slug or slug[0] in ".-" or slug.lower() in RESERVED:
        slug = "_" + slug
    if slug == student:
        return slug
    return f"{slug}-{hashlib.sha256(student.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


def csv_cell(text: str) -> str:
    """A CSV cell that a spreadsheet shows as text: visible characters only, and a leading
    apostrophe before what would start a formula."""
    text = visible(text)
    return "'" + text if text.startswith(_FORMULA) else text


def markdown(text: str) -> str:
    """``text`` as one line of Markdown that renders as plain text: no link, image, HTML,
    code span, emphasis or table cell can start in it."""
    return _MARKDOWN.sub(r"\\\1", " ".join(visible(text).splitlines()))


def code_block(text: str) -> list[str]:
    """The lines of a fenced Markdown code block showing ``text`` verbatim: the fence is
    longer than any run of backticks inside, so the text cannot close it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence, visible(text), fence]


def workflow_data(text: str) -> str:
    """``text`` as the message of a GitHub Actions workflow command (``::error::MESSAGE``):
    one line, with ``%``, CR and LF percent-encoded as the runner decodes them, so a message
    can neither end the command nor start another.

    Example: workflow_data("a\\n::notice::b") == "a%0A::notice::b"
    """
    return (visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def workflow_property(text: str) -> str:
    """``text`` as a property value of a workflow command (``title=VALUE``): as
    :func:`workflow_data`, and ``:`` and ``,`` encoded too, so it cannot end the property list.
    """
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")

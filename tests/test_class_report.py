"""The class report: report.html after `autograder grade`, opened in a real headless Chromium.

The browser tests need Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs
them) and skip with that reason where they are absent. The screenshot of the example class's
report is saved to ``$TEST_ARTIFACTS`` (default ``test-artifacts/`` in the checkout).
"""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path
from statistics import mean

import pytest

from autograder.class_report import mistake
from tests.conftest import ROOT
from tests.test_cli import assert_one_line_error, run_cli
from tests.test_grading import EXAMPLES, read_gradebook

pytestmark = pytest.mark.slow

NAME = "logistic_regression"
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", ROOT / "test-artifacts"))
HOSTILE = "<img src=x onerror=alert(1)>"
SHOUTED = "<b>bold</b><script>alert(2)</script>"


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Path]:
    """The example class graded ("first"), then graded again into the same folder
    ("regraded") after bob handed in alice's code, erin left and a student with a hostile
    name and message joined."""
    tmp = tmp_path_factory.mktemp("report")
    folder, out = tmp / "class", tmp / "out"
    shutil.copytree(EXAMPLES, folder)
    done = run_cli("grade", NAME, str(folder), "--out", str(out), "--jobs", "2")
    assert done.returncode == 0, done.stderr
    first = tmp / "first"
    shutil.copytree(out, first)
    shutil.copy(EXAMPLES / "alice.py", folder / "bob.py")
    (folder / "erin.py").unlink()
    (folder / f"{HOSTILE}.py").write_text(
        (EXAMPLES / "alice.py").read_text()
        + f"\n\ndef propagate(w, b, X, Y):\n    raise ValueError({SHOUTED!r})\n")
    done = run_cli("grade", NAME, str(folder), "--out", str(out), "--jobs", "2")
    assert done.returncode == 0, done.stderr
    return {"first": first, "regraded": out}


def test_grade_writes_the_report_and_says_where(runs):
    assert (runs["first"] / "report.html").is_file()
    html = (runs["first"] / "report.html").read_text()
    # self-contained: nothing to fetch (the CSP forbids it; the browser test checks it holds)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "default-src 'none'" in html


def test_no_report_writes_none_and_report_writes_it_later(runs, tmp_path):
    out = tmp_path / "out"
    done = run_cli("grade", NAME, str(EXAMPLES / "alice.py"), "--out", str(out),
                   "--no-report", "--recordings", str(runs["first"] / ".autograder"))
    assert done.returncode == 0, done.stderr
    assert not (out / "report.html").exists()
    done = run_cli("report", str(out))
    assert done.returncode == 0, done.stderr
    assert "alice" in (out / "report.html").read_text()


def test_report_of_a_folder_without_a_run_is_one_line(tmp_path):
    assert_one_line_error(run_cli("report", str(tmp_path)), "holds no complete grading run")
    assert_one_line_error(run_cli("report", str(tmp_path / "nope")), "is not a folder")
    (tmp_path / "manifest.json").write_text("{not json")
    (tmp_path / "gradebook.csv").write_text("student,score,max_score\n")
    assert_one_line_error(run_cli("report", str(tmp_path)), "cannot read")


def test_equal_mistakes_count_together_whatever_the_measured_error():
    one = ("grads['dw'] has wrong values: max absolute error 1.62, max relative error 2. "
           "dw is m times too large — did you divide by m?")
    other = ("grads['dw'] has wrong values: max absolute error 3.1e-05, max relative error "
             "0.5. dw is m times too large — did you divide by m?")
    assert mistake(one) == mistake(other) == (
        "grads['dw'] has wrong values. dw is m times too large — did you divide by m?")
    assert mistake("optimize() raised KeyError: 'w' (line 48, in optimize)") == \
        mistake("optimize() raised KeyError: 'w' (line 12 of cell 3, in optimize)")
    assert mistake("w should have shape (2, 1), but it has shape (2,).") == \
        "w should have shape (2, 1), but it has shape (2,)."


def test_feedback_pages_show_student_text_as_text(runs):
    page = next((runs["regraded"]).glob("_img*/feedback.html")).read_text()
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page


def test_progress_bar_only_on_a_terminal_outside_ci(runs, tmp_path):
    def stderr_on_a_terminal(ci: str) -> str:
        primary, secondary = pty.openpty()
        process = subprocess.Popen(
            [sys.executable, "-m", "autograder", "grade", NAME, str(EXAMPLES / "alice.py"),
             str(EXAMPLES / "bob.py"), "--out", str(tmp_path / ci), "--no-report",
             "--recordings", str(runs["first"] / ".autograder")],
            cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=secondary,
            env={**os.environ, "CI": ci, "TERM": "xterm"})
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # EIO: the other end closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(primary)
        assert process.wait(timeout=600) == 0
        return b"".join(chunks).decode(errors="replace")

    shown = stderr_on_a_terminal("")
    assert "2/2" in shown and "/s" in shown and "grading" in shown
    assert "grading" not in stderr_on_a_terminal("true")


# ------------------------------------------------------------------------ in a real browser

@pytest.fixture(scope="module")
def browser():
    """Headless Chromium driven by chromedriver, both from Debian."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.skip("needs Debian's chromium and chromium-driver "
                    "(apt-get install chromium chromium-driver; .ci/run installs them)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager download
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    # the test browser opens our own file; root and containers have no Chrome sandbox
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    session = webdriver.Chrome(options=options, service=Service(executable_path=driver))
    yield session
    session.quit()


def open_page(browser, path: Path) -> None:
    browser.get(path.as_uri())
    browser.get_log("browser")  # the earlier page's messages
    browser.refresh()


def console_errors(browser) -> list[dict]:
    return [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def page_rows(browser) -> list[list[str]]:
    from selenium.webdriver.common.by import By

    return [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
            for row in browser.find_elements(By.CSS_SELECTOR, "#students tbody tr")
            if row.is_displayed()]


def test_the_example_class_report_renders_with_the_gradebook_numbers(browser, runs):
    from selenium.webdriver.common.by import By

    open_page(browser, runs["first"] / "report.html")
    assert console_errors(browser) == []
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    images = browser.find_elements(By.TAG_NAME, "img")
    assert len(images) == 2
    for image in images:
        assert browser.execute_script(
            "return arguments[0].complete && arguments[0].naturalWidth > 0", image)
        assert image.size["width"] > 100 and image.size["height"] > 100

    book = read_gradebook(runs["first"])
    exercises = list(next(iter(book.values())))[3:]
    rows = page_rows(browser)
    assert [row[0] for row in rows] == sorted(book)
    for row in rows:
        expected = book[row[0]]
        assert float(row[1]) == float(expected["score"])
        assert [float(cell) for cell in row[2:2 + len(exercises)]] == \
            [float(expected[name]) for name in exercises]
    assert browser.find_element(By.ID, "count").text == str(len(book))
    scores = [float(row["score"]) for row in book.values()]
    assert browser.find_element(By.ID, "mean").text == f"{mean(scores):.2f} / 100"
    assert "carol" in browser.find_element(By.ID, "look").text  # the untouched release: 0

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1280, height)
    assert browser.save_screenshot(str(ARTIFACTS / "class-report.png"))
    browser.set_window_size(1280, 900)


def test_sorting_filtering_and_links_work(browser, runs):
    from selenium.webdriver.common.by import By

    open_page(browser, runs["regraded"] / "report.html")
    assert console_errors(browser) == []
    score = browser.find_elements(By.CSS_SELECTOR, "#students th")[1]
    score.click()
    ascending = [float(row[1]) for row in page_rows(browser)]
    assert ascending == sorted(ascending) and ascending[0] == 0
    score.click()
    assert [float(row[1]) for row in page_rows(browser)] == sorted(ascending, reverse=True)

    box = browser.find_element(By.ID, "filter")
    box.send_keys("zero")
    assert [row[0] for row in page_rows(browser)] == ["carol"]
    assert browser.find_element(By.ID, "shown").text == "1"
    box.clear()
    box.send_keys(" ")  # an input event with nothing to match: every row again
    assert len(page_rows(browser)) == len(read_gradebook(runs["regraded"]))

    browser.find_element(By.LINK_TEXT, "bob").click()
    assert browser.title == "Feedback for bob"
    assert "Score: 100 / 100" in browser.find_element(By.TAG_NAME, "body").text
    assert console_errors(browser) == []


def test_a_regrade_shows_what_changed_and_student_text_stays_text(browser, runs):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    open_page(browser, runs["regraded"] / "report.html")
    changed = browser.find_element(By.ID, "changed").text
    assert re.search(r"bob 84 100 \+16", changed)
    section = browser.find_element(By.ID, "changes").text
    assert "No longer graded: erin." in section and "1 new submission(s)" in section
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert  # noqa: B018 -- the property raises when there is none
    assert browser.find_elements(By.CSS_SELECTOR, "img[src=x], #students b, script[src]") == []
    assert browser.find_element(By.LINK_TEXT, HOSTILE)
    assert SHOUTED in browser.find_element(By.ID, "mistakes-table").text
    manifest = json.loads((runs["regraded"] / "manifest.json").read_text())
    assert manifest["resumed"] == 5  # alice, carol, dan, frank, grace were not graded again

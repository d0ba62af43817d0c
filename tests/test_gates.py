"""Quality gates on every kind of page, for every audience, in real tools.

- accessibility: axe-core in Chromium, zero serious or critical WCAG 2.2 A/AA violations;
- HTML validity: the Nu HTML Checker;
- links: linkchecker over HTTP with anchors;
- no third-party requests, no sideways scrolling at 360 px, screenshots for people to look at;
- a public cycle page stays light.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from conftest import require_chromium
from gates import page_kinds, samples, url_of
from helpers import ROOT

from lwsite.render.site import PAGE_KINDS

AUDIENCES = ("public", "staff", "team")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# Material's own: the autocomplete attribute on its hidden toggle inputs (filtered by message).
VNU_ALLOWED = (
    "error: Attribute \u201cautocomplete\u201d is only allowed when the input type is \u201ccolor\u201d, "
    "\u201cdate\u201d, \u201cdatetime-local\u201d, \u201cemail\u201d, \u201chidden\u201d, \u201cmonth\u201d, "
    "\u201cnumber\u201d, \u201cpassword\u201d, \u201crange\u201d, \u201csearch\u201d, \u201ctel\u201d, "
    "\u201ctext\u201d, \u201ctime\u201d, \u201curl\u201d, or \u201cweek\u201d."
)

CORE_KINDS = {"home", "school", "cycle", "debrief", "actions", "archive", "framework", "characteristic"}


def _need(path: Path, what: str) -> None:
    if not path.exists():
        pytest.fail(f"{what} is missing at {path}: run `npm ci`")


@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_core_page_kind_is_built(built: dict[str, Path], audience: str) -> None:
    kinds = set(page_kinds(built[audience]))
    assert kinds >= CORE_KINDS, CORE_KINDS - kinds
    assert kinds - {"docs"} <= set(PAGE_KINDS), kinds - set(PAGE_KINDS)  # one list of kinds: render.site's
    assert ("evidence" in kinds) == (audience != "public")


@pytest.mark.parametrize("audience", AUDIENCES)
def test_accessibility_axe(built: dict[str, Path], audience: str, serve: Any, browser: Any) -> None:
    _need(AXE, "axe-core")
    site = built[audience]
    base = serve(site)
    page = browser.new_page()
    problems: list[str] = []
    for path in samples(site):
        page.goto(url_of(site, path, base))
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            """async (tags) => await axe.run(document, {
                runOnly: {type: 'tag', values: tags.concat(['best-practice'])},
                // Material's search dialog has no accessible name: a best-practice rule,
                // excluded by its id and nothing else.
                rules: {'aria-dialog-name': {enabled: false}},
            })""",
            WCAG_TAGS,
        )
        for v in result["violations"]:
            if v["impact"] in ("serious", "critical"):
                targets = [n["target"] for n in v["nodes"][:3]]
                problems.append(f"{path.relative_to(site)}: {v['id']} ({v['impact']}): {targets}")
    page.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("audience", AUDIENCES)
def test_html_is_valid_nu_checker(built: dict[str, Path], audience: str, tmp_path: Path) -> None:
    _need(VNU, "vnu-jar")
    java = shutil.which("java")
    assert java, "java is missing: apt-get install default-jre-headless"
    site = built[audience]
    sample = tmp_path / "sample"
    for path in samples(site, per_kind=2):
        dest = sample / path.relative_to(site)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, dest)
    result = subprocess.run(
        [java, "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "gnu", str(sample)],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [line for line in result.stderr.splitlines() if line.strip() and not line.endswith(VNU_ALLOWED)]
    assert not errors, "\n".join(errors[:40])


def linkcheck(base: str, workdir: Path) -> str:
    """linkchecker's report on a served site, anchors included."""
    config = workdir / "linkcheckerrc"
    config.write_text(
        "[checking]\nmaxrequestspersecond=1000\n\n[filtering]\ncheckextern=0\nignore=\n  ^mailto:\n\n[AnchorCheck]\n",
        encoding="utf-8",
    )
    # linkchecker's own command line, through a wrapper that keeps its AnchorCheck plugin alive
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tests" / "run_linkchecker.py"),
            "--config",
            str(config),
            "--no-status",
            "--recursion-level=-1",
            "-o",
            "text",
            base,
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=workdir,
    )
    return result.stdout + result.stderr


@pytest.mark.parametrize("audience", AUDIENCES)
def test_no_broken_links_or_anchors(built: dict[str, Path], audience: str, serve: Any, tmp_path: Path) -> None:
    report = linkcheck(serve(built[audience]), tmp_path)
    assert "0 warnings found. 0 errors found." in report, report[-6000:]


def test_link_gate_catches_broken_links_and_anchors(tmp_path: Path, serve: Any) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text('<a href="a/#nowhere">x</a> <a href="gone/">y</a>', encoding="utf-8")
    (site / "a" / "index.html").write_text('<h1 id="here">A</h1>', encoding="utf-8")
    report = linkcheck(serve(site), tmp_path)
    assert "Anchor `nowhere'" in report, report
    assert "1 warning found. 1 error found." in report, report


# In the browser: chart text at least 11 px as drawn (font size times the SVG's scale); no element
# wider than the article unless a box that scrolls holds it; no table caption cut off by its box.
LAYOUT_FAULTS = """() => {
  const out = [];
  const article = document.querySelector("article");
  if (!article) return out;
  const right = article.getBoundingClientRect().right + 1;
  const scrolls = el => { for (let a = el.parentElement; a && a !== article; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX; if (o === "auto" || o === "scroll") return a; } return null; };
  for (const el of article.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (!r.width || r.right <= right) continue;
    if (!scrolls(el)) {
      out.push("wider than the page: <" + el.tagName.toLowerCase() + " class=" + el.getAttribute("class") + "> "
               + Math.round(r.right - right) + " px");
      break;
    }
  }
  for (const t of article.querySelectorAll("figure.lw-chart svg text")) {
    const r = t.getBoundingClientRect(); if (!r.width) continue;
    const svg = t.ownerSVGElement, box = svg.viewBox.baseVal;
    const scale = svg.getBoundingClientRect().width / (box && box.width || svg.width.baseVal.value);
    const size = parseFloat(getComputedStyle(t).fontSize) * scale;
    if (size < 11) { out.push("chart text " + size.toFixed(1) + " px: " + t.textContent.slice(0, 30)); break; }
  }
  for (const c of article.querySelectorAll("caption")) {
    const box = scrolls(c); const r = c.getBoundingClientRect();
    if (box && r.width && r.right > box.getBoundingClientRect().right + 1) {
      out.push("caption cut off: " + c.textContent.slice(0, 40));
    }
  }
  return out;
}"""
# Words that fill space without telling a reader anything (or that the build knew better than to say).
FILLER = (
    r"had not happened yet, or",
    r"Patterns: (few|some|many|most)",
    r"\bVisits \d+\b(?![,\d])",
    r"not shown, not shown",
    r"–%",
)


@pytest.mark.parametrize("audience", AUDIENCES)
def test_no_third_party_requests_and_no_sideways_scroll(
    built: dict[str, Path], audience: str, serve: Any, browser: Any, request: pytest.FixtureRequest
) -> None:
    site = built[audience]
    base = serve(site)
    origin = urlparse(base).netloc
    portfolio = "demo" if "demo" in str(site) else "minimal"
    outside: list[str] = []
    wide: list[str] = []
    faults: list[str] = []
    for width, height, label in ((1280, 900, "desktop"), (360, 740, "phone")):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.on(
            "request",
            lambda r: (
                outside.append(r.url)
                if urlparse(r.url).scheme in ("http", "https") and urlparse(r.url).netloc != origin
                else None
            ),
        )
        for path in samples(site):
            page.goto(url_of(site, path, base))
            # at the first width, wait until the network is quiet so that a late request to another
            # site is caught too; the same pages at the second width ask for nothing new
            if label == "desktop":
                page.wait_for_load_state("networkidle")
            kind = path.relative_to(site).parent.as_posix().replace("/", "_") or "home"
            shot = ARTIFACTS / portfolio / audience / label / f"{kind}.jpg"
            shot.parent.mkdir(parents=True, exist_ok=True)
            # JPEG: half the time of a PNG of a long page, and plenty to read a layout by
            page.screenshot(path=str(shot), full_page=True, type="jpeg", quality=80)
            if width == 360:
                scroll = page.evaluate("document.documentElement.scrollWidth")
                if scroll > 360:
                    wide.append(f"{path.relative_to(site)}: {scroll}px")
            where = f"{label} {path.relative_to(site)}"
            faults += [f"{where}: {fault}" for fault in page.evaluate(LAYOUT_FAULTS)]
            text = page.inner_text("article") if page.locator("article").count() else ""
            faults += [f"{where}: filler {phrase!r}" for phrase in FILLER if re.search(phrase, text)]
        context.close()
    assert not outside, f"requests to other sites: {sorted(set(outside))[:10]}"
    assert not wide, f"pages scroll sideways at 360 px: {wide}"
    assert not faults, "\n".join(faults[:20])


def test_public_cycle_pages_are_light(demo_sites: dict[str, Path]) -> None:
    site = demo_sites["public"]
    cycles = page_kinds(site)["cycle"]
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in cycles}
    heaviest = max(sizes.items(), key=lambda kv: kv[1])
    print(f"public cycle pages: {len(sizes)}, heaviest {heaviest[0]} {heaviest[1]} bytes")
    assert heaviest[1] < 100 * 1024, heaviest


def test_search_index_is_valid_json(built: dict[str, Path]) -> None:
    for audience in AUDIENCES:
        data = json.loads((built[audience] / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert data["docs"], audience


def test_chromium_is_required_in_ci() -> None:
    """The browser gates fail (not skip) in CI when Chromium is missing."""
    assert require_chromium()


def test_the_gates_sample_every_language(demo_sites: dict[str, Path]) -> None:
    """Every gate above reads a page of each kind in each language of the site: the Spanish edition too."""
    from gates import edition

    site = demo_sites["public"]
    sampled = {
        (edition(site, p), kind) for kind, pages in page_kinds(site).items() for p in pages if p in samples(site)
    }
    for kind in CORE_KINDS | {"family-letter", "summary", "trends"}:
        assert ("", kind) in sampled and ("es", kind) in sampled, kind

"""The built demo in a real browser: click through, search, and no console errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from helpers import ROOT


def _a_focus_word() -> tuple[str, str]:
    """A word that only one published cycle's Focus of Inquiry uses, and that cycle's id."""
    seen: dict[str, set[str]] = {}
    for focus in sorted((ROOT / "content" / "schools").glob("*/cycles/*/focus.md")):
        meta = yaml.safe_load(focus.read_text(encoding="utf-8").split("---\n")[1])
        if meta.get("status") == "draft":
            continue
        for word in meta["question"].split():
            word = word.strip("?,.:;").lower()
            if len(word) >= 7 and word.isalpha():
                seen.setdefault(word, set()).add(focus.parent.name)
    unique = sorted((w, ids.pop()) for w, ids in seen.items() if len(ids) == 1)
    assert unique, "no focus question has a word of its own"
    return unique[0]


def test_click_home_school_cycle_debrief_and_search(
    demo_sites: dict[str, Path], serve: Any, browser: Any
) -> None:
    base = serve(demo_sites["public"])
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(base)
    assert page.locator("h1").first.inner_text()
    page.locator("article a[href*='schools/']").first.click()
    page.wait_for_load_state()
    assert "/schools/" in page.url
    page.locator("article a[href*='20']").filter(has_text="20").first.click()
    page.wait_for_load_state()
    assert page.locator("h2#focus").count() == 1, page.url
    page.get_by_role("link", name="Debrief", exact=True).first.click()
    page.wait_for_load_state()
    assert page.url.rstrip("/").endswith("/debrief")
    assert page.locator("h2#patterns").count() == 1

    word, cycle_id = _a_focus_word()
    page.goto(base)
    search = page.locator("input.md-search__input")
    search.click()
    search.fill(word)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    assert any(cycle_id in h for h in hrefs), (word, hrefs)
    page.close()
    assert not errors, errors

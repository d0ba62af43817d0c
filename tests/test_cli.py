"""The lwsite command line, run as users run it, on throwaway copies of the demo project."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import re
from pathlib import Path

import pytest
from cli_support import LINCOLN, demo_project, lwsite, lwsite_command, read_front_matter, read_yaml, tree
from hypothesis import given, settings
from hypothesis import strategies as st

from lwsite import cli, scheduling
from lwsite.model import Room

COMMANDS = [
    (),
    ("check",),
    ("new",),
    ("new", "school"),
    ("new", "cycle"),
    ("schedule",),
    ("import",),
    ("publish",),
    ("export",),
]
READS_CONTENT = [("check",), ("new", "school"), ("new", "cycle"), ("schedule",), ("import",), ("publish",), ("export",)]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return demo_project(tmp_path / "demo")


# help and usage ------------------------------------------------------------------------
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "lwsite")
def test_every_command_has_help(command: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main([*command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: lwsite {' '.join(command)}".rstrip())
    if command in READS_CONTENT:
        assert "--content-dir" in out


def test_help_through_the_installed_entry_point(tmp_path: Path) -> None:
    result = lwsite_command(tmp_path, "--help")
    assert result.returncode == 0
    for name in ("check", "new", "schedule", "import", "publish", "export"):
        assert name in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["new", "cycle", "lincoln-elementary", "2026-13-01", "talk"],  # not a date
        ["new", "cycle", "lincoln-elementary", "2026-11-17", "Talk Moves"],  # not a slug
        ["new", "school", "Oak School", "--name", "Oak"],  # not an id
        ["new", "school", "oak"],  # --name missing
        [
            "schedule",
            "lincoln-elementary",
            "2026-11-17",
            "--start",
            "8:45",
            "--slots",
            "4",
            "--minutes",
            "15",
            "--groups",
            "A",
        ],
        [
            "schedule",
            "lincoln-elementary",
            "2026-11-17",
            "--start",
            "08:45",
            "--slots",
            "4",
            "--minutes",
            "120",
            "--groups",
            "A",
        ],
        [
            "schedule",
            "lincoln-elementary",
            "2026-11-17",
            "--start",
            "08:45",
            "--slots",
            "4",
            "--minutes",
            "15",
            "--groups",
            "A,A",
        ],
        ["import", "notes.csv"],  # --cycle missing
        ["import", "notes.csv", "--cycle", "x", "--rating", "no-equals-sign"],
        ["export", "content", "--format", "xml", "-o", "out"],
        ["export", "content", "--format", "csv"],  # -o missing
        ["export", "content", "--format", "csv", "-o", "out", "--school-year", "2024-26"],
        ["check", "content", "--content-dir", "elsewhere"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(args)
    assert exit_.value.code == 2
    assert "usage: lwsite" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"lwsite {importlib.metadata.version('lwsite')}\n"


@pytest.mark.parametrize(
    ("args", "meant"),
    [
        (
            ["chek", "content"],
            "invalid choice: 'chek' (choose from check, new, schedule, import, publish, export): did you mean check?",
        ),
        (["new", "scool", "oak"], "did you mean school?"),
        (["check", "--strcit"], "unrecognized arguments: --strcit: did you mean --strict?"),
        (
            ["publish", "x/y", "--contentdir", "c"],
            "unrecognized arguments: --contentdir c (--contentdir: did you mean --content-dir?)",
        ),
        (
            ["export", "--format", "cvs", "-o", "out"],
            "invalid choice: 'cvs' (choose from csv, json): did you mean csv?",
        ),
    ],
)
def test_a_mistyped_command_or_option_says_what_was_meant(
    args: list[str], meant: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(args)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "usage: lwsite" in err
    assert meant in err, err


def test_an_unknown_word_gets_no_guess(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["check", "--zzzz"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "unrecognized arguments: --zzzz" in err and "did you mean" not in err


@pytest.mark.parametrize("command", READS_CONTENT, ids=" ".join)
def test_a_missing_content_folder_says_where_it_looked(
    command: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    args = {
        ("check",): [],
        ("new", "school"): ["oak", "--name", "Oak"],
        ("new", "cycle"): ["oak", "2026-11-17", "talk"],
        ("schedule",): ["oak", "2026-11-17", "--start", "08:45", "--slots", "2", "--minutes", "15", "--groups", "A"],
        ("import",): ["notes.csv", "--cycle", "oak/2026-11-17-talk"],
        ("publish",): ["oak/2026-11-17-talk"],
        ("export",): ["--format", "csv", "-o", "out"],
    }[command]
    assert cli.main([*command, *args]) == 1
    out = capsys.readouterr().out
    assert out == (
        f"no content folder: {tmp_path / 'content'} does not exist. lwsite looked for the portfolio "
        f"folder (the one that holds portfolio.yml) at content, relative to the folder you run lwsite "
        f"in ({tmp_path}): run it in the folder that holds mkdocs.yml, or name the folder: "
        f"lwsite {' '.join(command)} --content-dir PATH\n"
    )
    assert list(tmp_path.iterdir()) == []  # nothing was written
    assert cli.main([*command, *args, "--content-dir", str(tmp_path / "mine")]) == 1
    assert f"{tmp_path / 'mine'} does not exist" in capsys.readouterr().out


def test_usage_error_exit_code_of_the_process(project: Path) -> None:
    before = tree(project / "content")
    result = lwsite_command(project, "new", "cycle", "lincoln-elementary", "2026-02-30", "talk")
    assert result.returncode == 2
    assert "'2026-02-30' is not a date YYYY-MM-DD" in result.stderr
    assert tree(project / "content") == before


# new school ----------------------------------------------------------------------------
def test_new_school_passes_check_at_once(project: Path) -> None:
    result = lwsite(
        project, "new", "school", "oak-elementary", "--name", "Oak Elementary: a #1 school", "--grades", "K-5"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    school = project / "content/schools/oak-elementary/school.yml"
    assert read_yaml(school) == {"name": "Oak Elementary: a #1 school", "grades": "K-5"}
    assert "# rooms:" in school.read_text()  # commented guidance
    check = lwsite(project, "check")
    assert check.returncode == 0, check.stdout
    assert "4 school(s)" in check.stderr
    again = lwsite(project, "new", "school", "oak-elementary", "--name", "Oak")
    assert again.returncode == 1
    assert "already exists" in again.stdout
    assert read_yaml(school) == {"name": "Oak Elementary: a #1 school", "grades": "K-5"}


def test_new_school_needs_a_portfolio(tmp_path: Path) -> None:
    result = lwsite(tmp_path, "new", "school", "oak", "--name", "Oak", "--content-dir", "nowhere")
    assert result.returncode == 1
    assert "portfolio.yml" in result.stdout
    assert not (tmp_path / "nowhere").exists()


# new cycle -----------------------------------------------------------------------------
def test_new_cycle_without_like_is_a_valid_draft_with_placeholders(project: Path) -> None:
    result = lwsite(project, "new", "cycle", "lincoln-elementary", "2026-11-17", "talk-moves")
    assert result.returncode == 0, result.stdout + result.stderr
    folder = project / LINCOLN / "cycles/2026-11-17-talk-moves"
    assert sorted(p.name for p in folder.iterdir()) == ["focus.md", "team.yml"]
    focus = read_front_matter(folder / "focus.md")
    assert focus["status"] == "draft"
    assert focus["framework"] == "continuum"
    assert focus["characteristics"] == ["student-discourse"]
    assert "(fill this in)" in str(focus["question"])
    team = read_yaml(folder / "team.yml")
    assert team == {
        "hall_work": 1,
        "debrief": "same-day",
        "members": [{"role": "Principal", "group": "A", "brings": ["facilitation"]}],
    }
    check = lwsite(project, "check", "--content-dir", "content")
    assert check.returncode == 0, check.stdout
    assert "2026-11-17-talk-moves" not in check.stdout  # no error or warning about the new draft
    assert "14 published cycle(s)" in check.stderr  # a draft is checked, never built
    # Publishing refuses while a value still says "(fill this in)", and leaves the draft as it was.
    before = tree(folder)
    refused = lwsite(project, "publish", "lincoln-elementary/2026-11-17-talk-moves")
    assert refused.returncode == 1
    assert re.search(
        r"^schools/lincoln-elementary/cycles/2026-11-17-talk-moves/focus\.md:\d+: this still says "
        r"\(fill this in\)",
        refused.stdout,
        re.MULTILINE,
    ), refused.stdout
    # every problem in one run: the missing schedule too, not on the next run
    assert (
        "schools/lincoln-elementary/cycles/2026-11-17-talk-moves/schedule.yml:1: schedule.yml is missing"
        in refused.stdout
    ), refused.stdout
    assert "2026-11-17-talk-moves stays a draft" in refused.stderr
    assert tree(folder) == before


def test_new_cycle_like_copies_focus_team_and_carries_open_steps(project: Path) -> None:
    result = lwsite(
        project,
        "new",
        "cycle",
        "lincoln-elementary",
        "2026-11-17",
        "vocabulary-again",
        "--like",
        "2026-02-10-vocabulary",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    old = project / LINCOLN / "cycles/2026-02-10-vocabulary"
    new = project / LINCOLN / "cycles/2026-11-17-vocabulary-again"
    focus, before = read_front_matter(new / "focus.md"), read_front_matter(old / "focus.md")
    for key in ("question", "framework", "characteristics", "improvement_goal", "look_fors"):
        assert focus[key] == before[key], key
    assert focus["status"] == "draft"
    assert read_yaml(new / "team.yml") == read_yaml(old / "team.yml")
    old_steps = read_yaml(old / "actions.yml")
    assert isinstance(old_steps, list)
    open_ids = [s["id"] for s in old_steps if s["status"] in ("planned", "in-progress")]
    assert open_ids and len(open_ids) < len(old_steps)  # the demo has a done step too
    carried = read_yaml(new / "actions.yml")
    assert isinstance(carried, list)
    assert [s["carries"] for s in carried] == [f"2026-02-10-vocabulary/{i}" for i in open_ids]
    assert {s["status"] for s in carried} == {"planned"}
    by_id = {s["id"]: s for s in old_steps}
    for step in carried:
        assert step["action"] == by_id[step["id"]]["action"] and step["owner"] == by_id[step["id"]]["owner"]
    assert not (new / "schedule.yml").exists()
    check = lwsite(project, "check")
    assert check.returncode == 0, check.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-school", "2026-11-17", "x"], "there is no school 'no-such-school'"),
        (["lincoln-elementary", "2026-02-10", "vocabulary"], "the cycle already exists"),
        (["lincoln-elementary", "2026-11-17", "x", "--like", "2026-12-08-feedback"], "only follow an earlier cycle"),
        (["lincoln-elementary", "2026-11-17", "x", "--like", "2025-01-01-nothing"], "has no cycle 2025-01-01-nothing"),
        (["lincoln-elementary", "2026-11-17", "x", "--framework", "nope"], "no such framework"),
    ],
)
def test_new_cycle_refusals(project: Path, args: list[str], message: str) -> None:
    before = tree(project / "content")
    result = lwsite(project, "new", "cycle", *args)
    assert result.returncode == 1
    assert message in result.stdout
    assert tree(project / "content") == before


# schedule ------------------------------------------------------------------------------
def _last_visits(project: Path, before: dt.date) -> dict[str, dt.date]:
    """Each room's last visit in the demo's schedules, read independently of lwsite."""
    last: dict[str, dt.date] = {}
    for path in (project / LINCOLN / "cycles").glob("*/schedule.yml"):
        data = read_yaml(path)
        assert isinstance(data, dict)
        if data["date"] >= before:
            continue
        for visit in data["visits"]:
            if "room" in visit:
                last[visit["room"]] = max(last.get(visit["room"], dt.date.min), data["date"])
    return last


def test_schedule_puts_rooms_never_or_least_recently_visited_first(project: Path) -> None:
    school = project / LINCOLN / "school.yml"
    school.write_text(school.read_text() + '  - {code: "L114", grade: "3"}\n')
    assert (
        lwsite(
            project, "new", "cycle", "lincoln-elementary", "2026-11-17", "talk", "--like", "2026-02-10-vocabulary"
        ).returncode
        == 0
    )
    result = lwsite(
        project,
        "schedule",
        "lincoln-elementary",
        "2026-11-17",
        "--start",
        "08:45",
        "--slots",
        "3",
        "--minutes",
        "15",
        "--groups",
        "A,B",
        "--debrief",
        "11:00",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    data = read_yaml(project / LINCOLN / "cycles/2026-11-17-talk/schedule.yml")
    assert isinstance(data, dict)
    visits = data["visits"]
    assert data["date"] == dt.date(2026, 11, 17)
    assert data["debrief"] == {"start": "11:00", "minutes": 60}
    assert [v["visit"] for v in visits] == [1, 2, 3, 4, 5, 6]
    assert [v["group"] for v in visits] == ["A", "B"] * 3
    assert [v["start"] for v in visits] == ["08:45", "08:45", "09:05", "09:05", "09:25", "09:25"]
    assert visits[0]["room"] == "L114"  # never visited
    rooms = yaml_rooms(school)
    assert all(v["grade"] == rooms[v["room"]] for v in visits)
    last = _last_visits(project, dt.date(2026, 11, 17))
    chosen = [v["room"] for v in visits[1:]]
    longest_ago = sorted((code for code in rooms if code in last), key=lambda c: last[c])
    cutoff = last[longest_ago[len(chosen) - 1]]
    assert all(last[c] <= cutoff for c in chosen)  # no room seen more recently than one left out
    assert all(last[c] >= last[chosen[0]] for c in chosen)
    assert len(set(chosen)) == len(chosen)
    check = lwsite(project, "check")
    assert check.returncode == 0, check.stdout
    # The schedule is kept unless --replace.
    text = (project / LINCOLN / "cycles/2026-11-17-talk/schedule.yml").read_text()
    again = lwsite(
        project,
        "schedule",
        "lincoln-elementary",
        "2026-11-17",
        "--start",
        "09:00",
        "--slots",
        "2",
        "--minutes",
        "20",
        "--groups",
        "A",
    )
    assert again.returncode == 1
    assert "already has a schedule" in again.stdout
    assert (project / LINCOLN / "cycles/2026-11-17-talk/schedule.yml").read_text() == text
    replaced = lwsite(
        project,
        "schedule",
        "lincoln-elementary",
        "2026-11-17-talk",
        "--start",
        "09:00",
        "--slots",
        "2",
        "--minutes",
        "20",
        "--groups",
        "A",
        "--replace",
    )
    assert replaced.returncode == 0, replaced.stdout
    data = read_yaml(project / LINCOLN / "cycles/2026-11-17-talk/schedule.yml")
    assert isinstance(data, dict) and len(data["visits"]) == 2


def yaml_rooms(school: Path) -> dict[str, str]:
    data = read_yaml(school)
    assert isinstance(data, dict)
    return {r["code"]: r["grade"] for r in data["rooms"]}


def test_schedule_refusals(project: Path) -> None:
    args = ["--start", "08:45", "--slots", "2", "--minutes", "15", "--groups", "A,B"]
    # No cycle on that day yet.
    missing = lwsite(project, "schedule", "lincoln-elementary", "2026-11-17", *args)
    assert missing.returncode == 1 and "create it first with lwsite new cycle" in missing.stdout
    # A group without a member in team.yml.
    assert lwsite(project, "new", "cycle", "lincoln-elementary", "2026-11-17", "talk").returncode == 0
    nogroup = lwsite(project, "schedule", "lincoln-elementary", "2026-11-17", *args)
    assert nogroup.returncode == 1 and "group(s) B have no member in team.yml" in nogroup.stdout
    assert not (project / LINCOLN / "cycles/2026-11-17-talk/schedule.yml").exists()
    # A school without rooms.
    assert lwsite(project, "new", "school", "oak", "--name", "Oak").returncode == 0
    assert lwsite(project, "new", "cycle", "oak", "2026-11-17", "first").returncode == 0
    norooms = lwsite(
        project, "schedule", "oak", "2026-11-17", "--start", "08:45", "--slots", "2", "--minutes", "15", "--groups", "A"
    )
    assert norooms.returncode == 1
    assert norooms.stdout.startswith("schools/oak/school.yml:1: the school lists no rooms")
    assert not (project / "content/schools/oak/cycles/2026-11-17-first/schedule.yml").exists()


def test_schedules_over_a_year_see_every_room_before_any_twice(project: Path) -> None:
    """Cycle after cycle of a new school: every room is visited once before any is visited again."""
    school = project / "content/schools/oak"
    assert lwsite(project, "new", "school", "oak", "--name", "Oak").returncode == 0
    (school / "school.yml").write_text(
        "name: Oak\nrooms:\n" + "".join(f'  - {{code: "O{i}", grade: "{i % 6}"}}\n' for i in range(1, 10))
    )
    seen: list[str] = []
    for day in ("2026-09-15", "2026-11-10", "2027-01-12"):
        assert lwsite(project, "new", "cycle", "oak", day, "cycle").returncode == 0
        result = lwsite(
            project, "schedule", "oak", day, "--start", "09:00", "--slots", "4", "--minutes", "15", "--groups", "A"
        )
        assert result.returncode == 0, result.stdout
        data = read_yaml(school / f"cycles/{day}-cycle/schedule.yml")
        assert isinstance(data, dict)
        seen += [v["room"] for v in data["visits"]]
    assert sorted(seen[:9]) == [f"O{i}" for i in range(1, 10)]  # the first nine visits see all nine rooms
    assert seen[9:] == seen[:3]  # then the longest ago come back first
    assert lwsite(project, "check").returncode == 0


@settings(max_examples=60, deadline=None)
@given(rooms=st.integers(1, 30), per_day=st.integers(1, 12), days=st.integers(1, 8))
def test_proposals_keep_visits_even_across_rooms(rooms: int, per_day: int, days: int) -> None:
    school = [Room(f"R{i}", "3") for i in range(rooms)]
    history: list[tuple[dt.date, str]] = []
    for d in range(days):
        day = dt.date(2026, 9, 1) + dt.timedelta(days=30 * d)
        proposal = scheduling.propose(
            school, history, start=dt.time(8, 30), slots=per_day, minutes=15, groups=["A"], gap=5
        )
        codes = [v.room for v in proposal.visits]
        assert len(codes) == len(set(codes)) == min(per_day, rooms)
        history += [(day, c) for c in codes if c]
        counts = [sum(1 for _, c in history if c == r.code) for r in school]
        assert max(counts) - min(counts) <= 1  # none over-visited while another waits


# publish -------------------------------------------------------------------------------
def test_publish_keeps_the_draft_when_the_cycle_has_errors(project: Path) -> None:
    assert (
        lwsite(
            project, "new", "cycle", "lincoln-elementary", "2026-11-17", "talk", "--like", "2026-02-10-vocabulary"
        ).returncode
        == 0
    )
    focus = project / LINCOLN / "cycles/2026-11-17-talk/focus.md"
    before = focus.read_text()
    result = lwsite(project, "publish", "content/schools/lincoln-elementary/cycles/2026-11-17-talk")
    assert result.returncode == 1
    assert "schools/lincoln-elementary/cycles/2026-11-17-talk/schedule.yml:1: schedule.yml is missing" in result.stdout
    assert "stays a draft" in result.stderr
    assert focus.read_text() == before
    assert lwsite(project, "check").returncode == 0


def test_publish_and_check_read_another_content_folder(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    content = str(project / "content")
    assert (
        lwsite(
            elsewhere,
            "new",
            "cycle",
            "lincoln-elementary",
            "2026-11-17",
            "talk",
            "--like",
            "2026-02-10-vocabulary",
            "--content-dir",
            content,
        ).returncode
        == 0
    )
    assert (
        lwsite(
            elsewhere,
            "schedule",
            "lincoln-elementary",
            "2026-11-17",
            "--start",
            "08:45",
            "--slots",
            "2",
            "--minutes",
            "15",
            "--groups",
            "A,B",
            "--content-dir",
            content,
        ).returncode
        == 0
    )
    result = lwsite(elsewhere, "publish", "lincoln-elementary/2026-11-17-talk", "--content-dir", content)
    assert result.returncode == 0, result.stdout + result.stderr
    assert read_front_matter(project / LINCOLN / "cycles/2026-11-17-talk/focus.md")["status"] == "published"
    check = lwsite(elsewhere, "check", "--content-dir", content)
    assert check.returncode == 0 and "15 published cycle(s)" in check.stderr
    assert (
        lwsite(elsewhere, "publish", "lincoln-elementary/2026-11-17-talk", "--content-dir", content).returncode == 0
    )  # already published: says so, changes nothing
    missing = lwsite(elsewhere, "publish", "lincoln-elementary/2026-11-17-nothing", "--content-dir", content)
    assert missing.returncode == 1 and "not a cycle folder" in missing.stdout


# export --------------------------------------------------------------------------------
@pytest.mark.parametrize("audience", ["public", "staff", "team"])
def test_export_writes_what_the_site_offers(audience: str, demo_sites: dict[str, Path], tmp_path: Path) -> None:
    project = demo_project(tmp_path / "demo")
    site_downloads = demo_sites[audience] / "downloads"
    for fmt in ("csv", "json"):
        out = tmp_path / f"out-{fmt}"
        result = lwsite(project, "export", "content", "--audience", audience, "--format", fmt, "-o", str(out))
        assert result.returncode == 0, result.stdout + result.stderr
        expected = (
            {p.relative_to(site_downloads).as_posix(): p.read_bytes() for p in sorted(site_downloads.rglob(f"*.{fmt}"))}
            if site_downloads.is_dir()
            else {}
        )
        written = tree(out) if out.exists() else {}
        assert written == expected
        if not expected:
            assert f"offers no {fmt.upper()} downloads" in result.stdout


def test_export_filters_the_downloads_by_format(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every asset under downloads/ of the format, whatever features contribute (in-process, one fake feature)."""
    from lwsite import features, pipeline
    from lwsite.features import Contribution
    from lwsite.render.site import Asset

    def fake(site: object) -> Contribution:
        return Contribution(
            assets=[
                Asset("downloads/visits.csv", "visit\n1\n"),
                Asset("downloads/schools/oak/ratings.csv", b"a,b\n"),
                Asset("downloads/extra.json", "{}"),
                Asset("calendar/walkthroughs.ics", "BEGIN"),
                Asset("other.csv", "x"),
            ]
        )

    real = features.all_features
    monkeypatch.setattr(pipeline, "all_features", lambda: [*real(), fake])
    out = tmp_path / "out"
    assert cli.main(["export", "--content-dir", str(project / "content"), "--format", "csv", "-o", str(out)]) == 0
    written = tree(out)
    assert {"visits.csv": b"visit\n1\n", "schools/oak/ratings.csv": b"a,b\n"}.items() <= written.items()
    assert not [name for name in written if not name.endswith(".csv")]
    assert cli.main(["export", str(project / "content"), "--format", "json", "-o", str(tmp_path / "j")]) == 0
    assert tree(tmp_path / "j").get("extra.json") == b"{}"
    capsys.readouterr()


def test_export_refuses_content_with_errors(project: Path, tmp_path: Path) -> None:
    (project / LINCOLN / "cycles/2026-02-10-vocabulary/notes.md").write_text("stray\n")
    out = tmp_path / "out"
    result = lwsite(project, "export", "--content-dir", "content", "--format", "csv", "-o", str(out))
    assert result.returncode == 1
    assert "2026-02-10-vocabulary/notes.md:1:" in result.stdout
    assert not out.exists()

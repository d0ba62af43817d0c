"""Synthetic walkthrough portfolios in the content format, for tests and the benchmark.

``write_portfolio`` writes schools x cycles x visits with realistic evidence lengths;
``write_plain`` writes the same evidence as plain Markdown pages (one page per visit with
its evidence and ratings), the way a school would without lwsite.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

LEVELS = ("NE", "D", "P", "S")
LENS = ("student-discourse", "questioning", "academic-vocabulary")
SUBJECTS = ("Mathematics", "English language arts", "Science", "Social studies", "Art")
STEMS = (
    'Student: "I think it is {n} because the two groups have the same amount."',
    "{n} of {m} pairs used fraction strips to compare the two fractions before writing.",
    'Teacher: "How could you prove to your partner that your answer is right?"',
    "Students in {n} of {m} groups recorded a claim and two pieces of evidence on the chart.",
    "Anchor chart with sentence stems posted at the front; {n} students pointed to it while talking.",
    'Student to partner: "Can you say more about why you chose that strategy?"',
)


@dataclass(frozen=True)
class Shape:
    schools: int
    cycles: int
    visits: int

    @property
    def total_visits(self) -> int:
        return self.schools * self.cycles * self.visits


FRAMEWORK = """title: Synthetic continuum
levels:
  - {id: NE, label: Not Evident, description: Not evident}
  - {id: D, label: Developing, description: Emerging}
  - {id: P, label: Providing, description: Established}
  - {id: S, label: Sustaining, description: Embedded}
sections:
  - id: ownership
    title: Student ownership
    characteristics:
      - {id: student-discourse, title: Students explain their reasoning to peers}
      - {id: questioning, title: Teachers ask open questions}
      - {id: academic-vocabulary, title: Students use academic vocabulary}
"""


def cycle_dates(cycles: int, first_year: int = 2016) -> list[dt.date]:
    """Cycle dates spread over school years, three a year (October, January, March)."""
    out = []
    for i in range(cycles):
        year = first_year + i // 3
        month, day = ((10, 14), (1, 20), (3, 10))[i % 3]
        out.append(dt.date(year + (1 if month < 8 else 0), month, day))
    return out


def _evidence(rng: random.Random, count: int) -> list[str]:
    items = []
    for _ in range(count):
        m = rng.randint(8, 14)
        text = rng.choice(STEMS).format(n=rng.randint(2, m), m=m)
        tag = rng.choice((*LENS, None))
        items.append(f"- [{tag}] {text}" if tag else f"- {text}")
    return items


# Common first names and surnames (English and Spanish), for rosters of realistic size. Some
# surnames are ordinary words (Young, Wood, Flores), as in a real roster.
FIRST_NAMES = (
    "James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Barbara Richard Susan "
    "Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Sandra "
    "Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian "
    "Melissa George Deborah Timothy Stephanie Ronald Rebecca Edward Sharon Jason Laura Jeffrey Cynthia Ryan "
    "Kathleen Jacob Amy Gary Angela Nicholas Shirley Eric Anna Jonathan Brenda Stephen Pamela Larry Emma "
    "Justin Nicole Scott Helen Brandon Samantha Benjamin Katherine Samuel Christine Gregory Debra Alexander "
    "Rachel Patrick Carolyn Jack Janet Dennis Catherine Jerry Maria Tyler Heather Aaron Diane Jose Ruth Adam "
    "Julie Nathan Olivia Henry Joyce Zachary Virginia Douglas Victoria Peter Kelly Kyle Lauren Noah Christina "
    "Ethan Joan Jeremy Evelyn Walter Judith Christian Megan Keith Andrea Roger Cheryl Terry Hannah Austin "
    "Jacqueline Sean Martha Gerald Gloria Carl Teresa Harold Ann Dylan Sara Arthur Madison Lawrence Frances "
    "Jordan Kathryn Jesse Janice Bryan Jean Billy Abigail Bruce Alice Gabriel Judy Joe Sophia Logan Julia "
    "Alan Denise Juan Amber Albert Doris Willie Marilyn Elijah Danielle Wayne Beverly Randy Isabella Vincent "
    "Theresa Mason Diana Roy Natalie Ralph Brittany Bobby Charlotte Russell Marie Bradley Kayla Philip Alexis "
    "Eugene Lori Luis Camila Diego Valentina Mateo Sofía Santiago Ximena Sebastián Lucía Leonardo Daniela "
    "Matías Mariana Emiliano Renata Tomás Regina Joaquín Fernanda Andrés Guadalupe Alejandro Paola Javier "
    "Carmen Miguel Beatriz Rafael Rocío Ignacio Pilar Esteban Marisol Héctor Yesenia Ramón Araceli"
).split()
SURNAMES = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez "
    "Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez "
    "Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker "
    "Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards "
    "Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey "
    "Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza "
    "Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry "
    "Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan "
    "Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera "
    "Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez McDonald "
    "Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson "
    "Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner "
    "Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson "
    "Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez "
    "Hansen Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley "
    "Andrews Alvarado Ray Delgado Berry Perkins Hoffman Johnston Matthews Pena Richards Contreras Willis "
    "Carpenter Lawrence Sandoval Guerrero George Chapman Rios Estrada Ortega Watkins Greene Nunez Wheeler "
    "Valdez Harper Burke Larson Santiago Maldonado Morrison Franklin Carlson Austin Dominguez Carr Lawson "
    "Jacobs Obrien Lynch Singh Vega Bishop Montgomery Oliver Jensen Harvey Williamson Gilbert Dean Sims "
    "Espinoza Howell Li Wong Reid Hanson Le McCoy Garrett Burton Fuller Wang Weber Welch Rojas Lucas Marquez "
    "Fields Park Yang Little Banks Padilla Day Walsh Bowman Schultz Luna Fowler Mejia Davidson Acosta Brewer "
    "May Holland Juarez Newman Pearson Curtis Cortez Douglas Schneider Joseph Barrett Navarro Figueroa Keller"
).split()
# Names the demo portfolio uses (a team member's surname; the examples of docs/content-format.md,
# built into the demo site), which a roster of common names would otherwise contain.
NOT_IN_ROSTERS = frozenset({"Ortiz", "Ruiz", "Gonzalez", "Cruz", "Young", "Li", "Ortega", "Luis", "Lucía"})


def roster_names(count: int, seed: int = 7) -> list[str]:
    """``count`` distinct realistic names, about one in six with a middle name."""
    rng = random.Random(seed)
    firsts = [f for f in FIRST_NAMES if f not in NOT_IN_ROSTERS]
    lasts = [s for s in SURNAMES if s not in NOT_IN_ROSTERS]
    if count > len(firsts) * len(lasts):
        raise ValueError(f"at most {len(firsts) * len(lasts)} names")
    names: dict[str, None] = {}
    while len(names) < count:
        first, last = rng.choice(firsts), rng.choice(lasts)
        middle = f" {rng.choice(firsts)}" if rng.random() < 0.16 else ""
        names.setdefault(f"{first}{middle} {last}", None)
    return list(names)


def write_roster(path: Path, count: int, keep: tuple[str, ...] = ()) -> Path:
    """A roster file of ``keep`` followed by generated names, ``count`` in all."""
    names = list(keep) + roster_names(max(0, count - len(keep)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("names:\n" + "".join(f"  - {name}\n" for name in names), encoding="utf-8")
    return path


def write_portfolio(
    dest: Path, shape: Shape, seed: int = 1, first_year: int = 2016, roster: int = 2, spread: bool = False
) -> Path:
    """Write a portfolio folder (content/ and private/roster.yml) under ``dest``.

    The roster holds two invented names, or ``roster`` names when that is more (see ``write_roster``).
    With ``spread``, each walkthrough rates visits Providing or above with a chance of its own
    (from 5% to 95%), as real walkthroughs do, so many have a small half; otherwise levels are
    drawn evenly.
    """
    rng = random.Random(seed)
    content = dest / "content"
    (content / "frameworks").mkdir(parents=True, exist_ok=True)
    write_roster(dest / "private" / "roster.yml", roster, keep=("Quinby Farrowdale", "Ottilie Brackwater"))
    (content / "portfolio.yml").write_text(
        "name: Synthetic District\nkind: district\ncontact: walks@synthetic.example\n"
        "privacy:\n  roster: ../private/roster.yml\n  min_group: 3\n"
    )
    (content / "frameworks" / "continuum.yml").write_text(FRAMEWORK)
    for s in range(shape.schools):
        school = content / "schools" / f"school-{s + 1:02d}"
        (school / "cycles").mkdir(parents=True, exist_ok=True)
        rooms = "\n".join(f'  - {{code: "R{r:02d}", grade: "{r % 6}"}}' for r in range(1, 31))
        (school / "school.yml").write_text(f"name: School {s + 1:02d}\ngrades: K-5\nclassrooms: 30\nrooms:\n{rooms}\n")
        prev = None
        for c, day in enumerate(cycle_dates(shape.cycles, first_year)):
            cid = f"{day.isoformat()}-cycle-{c + 1}"
            folder = school / "cycles" / cid
            (folder / "scripts").mkdir(parents=True, exist_ok=True)
            (folder / "focus.md").write_text(
                "---\nquestion: To what extent do students explain their reasoning to peers?\n"
                "framework: continuum\ncharacteristics: [student-discourse, questioning, "
                'academic-vocabulary]\nimprovement_goal: "Goal 2: reasoning"\nlook_fors:\n'
                "  - Students justify answers with models\n---\nLast cycle's debrief led here.\n"
            )
            (folder / "team.yml").write_text(
                "hall_work: 3\ndebrief: same-day\nmembers:\n  - {role: Principal, group: A}\n"
                "  - {role: Math coach, group: B}\n  - {role: Teacher leader, group: C}\n"
            )
            lines = [f"date: {day.isoformat()}", 'orientation: {start: "07:30", minutes: 30}', "visits:"]
            for v in range(shape.visits):
                group = "ABC"[v % 3]
                minute = 8 * 60 + (v // 3) * 20
                lines.append(
                    f'  - {{visit: {v + 1}, start: "{minute // 60:02d}:{minute % 60:02d}", minutes: 15, '
                    f'group: {group}, grade: "{v % 6}", subject: {SUBJECTS[v % 5]}, '
                    f'room: "R{(v * 7 + c) % 30 + 1:02d}"}}'
                )
            (folder / "schedule.yml").write_text("\n".join(lines) + "\n")
            chance = {k: rng.uniform(0.05, 0.95) for k in LENS} if spread else {}
            for v in range(shape.visits):
                if spread:
                    ratings = "\n".join(
                        f"  {k}: {rng.choice(LEVELS[2:] if rng.random() < chance[k] else LEVELS[:2])}" for k in LENS
                    )
                else:
                    ratings = "\n".join(f"  {k}: {rng.choice(LEVELS)}" for k in LENS)
                body = "\n".join(_evidence(rng, rng.randint(3, 6)))
                (folder / "scripts" / f"visit-{v + 1}.md").write_text(
                    f"---\nvisit: {v + 1}\nobservers: [Principal]\nsegment: middle\nratings:\n{ratings}\n---\n{body}\n"
                )
            (folder / "debrief.md").write_text(
                "---\npatterns:\n  - claim: Students explain reasoning to a partner\n    extent: many\n"
                "    characteristic: student-discourse\n    visits: [1, 2]\nstrengths:\n"
                "  - claim: Teachers wait after asking a question\n    visits: [1]\n"
                "quick_wins: [Post partner-talk stems]\nmessage: Students talk about their thinking.\n---\n"
            )
            carries = f"\n  carries: {prev}/stems" if prev else ""
            (folder / "actions.yml").write_text(
                f"- id: stems\n  action: Model partner-talk stems\n  owner: Math coach\n"
                f"  horizon: month\n  status: in-progress{carries}\n"
            )
            prev = cid
    return dest


def write_plain(dest: Path, shape: Shape, seed: int = 1, first_year: int = 2016) -> Path:
    """The same evidence as plain Markdown pages under Material with navigation.prune."""
    rng = random.Random(seed)
    docs = dest / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Synthetic District\n")
    for s in range(shape.schools):
        for c, day in enumerate(cycle_dates(shape.cycles, first_year)):
            folder = docs / f"school-{s + 1:02d}" / f"{day.isoformat()}-cycle-{c + 1}"
            folder.mkdir(parents=True, exist_ok=True)
            for v in range(shape.visits):
                ratings = "\n".join(f"| {k} | {rng.choice(LEVELS)} |" for k in LENS)
                body = "\n".join(_evidence(rng, rng.randint(3, 6)))
                (folder / f"visit-{v + 1}.md").write_text(
                    f"# Visit {v + 1}\n\n## Evidence\n\n{body}\n\n## Ratings\n\n"
                    f"| Characteristic | Level |\n|---|---|\n{ratings}\n"
                )
    (dest / "mkdocs.yml").write_text(
        "site_name: Synthetic District\ntheme:\n  name: material\n  features: [navigation.prune]\nplugins: [search]\n"
    )
    return dest

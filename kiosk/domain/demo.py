"""Sample sessions and wish-list ideas for a demo board, placed deterministically in any event's free slots.

Pure data and placement; `kiosk.store.demo` puts them on a board.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.model import Block, Event
from kiosk.domain.rules import block_covering

# Namespace for the demo's derived ids: the same event always gets the same demo rows.
DEMO_NAMESPACE = uuid.UUID("6f1d3c52-0b7e-4f1e-9a43-2d5c8e7b9a10")

# Leave this share of each day's open slots free, so the demo board still invites people to add a card.
FREE_SHARE = 0.4


@dataclass(frozen=True, slots=True)
class DemoTopic:
    topic: str
    description: str
    # Tag keys that fit, used when the event defines them.
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DemoHost:
    name: str
    handle: str


@dataclass(frozen=True, slots=True)
class DemoSession:
    id: uuid.UUID
    room_key: str
    starts_at: datetime
    topic: str
    description: str
    host_name: str
    handle: str
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DemoIdea:
    id: uuid.UUID
    topic: str
    note: str
    votes: int


TOPICS: tuple[DemoTopic, ...] = (
    DemoTopic(
        "MicroPython on the Raspberry Pi Pico",
        "Bring a board (or borrow one): blink, read sensors, show off.",
        ("maker",),
    ),
    DemoTopic(
        "Home automation with Python",
        "Home Assistant, MQTT and the scripts that keep our houses running.",
        ("maker",),
    ),
    DemoTopic(
        "Drones, robots and blimps",
        "Autopilots, motor control and crash stories, all in Python.",
        ("maker",),
    ),
    DemoTopic(
        "Data viz show and tell",
        "Bring a chart you are proud of, or one that went wrong.",
        ("data",),
    ),
    DemoTopic(
        "Pandas vs Polars: real-world stories",
        "Where each shines, and how migrations went.",
        ("data",),
    ),
    DemoTopic(
        "Chatbots beyond the hype",
        "Building, evaluating and shipping conversational tools.",
        ("nlp",),
    ),
    DemoTopic(
        "NLP for languages other than English",
        "Tokenisers, corpora and tools for the rest of the world.",
        ("nlp", "diversity"),
    ),
    DemoTopic(
        "Quantified Self meetup",
        "Sleep, steps, moods: what we track and what we learned.",
        ("data",),
    ),
    DemoTopic(
        "PyLadies meetup",
        "Meet PyLadies from around the world; everyone welcome.",
        ("diversity",),
    ),
    DemoTopic(
        "Feminist hacker space",
        "A friendly space to hack on anything, with people who get it.",
        ("diversity", "maker"),
    ),
    DemoTopic(
        "Running a local meetup",
        "Venues, speakers, sponsors and keeping the momentum.",
        ("organisers",),
    ),
    DemoTopic(
        "Conference organisers' circle",
        "Regional PyCons compare notes: CfPs, budgets, volunteers.",
        ("organisers",),
    ),
    DemoTopic(
        "Django Girls coaches",
        "Coaching tips and planning the next workshops.",
        ("organisers", "frameworks", "diversity"),
    ),
    DemoTopic(
        "Django: async views in production",
        "What worked, what bit us, and what's next.",
        ("frameworks",),
    ),
    DemoTopic(
        "Flask users' corner",
        "Extensions, patterns and migrating old apps.",
        ("frameworks",),
    ),
    DemoTopic(
        "Your first open-source contribution",
        "Mentors help you find an issue and open your first pull request.",
        ("contributing",),
    ),
    DemoTopic(
        "Maintainers' support group",
        "Triage, saying no, and finding co-maintainers.",
        ("contributing", "burnout"),
    ),
    DemoTopic(
        "Git workflows that don't hurt",
        "Rebase or merge, monorepos, and recovering from mistakes.",
        ("git",),
    ),
    DemoTopic(
        "Avoiding burnout",
        "An honest conversation about pace, rest and asking for help.",
        ("burnout",),
    ),
    DemoTopic(
        "Careers in Python: hiring and being hired",
        "Interviews, portfolios and what teams look for.",
        ("recruiting",),
    ),
    DemoTopic(
        "Career changers' coffee",
        "From teaching, science or the arts into software.",
        ("recruiting", "diversity"),
    ),
    DemoTopic(
        "Board games",
        "Bring a game or learn a new one; tables for everyone.",
        ("social",),
    ),
    DemoTopic(
        "AcroYoga",
        "No experience needed. Wear something comfortable.",
        ("social",),
    ),
    DemoTopic(
        "Security: supply-chain attacks on PyPI",
        "Typosquatting, trusted publishing and what to do about it.",
        ("devops",),
    ),
    DemoTopic(
        "DevOps war stories",
        "Outages, postmortems and the lessons that stuck.",
        ("devops",),
    ),
    DemoTopic(
        "Packaging in 2023",
        "pyproject.toml, build backends and lock files, untangled.",
        ("devops", "contributing"),
    ),
    DemoTopic(
        "Type hints in big codebases",
        "Rolling out mypy gradually without annoying everyone.",
        (),
    ),
    DemoTopic(
        "Async Python: asyncio, trio and anyio",
        "When to use async, and how to debug it.",
        (),
    ),
    DemoTopic(
        "Teaching Python to kids",
        "Curricula, tools and what keeps a classroom engaged.",
        ("diversity",),
    ),
    DemoTopic(
        "Scientific Python in the lab",
        "Notebooks, reproducibility and getting colleagues on board.",
        ("data",),
    ),
    DemoTopic(
        "Accessibility in Python web apps",
        "Screen readers, contrast and testing with real users.",
        ("frameworks", "diversity"),
    ),
    DemoTopic(
        "Lightning talk practice",
        "Try your five minutes on a friendly audience first.",
        ("social",),
    ),
)

HOSTS: tuple[DemoHost, ...] = (
    DemoHost("José Álvarez", "@josealvarez"),
    DemoHost("Łukasz Nowak", "@lukasz@fosstodon.org"),
    DemoHost("Zoë Martin", "zoemartin.bsky.social"),
    DemoHost("Aiko Tanaka", "@aiko_t"),
    DemoHost("Oluwaseun Adeyemi", "@seun@fosstodon.org"),
    DemoHost("Priya Raghunathan", "priyar.bsky.social"),
    DemoHost("Søren Kierkegård-Holm", "@soren@mastodon.social"),
    DemoHost("Mei-Ling Chen", "@meiling"),
    DemoHost("Björn Þórsson", ""),
    DemoHost("Amara Okafor", "amaraokafor.bsky.social"),
    DemoHost("François Dubois", "@fdubois@fosstodon.org"),
    DemoHost("Ngozi Eze", "@ngozi_codes"),
    DemoHost("Mateus Gonçalves", "mateusg.bsky.social"),
    DemoHost("Hana Nováková", "@hana@fosstodon.org"),
    DemoHost("Diego Hernández", "@diegoh"),
    DemoHost("Fatima Zahra Benali", "fzbenali.bsky.social"),
    DemoHost("Kwame Mensah", "@kwame@hachyderm.io"),
    DemoHost("Siobhán O'Connor", "@siobhan_oc"),
    DemoHost("Tomás Ó Briain", ""),
    DemoHost("Anaïs Leclerc", "anais.bsky.social"),
    DemoHost("Raj Patel", "@rajpatel"),
    DemoHost("Yuki Sato", "@yuki@fosstodon.org"),
    DemoHost("Ingrid Løvås", "ingridl.bsky.social"),
    DemoHost("Chidi Nwosu", "@chidi_n"),
    DemoHost("Elif Yılmaz", "@elif@mastodon.social"),
    DemoHost("Ana Lúcia Ferreira", "analucia.bsky.social"),
    DemoHost("Jürgen Weiß", "@juergen_w"),
    DemoHost("Nguyễn Thị Lan", "@lan@fosstodon.org"),
    DemoHost("Sam Rivera", "samrivera.bsky.social"),
    DemoHost("Dmitri Volkov", "@dvolkov"),
    DemoHost("Leilani Kahale", "@leilani@hachyderm.io"),
    DemoHost("Ama Owusu", "amaowusu.bsky.social"),
)

IDEAS: tuple[tuple[str, str, int], ...] = (
    ("Python on microcontrollers for total beginners", "Someone with spare boards, please!", 9),
    ("Mentoring for first-time speakers", "How to write a CfP proposal and get over stage fright.", 7),
    ("Open-source sustainability and funding", "Sponsors, grants and foundations.", 5),
    ("Rust extensions for Python", "PyO3 and maturin in practice.", 4),
    ("Parents at PyCon meetup", "Childcare, travel and staying involved.", 3),
)


def demo_sessions(event: Event, blocks: Sequence[Block]) -> tuple[DemoSession, ...]:
    """Sample sessions spread over the event's days, rooms and hours, skipping blocked slots.

    About 60% of each day's open slots are used (at most one per sample topic), so some remain free.
    """
    rng = random.Random(f"{event.slug}/demo")
    open_slots = {
        day: [
            (room.key, start)
            for start in event.slot_starts(day)
            for room in event.rooms
            if block_covering(blocks, room.key, start, start + event.slot_length) is None
        ]
        for day in event.days
    }
    quota = {day: int(len(slots) * (1 - FREE_SHARE)) for day, slots in open_slots.items()}
    count = min(len(TOPICS), sum(quota.values()))
    topics = list(TOPICS)
    hosts = list(HOSTS)
    rng.shuffle(topics)
    rng.shuffle(hosts)
    tag_keys = [tag.key for tag in event.tags]
    sessions: list[DemoSession] = []
    days = [day for day in event.days if quota[day] > 0]
    for index in range(count):
        # Round-robin over the days that still have room, so every day gets its share.
        day = days[index % len(days)]
        room_key, starts_at = open_slots[day].pop(rng.randrange(len(open_slots[day])))
        quota[day] -= 1
        if quota[day] == 0:
            days.remove(day)
        topic = topics[index]
        host = hosts[index % len(hosts)]
        sessions.append(
            DemoSession(
                id=uuid.uuid5(DEMO_NAMESPACE, f"{event.slug}/session/{index}"),
                room_key=room_key,
                starts_at=starts_at,
                topic=topic.topic,
                description=topic.description,
                host_name=host.name,
                handle=host.handle,
                tags=_pick_tags(rng, topic.tags, tag_keys),
            )
        )
    return tuple(sessions)


def demo_ideas(event: Event) -> tuple[DemoIdea, ...]:
    return tuple(
        DemoIdea(uuid.uuid5(DEMO_NAMESPACE, f"{event.slug}/idea/{index}"), topic, note, votes)
        for index, (topic, note, votes) in enumerate(IDEAS)
    )


def _pick_tags(rng: random.Random, preferred: tuple[str, ...], available: list[str]) -> tuple[str, ...]:
    """The topic's own tags the event defines; an event with other tags gets a random 0-2 of those instead."""
    fitting = tuple(key for key in preferred if key in available)
    if fitting or not preferred or not available:
        return fitting[:3]
    return tuple(rng.sample(available, k=min(len(available), rng.choice((0, 1, 1, 2)))))

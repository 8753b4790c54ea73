"""schedule.xml and schedule.json validate against the c3voc schemas and keep their identifiers between exports."""

from __future__ import annotations

import json
import re
import uuid
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest
from lxml import etree

from kiosk.domain import Card, Event
from kiosk.share.links import session_url
from kiosk.share.schedule import acronym
from kiosk.share.schedule_json import schedule_json
from kiosk.share.schedule_xml import schedule_xml
from tests.share.sample import HOSTILE_IMG, HOSTILE_SCRIPT, SCHEMAS, CardFactory, make_event


@pytest.fixture(scope="module")
def xsd() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "schedule.xml.xsd")))


def strict_formats() -> jsonschema.FormatChecker:
    """The formats the schema uses; jsonschema only checks date-time and uri with optional extra packages."""
    checker = jsonschema.FormatChecker()

    @checker.checks("date", raises=ValueError)
    def is_date(value: object) -> bool:
        return not isinstance(value, str) or (len(value) == 10 and bool(date.fromisoformat(value)))

    @checker.checks("date-time", raises=ValueError)
    def is_date_time(value: object) -> bool:
        return not isinstance(value, str) or ("T" in value and datetime.fromisoformat(value).tzinfo is not None)

    @checker.checks("uri")
    def is_uri(value: object) -> bool:
        return not isinstance(value, str) or bool(urlsplit(value).scheme and " " not in value)

    @checker.checks("uuid", raises=ValueError)
    def is_uuid(value: object) -> bool:
        return not isinstance(value, str) or str(uuid.UUID(value)) == value

    @checker.checks("color")
    def is_colour(value: object) -> bool:
        return not isinstance(value, str) or re.fullmatch(r"#[0-9a-f]{6}", value) is not None

    return checker


@pytest.fixture(scope="module")
def json_validator() -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / "schedule.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=strict_formats())


def test_the_json_validator_checks_formats(json_validator: jsonschema.protocols.Validator) -> None:
    assert json_validator.evolve(schema={"format": "date-time"}).is_valid("2023-04-21T10:00:00-06:00")
    for fmt, bad in [("date-time", "2023-04-21 10:00"), ("uri", "/relative"), ("uuid", "nope"), ("date", "21/4")]:
        assert not json_validator.evolve(schema={"format": fmt}).is_valid(bad), fmt


def assert_valid_xml(xsd: etree.XMLSchema, data: bytes) -> etree._Element:
    document = etree.fromstring(data)
    if not xsd.validate(document):
        pytest.fail("\n".join(str(error) for error in xsd.error_log))
    return document


def assert_valid_json(validator: jsonschema.protocols.Validator, data: bytes) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(data)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert not errors, "\n".join(errors)
    return document


def all_events(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for day in document["schedule"]["conference"]["days"] for room in day["rooms"].values() for e in room]


def test_xml_validates(xsd: etree.XMLSchema, event: Event, cards: list[Card]) -> None:
    assert_valid_xml(xsd, schedule_xml(event, cards))


def test_xml_content(xsd: etree.XMLSchema, event: Event, cards: list[Card]) -> None:
    root = assert_valid_xml(xsd, schedule_xml(event, cards))
    assert root.findtext("conference/acronym") == "pycon_us_2023"
    assert root.findtext("conference/time_zone_name") == "America/Denver"
    assert root.findtext("url") == "https://us.pycon.org/2023/openspaces/schedule.xml"
    days = root.findall("day")
    assert [(d.get("index"), d.get("date"), d.get("start"), d.get("end")) for d in days] == [
        ("1", "2023-04-21", "2023-04-21T10:00:00-06:00", "2023-04-21T14:00:00-06:00"),
        ("2", "2023-04-22", "2023-04-22T10:00:00-06:00", "2023-04-22T14:00:00-06:00"),
    ]
    assert [r.get("name") for r in days[0].findall("room")] == ["Room 150D", "Room 151A", "Lobby & Café"]
    (packaging,) = root.xpath(f"//event[@guid='{cards[0].id}']")
    assert packaging.findtext("title") == cards[0].topic
    assert packaging.findtext("date") == "2023-04-21T11:00:00-06:00"
    assert packaging.findtext("start") == "11:00"
    assert packaging.findtext("duration") == "01:00"
    assert packaging.findtext("room") == "Room 150D"
    assert packaging.findtext("abstract") == cards[0].description
    assert packaging.findtext("track") == "Web, APIs"
    assert packaging.findtext("type") == "Open Space"
    assert packaging.findtext("url") == session_url(event, cards[0])
    assert packaging.findtext("persons/person") == "José Núñez"
    assert packaging.find("links/link").get("href") == "https://x.com/jose"
    assert re.fullmatch(r"pycon_us_2023-\d+-packaging-wheels-sdists-and-fun", packaging.findtext("slug"))
    assert packaging.findtext("slug").split("-")[1] == packaging.get("id")


def test_xml_escapes_markup_and_drops_characters_xml_cannot_hold(
    xsd: etree.XMLSchema, event: Event, cards: list[Card]
) -> None:
    data = schedule_xml(event, cards)
    assert b"<script>" not in data
    root = assert_valid_xml(xsd, data)
    (script,) = root.xpath(f"//event[@guid='{cards[2].id}']")
    assert script.findtext("title") == HOSTILE_SCRIPT
    assert script.findtext("abstract") == cards[2].description.replace("\x0b", "")


def test_json_validates(json_validator: jsonschema.protocols.Validator, event: Event, cards: list[Card]) -> None:
    assert_valid_json(json_validator, schedule_json(event, cards))


def test_json_content(json_validator: jsonschema.protocols.Validator, event: Event, cards: list[Card]) -> None:
    document = assert_valid_json(json_validator, schedule_json(event, cards))
    conference = document["schedule"]["conference"]
    assert (conference["acronym"], conference["daysCount"], conference["start"], conference["end"]) == (
        "pycon_us_2023",
        2,
        "2023-04-21",
        "2023-04-22",
    )
    assert [room["name"] for room in conference["rooms"]] == ["Room 150D", "Room 151A", "Lobby & Café"]
    events = {e["guid"]: e for e in all_events(document)}
    assert len(events) == len(cards)
    emoji = events[str(cards[3].id)]
    assert emoji["title"] == "Zoë's 🐍 emoji meet-up 🎉"
    assert emoji["track"] == "Community"
    assert emoji["persons"][0]["name"] == "Zoë"
    assert emoji["links"] == []
    assert datetime.fromisoformat(emoji["date"]) == cards[3].starts_at
    assert datetime.fromisoformat(emoji["end"]) == cards[3].ends_at
    formula = events[str(cards[1].id)]
    assert formula["persons"][0]["url"] == "https://fosstodon.org/@lukasz"
    assert formula["links"] == [
        {"url": "https://fosstodon.org/@lukasz", "title": "@lukasz@fosstodon.org", "type": "web"}
    ]
    assert events[str(cards[4].id)]["slug"].endswith("-session")


def test_ids_are_stable_unique_and_match_between_formats(event: Event, cards: list[Card]) -> None:
    xml_ids = {e.get("guid"): int(e.get("id")) for e in etree.fromstring(schedule_xml(event, cards)).iter("event")}
    again = {e.get("guid"): int(e.get("id")) for e in etree.fromstring(schedule_xml(event, cards[::-1])).iter("event")}
    json_ids = {e["guid"]: e["id"] for e in all_events(json.loads(schedule_json(event, cards)))}
    assert xml_ids == again == json_ids
    assert len(set(xml_ids.values())) == len(cards)
    assert all(0 < n < 2**31 for n in xml_ids.values())


def test_colliding_numeric_ids_are_separated(xsd: etree.XMLSchema, event: Event, make_card: CardFactory) -> None:
    first = make_card("a")
    # Same remainder modulo 10**9, so the same naive numeric id.
    twin = make_card("b", hour=12)
    twin = Card(**{f: getattr(twin, f) for f in Card.__slots__} | {"id": uuid.UUID(int=first.id.int + 10**9)})
    root = assert_valid_xml(xsd, schedule_xml(event, [first, twin]))
    assert len({e.get("id") for e in root.iter("event")}) == 2


def test_json_persons_have_name_and_public_name(
    json_validator: jsonschema.protocols.Validator, event: Event, cards: list[Card]
) -> None:
    document = assert_valid_json(json_validator, schedule_json(event, cards))
    events = all_events(document)
    for entry in events:
        (person,) = entry["persons"]
        assert person["public_name"] == person["name"]
        uuid.UUID(person["guid"])
    # How pyfahrplan lists speakers: it knows only `public_name` (and frab's older `full_public_name`).
    speakers = {
        e["guid"]: ", ".join(p.get("public_name", p.get("full_public_name", "")) for p in e["persons"]) for e in events
    }
    assert speakers[str(cards[0].id)] == "José Núñez"
    assert speakers[str(cards[2].id)] == HOSTILE_IMG


def test_a_json_person_with_a_numeric_id_too_would_be_invalid(
    json_validator: jsonschema.protocols.Validator, event: Event, cards: list[Card]
) -> None:
    # Why persons carry no `id`: with `id` and `public_name` an entry is a frab person, with `name` a pretalx one,
    # and the schema's oneOf rejects one that is both.
    document = json.loads(schedule_json(event, cards))
    all_events(document)[0]["persons"][0]["id"] = 1
    assert not json_validator.is_valid(document)


def test_xml_person_is_the_name_with_its_ids(xsd: etree.XMLSchema, event: Event, cards: list[Card]) -> None:
    root = assert_valid_xml(xsd, schedule_xml(event, cards))
    json_persons = {e["guid"]: e["persons"][0] for e in all_events(json.loads(schedule_json(event, cards)))}
    for element in root.iter("event"):
        (person,) = element.findall("persons/person")
        assert person.text == json_persons[element.get("guid")]["name"]
        assert person.get("guid") == json_persons[element.get("guid")]["guid"]
        assert 0 < int(person.get("id")) < 2**31


def test_same_host_is_the_same_person(xsd: etree.XMLSchema, event: Event, make_card: CardFactory) -> None:
    cards = [make_card("x", host="Zoë", handle="@zoe"), make_card("y", hour=12, host=" Zoë ", handle="@Zoe")]
    persons = [e["persons"][0] for e in all_events(json.loads(schedule_json(event, cards)))]
    assert persons[0]["guid"] == persons[1]["guid"]
    xml_persons = assert_valid_xml(xsd, schedule_xml(event, cards)).findall(".//person")
    assert xml_persons[0].get("id") == xml_persons[1].get("id")


def test_version_changes_with_the_board(event: Event, cards: list[Card]) -> None:
    def version(data: bytes) -> str:
        return str(json.loads(data)["schedule"]["version"])

    assert version(schedule_json(event, cards)) == version(schedule_json(event, cards[::-1]))
    assert version(schedule_json(event, cards)) != version(schedule_json(event, cards[:-1]))


@pytest.mark.parametrize(
    ("slug", "expected"),
    [("pycon-us-2023", "pycon_us_2023"), ("Py", "py_open_spaces"), ("", "open_spaces"), ("EuroPython", "europython")],
)
def test_acronym_fits_both_schemas(slug: str, expected: str) -> None:
    assert acronym(make_event(slug=slug)) == expected


@pytest.mark.parametrize(
    "changes",
    [
        {"slug": "py", "timezone": "UTC", "base_url": "http://localhost:8000", "tags": ()},
        {"timezone": "America/Argentina/Buenos_Aires", "session_url_template": "https://s.example/{id}?r={room}"},
        {"timezone": "Etc/GMT+5"},
    ],
    ids=["bare", "long-zone", "odd-zone"],
)
def test_unusual_events_still_validate(
    xsd: etree.XMLSchema,
    json_validator: jsonschema.protocols.Validator,
    cards: list[Card],
    changes: dict[str, Any],
) -> None:
    event = make_event(**changes)
    assert_valid_xml(xsd, schedule_xml(event, cards))
    assert_valid_json(json_validator, schedule_json(event, cards))


def test_empty_board_validates(
    xsd: etree.XMLSchema, json_validator: jsonschema.protocols.Validator, event: Event
) -> None:
    root = assert_valid_xml(xsd, schedule_xml(event, []))
    assert len(root.findall("day")) == 2
    assert_valid_json(json_validator, schedule_json(event, []))


def test_the_events_language_goes_into_both_schedules(
    xsd: etree.XMLSchema, json_validator: jsonschema.protocols.Validator, event: Event, cards: list[Card]
) -> None:
    from dataclasses import replace

    german = replace(event, language="de")
    root = assert_valid_xml(xsd, schedule_xml(german, cards))
    assert {element.text for element in root.iter("language")} == {"de"}
    document = assert_valid_json(json_validator, schedule_json(german, cards))
    assert {item["language"] for item in all_events(document)} == {"de"}

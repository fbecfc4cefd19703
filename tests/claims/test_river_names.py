"""A name read as a river's ("X am Oskil", "the left bank of the Oskil") is no claim's place,
and no town that "the town" / "der Ort" takes up again, even where the gazetteer also knows
a village of that name (there is a village Oskil in the Kharkiv region)."""

from __future__ import annotations

import re

from claims_fixtures import make_document

from frontledger.claims import extract
from frontledger.records import Claim, PlaceMention

_TOWNS = {"Dwiritschna": ("Dvorichna", 709399), "Dvorichna": ("Dvorichna", 709399),
          "Oskil": ("Oskil", 700000)}


def _claims(text: str, language: str) -> list[Claim]:
    document = make_document(text, language)
    mentions = [PlaceMention(start=m.start(), end=m.end(), surface=m.group(), name=name,
                             kind="populated_place", geonameid=geonameid, country="UA",
                             iso3166_2="UA-63")
                for surface, (name, geonameid) in _TOWNS.items()
                for m in re.finditer(rf"\b{surface}\b", text)]
    return extract(document, sorted(mentions, key=lambda p: p.start))


def test_a_name_after_am_is_a_river_and_der_ort_takes_up_the_town_before_it():
    claims = _claims("Die ukrainischen Streitkräfte haben einen russischen Angriff auf Dwiritschna "
                     "am Oskil abgewehrt. Der Ort sei weiterhin unter ukrainischer Kontrolle, "
                     "sagte ein ukrainischer Sprecher.", "de")
    assert not [c for c in claims if c.place.name == "Oskil"], claims
    assert any(c.place.name == "Dvorichna" and c.kind == "control" and c.actor_side == "UA"
               for c in claims), claims


def test_the_town_takes_up_the_town_not_the_river_named_after_it():
    claims = _claims("Russian troops attacked Dvorichna on the left bank of the Oskil. The town "
                     "remains under Ukrainian control, a Ukrainian spokesman said.", "en")
    assert not [c for c in claims if c.place.name == "Oskil"], claims
    assert any(c.place.name == "Dvorichna" and c.kind == "control" and c.actor_side == "UA"
               for c in claims), claims

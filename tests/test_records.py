"""The records whose `__init__` `records.quick_init` writes behave as the dataclass made them."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from datetime import date

import pytest

from frontledger.records import Claim, Evidence, PlaceMention
from frontledger.text.dates import DateMention
from frontledger.text.sentences import Sentence

QUICK = (PlaceMention, Evidence, Claim, Sentence, DateMention)


def _twin(cls: type) -> type:
    """A dataclass with `cls`'s fields and defaults, whose `__init__` is the dataclass's own."""
    fields = [(f.name, f.type, dataclasses.field(default=f.default))
              if f.default is not dataclasses.MISSING else (f.name, f.type)
              for f in dataclasses.fields(cls)]
    return dataclasses.make_dataclass(cls.__name__, fields, frozen=True, slots=True)


def _place(**changes: object) -> PlaceMention:
    return PlaceMention(**{"start": 3, "end": 9, "surface": "Kupyansk", "name": "Kupiansk",
                           "kind": "populated_place", **changes})  # type: ignore[arg-type]


def _claim(**changes: object) -> Claim:
    evidence = Evidence("doc", 0, 40, "Russia said it took Kupyansk on Monday.")
    return Claim(**{"claimant": "the ministry", "claimant_side": "RU", "kind": "control",
                    "place": _place(), "actor_side": "RU", "stance": "asserts",
                    "evidence": evidence, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize("cls", QUICK)
def test_quick_init_takes_the_dataclass_arguments_and_defaults(cls: type) -> None:
    assert inspect.signature(cls) == inspect.signature(_twin(cls))


def test_a_record_made_quickly_holds_every_field_given_and_defaulted() -> None:
    claim = _claim(fraction=0.5, date=date(2026, 3, 2), date_precision="day", change=True)
    twin = _twin(Claim)(**{f.name: getattr(claim, f.name) for f in dataclasses.fields(Claim)})
    assert repr(claim) == repr(twin)
    assert dataclasses.astuple(claim) == dataclasses.astuple(twin)
    place = _place(geonameid=704422)
    assert repr(place) == repr(_twin(PlaceMention)(3, 9, "Kupyansk", "Kupiansk",
                                                   "populated_place", 704422))


def test_a_record_made_quickly_is_frozen_hashable_and_equal_to_its_copy() -> None:
    claim = _claim()
    assert type(claim) is Claim
    with pytest.raises(dataclasses.FrozenInstanceError):
        claim.kind = "advance"  # type: ignore[misc]
    assert claim == _claim() and hash(claim) == hash(_claim()) and claim != _claim(kind="clash")
    assert dataclasses.replace(claim, stance="denies") == _claim(stance="denies")
    assert pickle.loads(pickle.dumps(claim)) == claim


def test_a_record_made_quickly_refuses_missing_or_unknown_arguments() -> None:
    with pytest.raises(TypeError):
        Evidence("doc", 0, 40)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        _place(population=5)

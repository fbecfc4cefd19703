"""How sure the resolver is of a name with one candidate: its whole lead, whatever the
article says around it."""

from __future__ import annotations

from tests.places.helpers import found


def test_sole_candidate_is_as_sure_beside_other_places_as_alone(gaz):
    alone = found(gaz, "Les combats continuent à Koupiansk.", "fr")["Koupiansk"]
    beside = found(gaz, "Les combats continuent à Koupiansk, dans la région de Kharkiv.",
                   "fr")["Koupiansk"]
    assert (alone.name, alone.confidence) == (beside.name, beside.confidence) == (
        "Kupiansk", 0.95)


def test_sole_candidate_read_through_a_case_ending_keeps_the_ending_s_doubt(gaz):
    m = found(gaz, "Бои идут под Покровском и в Донецкой области.", "ru")["Покровском"]
    assert (m.name, m.confidence) == ("Pokrovsk", 0.855)  # 0.9 (inflected) x 0.95
    m = found(gaz, "Fighting goes on in Kupiansk, Kharkiv region.", "en")["Kupiansk"]
    assert m.confidence == 0.95

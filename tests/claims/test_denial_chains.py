"""A copied denial followed by an explicit one from the same speaker is one denial."""

from __future__ import annotations

import pytest
from claims_fixtures import fixture_geoparse, make_document

from frontledger.claims import extract

CHAINS = [
    ("en", "Russia's defence ministry said its troops had captured Siversk. Ukraine's General "
           "Staff rejected the claim. The General Staff said Russian troops had not captured "
           "Siversk and called the report false.", "Siversk"),
    ("fr", "Le ministère russe de la Défense affirme avoir pris Siversk. L'état-major ukrainien "
           "a démenti. « Les Russes n'ont pas pris Siversk », a ajouté l'état-major ukrainien.",
     "Siversk"),
    ("ru", "Минобороны России заявило о взятии Северска. Генштаб ВСУ опроверг это заявление. "
           "В Генштабе ВСУ подчеркнули, что российские войска не захватили Северск.", "Siversk"),
    ("uk", "Міноборони РФ заявило про захоплення Куп'янська. Генштаб ЗСУ спростував це. "
           "«Росіяни не захопили Куп'янськ», — наголосили в Генштабі ЗСУ.", "Kupiansk"),
    ("uk", "Сіверськ упав, стверджують у Москві. Генштаб ЗСУ це спростував. Там назвали це "
           "повідомлення фейком.", "Siversk"),
    ("it", "Il ministero della Difesa russo ha annunciato la presa di Siversk. Lo stato maggiore "
           "ucraino ha smentito. Le truppe russe non hanno conquistato Siversk, ha ribadito lo "
           "stato maggiore ucraino.", "Siversk"),
]


@pytest.mark.parametrize(("language", "text", "place"), CHAINS,
                         ids=[f"{c[0]}{i}" for i, c in enumerate(CHAINS)])
def test_copied_then_explicit_denial_by_one_speaker_is_one_denial(
        language: str, text: str, place: str) -> None:
    document = make_document(text, language)
    claims = extract(document, fixture_geoparse(text, language))
    denials = [c for c in claims if c.stance == "denies" and c.place.name == place
               and c.kind == "control"]
    assert len(denials) == 1, claims
    assert denials[0].claimant_side == "UA" and denials[0].actor_side == "RU"

"""Ukrainian villages in the letters of French, German, Polish and Spanish reports
("Tchassiv Iar", "Tschassiw Jar", "Czasiw Jar", "Kurajove") reach their gazetteer entry
through each language's spelling rules and the transliteration skeleton, not a hand list
of villages. The spellings are invented here by each language's usual transliteration of
28 villages and towns of the gazetteer; every one must resolve."""

from __future__ import annotations

import pytest

from frontledger.places.normalize import fold
from tests.places.helpers import found

pytestmark = pytest.mark.slow

SENTENCES = {
    "fr": "Les combats se poursuivent près de {}, selon l'état-major.",
    "de": "Die Kämpfe gehen bei {} weiter, teilte der Generalstab mit.",
    "pl": "Według sztabu walki trwają w rejonie miejscowości {}.",
    "es": "Los combates continúan cerca de {}, según el Estado Mayor.",
}

SPELLINGS = [
    ('fr', 'Ternouvate', 'Ternuvate'),
    ('de', 'Ternuwate', 'Ternuvate'),
    ('pl', 'Ternuwate', 'Ternuvate'),
    ('fr', 'Kourakhove', 'Kurakhove'),
    ('de', 'Kurachowe', 'Kurakhove'),
    ('pl', 'Kurachowe', 'Kurakhove'),
    ('es', 'Kurajove', 'Kurakhove'),
    ('fr', 'Tchassiv Iar', 'Chasiv Yar'),
    ('de', 'Tschassiw Jar', 'Chasiv Yar'),
    ('pl', 'Czasiw Jar', 'Chasiv Yar'),
    ('fr', 'Chakhove', 'Shakhove'),
    ('de', 'Schachowe', 'Shakhove'),
    ('pl', 'Szachowe', 'Shakhove'),
    ('es', 'Shajove', 'Shakhove'),
    ('de', 'Nowopawliwka', 'Novopavlivka'),
    ('pl', 'Nowopawliwka', 'Novopavlivka'),
    ('fr', 'Mala Tokmatchka', 'Mala Tokmachka'),
    ('de', 'Mala Tokmatschka', 'Mala Tokmachka'),
    ('pl', 'Mala Tokmaczka', 'Mala Tokmachka'),
    ('de', 'Orichiw', 'Orikhiv'),
    ('pl', 'Orichiw', 'Orikhiv'),
    ('es', 'Orijiv', 'Orikhiv'),
    ('fr', 'Droujkivka', 'Druzhkivka'),
    ('de', 'Druschkiwka', 'Druzhkivka'),
    ('pl', 'Drużkiwka', 'Druzhkivka'),
    ('de', 'Swiatohirsk', 'Sviatohirsk'),
    ('pl', 'Swiatohirsk', 'Sviatohirsk'),
    ('de', 'Bilohoriwka', 'Bilohorivka'),
    ('pl', 'Bilohoriwka', 'Bilohorivka'),
    ('fr', 'Vovtchansk', 'Vovchansk'),
    ('de', 'Wowtschansk', 'Vovchansk'),
    ('pl', 'Wowczansk', 'Vovchansk'),
    ('de', 'Lypzi', 'Lyptsi'),
    ('pl', 'Lypci', 'Lyptsi'),
    ('fr', 'Balaklïa', 'Balakliia'),
    ('de', 'Balaklija', 'Balakliia'),
    ('pl', 'Balaklija', 'Balakliia'),
    ('de', 'Selydowe', 'Selydove'),
    ('pl', 'Selydowe', 'Selydove'),
    ('fr', 'Otcheretyne', 'Ocheretyne'),
    ('de', 'Otscheretyne', 'Ocheretyne'),
    ('pl', 'Oczeretyne', 'Ocheretyne'),
    ('fr', 'Vouhledar', 'Vuhledar'),
    ('de', 'Wuhledar', 'Vuhledar'),
    ('pl', 'Wuhledar', 'Vuhledar'),
    ('fr', 'Velyka Novossilka', 'Velyka Novosilka'),
    ('de', 'Welyka Nowossilka', 'Velyka Novosilka'),
    ('pl', 'Welyka Nowosilka', 'Velyka Novosilka'),
    ('de', 'Nowohrodiwka', 'Novohrodivka'),
    ('pl', 'Nowohrodiwka', 'Novohrodivka'),
    ('fr', 'Oudatchne', 'Udachne'),
    ('de', 'Udatschne', 'Udachne'),
    ('pl', 'Udaczne', 'Udachne'),
    ('de', 'Siwersk', 'Siversk'),
    ('pl', 'Siwersk', 'Siversk'),
    ('de', 'Borowa', 'Borova'),
    ('pl', 'Borowa', 'Borova'),
    ('fr', 'Kivcharivka', 'Kivsharivka'),
    ('de', 'Kiwschariwka', 'Kivsharivka'),
    ('pl', 'Kiwszariwka', 'Kivsharivka'),
    ('fr', 'Dvoritchna', 'Dvorichna'),
    ('de', 'Dworitschna', 'Dvorichna'),
    ('pl', 'Dworiczna', 'Dvorichna'),
    ('de', 'Mychailiwka', 'Mykhailivka'),
    ('pl', 'Mychailiwka', 'Mykhailivka'),
    ('es', 'Myjailivka', 'Mykhailivka'),
    ('fr', 'Pivnitchne', 'Pivnichne'),
    ('de', 'Piwnitschne', 'Pivnichne'),
    ('fr', 'Chtcherbynivka', 'Shcherbynivka'),
    ('de', 'Schtscherbyniwka', 'Shcherbynivka'),
    ('pl', 'Szczerbyniwka', 'Shcherbynivka'),
    ('fr', 'Kourdioumivka', 'Kurdiumivka'),
    ('de', 'Kurdiumiwka', 'Kurdiumivka'),
    ('pl', 'Kurdiumiwka', 'Kurdiumivka'),
    ('fr', 'Houliaipole', 'Huliaipole'),
]


@pytest.mark.parametrize(("language", "spelling", "name"), SPELLINGS)
def test_foreign_spelling_of_a_ukrainian_village_reaches_its_gazetteer_entry(
        real_gaz, language, spelling, name):
    text = SENTENCES[language].format(spelling)
    entries = {real_gaz.entry(p // 4) for p in real_gaz.lookup(fold(name))}
    wanted = {e.geonameid for e in entries if e.country == "UA"}
    assert found(real_gaz, text, language)[spelling].geonameid in wanted


def test_the_spellings_cover_twenty_villages_in_four_languages():
    assert len({name for _lang, _spelling, name in SPELLINGS}) >= 20
    assert {language for language, _spelling, _name in SPELLINGS} == set(SENTENCES)

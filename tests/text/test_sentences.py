"""Sentence splitting keeps exact offsets, abbreviations and multi-sentence quotations."""

from __future__ import annotations

from frontledger.text.sentences import (
    _is_abbreviation,
    _patterns,
    closes_quotation,
    opens_quotation,
    split_sentences,
)


def test_every_sentence_span_is_exactly_its_text() -> None:
    text = "Russia said it took Pokrovsk. Kyiv denied it!\n\nFighting goes on? Yes."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Russia said it took Pokrovsk.", "Kyiv denied it!", "Fighting goes on?", "Yes."]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_line_breaks_end_sentences_and_number_paragraphs() -> None:
    sentences = split_sentences("Headline without stop\nBody sentence one. Body two.")
    assert [s.paragraph for s in sentences] == [0, 1, 1]


def test_initials_and_abbreviations_do_not_split() -> None:
    text = "V. Putin met Gen. Gerasimov in St. Petersburg. Then н.п. Вербове was named."
    assert len(split_sentences(text)) == 2


def test_lowercase_after_stop_does_not_split() -> None:
    assert len(split_sentences("«Он сказал.» — отметил он.")) == 1


def test_quotation_of_several_sentences_is_opened_then_closed() -> None:
    text = "«Nos forces tiennent. Nos unités ne sont pas encerclées», a affirmé l'état-major."
    first, second = split_sentences(text)
    assert opens_quotation(first.text) and not closes_quotation(first.text)
    assert closes_quotation(second.text) and not opens_quotation(second.text)


def test_straight_quotation_of_several_sentences_is_opened_then_closed() -> None:
    text = '"We hold the town. The enemy is falling back," the spokesman told us.'
    first, second = split_sentences(text)
    assert opens_quotation(first.text) and not closes_quotation(first.text)
    assert closes_quotation(second.text) and not opens_quotation(second.text)


def test_straight_quotation_opened_after_a_colon_and_one_closed_whole_are_told_apart() -> None:
    assert opens_quotation('Der Sprecher sagte: "Wir halten die Stadt.')
    whole = 'He called it "a lie" on Monday.'
    assert not opens_quotation(whole) and not closes_quotation(whole)


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("   \n\n ") == []


def test_polish_and_spanish_abbreviations_do_not_split() -> None:
    text = ("Jak przekazał gen. Ołeksandr Syrski, pod miastem jest 150 tys. żołnierzy. "
            "Dodał, że to dużo. Lo dijo el Gral. Pérez en EE.UU. ayer. Nadie más.")
    assert len(split_sentences(text)) == 4


def test_day_number_dot_before_a_month_does_not_end_a_sentence() -> None:
    text = "Am 18. November fiel der Ort. Danach nicht mehr. Er war der 3. Danach ging er."
    assert [s.text for s in split_sentences(text)] == [
        "Am 18. November fiel der Ort.", "Danach nicht mehr.", "Er war der 3.",
        "Danach ging er."]


def test_a_line_going_on_in_small_letters_continues_the_sentence() -> None:
    text = ("Загони ППО\nзбили дрон над містом. Далі тихо.\n"
            "Les forces russes ont\n  avancé vers le nord.\nNouvelle ligne: ici.\nsuite")
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Загони ППО\nзбили дрон над містом.", "Далі тихо.",
        "Les forces russes ont\n  avancé vers le nord.", "Nouvelle ligne: ici.", "suite"]
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert [s.paragraph for s in sentences] == [0, 0, 1, 2, 3]


def test_sentences_glued_without_a_space_are_split_but_domains_and_initials_are_not() -> None:
    text = ("Das Ministerium meldete es.Laut Kiew ist das falsch. Ministerstwo podało.Według "
            "sztabu walki trwają na kyiv.ua i w U.S. Army.")
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Das Ministerium meldete es.", "Laut Kiew ist das falsch.", "Ministerstwo podało.",
        "Według sztabu walki trwają na kyiv.ua i w U.S. Army."]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_unit_number_dot_before_a_unit_noun_does_not_end_a_sentence() -> None:
    texts = [
        "Kämpfer der 5. Panzerbrigade melden Gefechte bei Lyman. Danach wurde es ruhig.",
        "Die 41. mechanisierte Brigade hielt ihre Stellungen. Am Abend kam Nachschub.",
        "Żołnierze 118. Brygady odparli szturm. Potem nastała cisza.",
        "Walczyła tam 61. Samodzielna Brygada Piechoty. Później się wycofała.",
    ]
    for text in texts:
        assert len(split_sentences(text)) == 2, text


def test_a_number_ending_a_sentence_before_another_word_still_splits() -> None:
    for text in ("Verloren gingen 140. Dennoch blieb die Front stabil.",
                 "Straty wyniosły 140. Mimo to front się utrzymał."):
        assert len(split_sentences(text)) == 2, text


def test_wire_copy_abbreviated_months_and_titles_do_not_split() -> None:
    text = ("Gov. Ivan Fedorov said on Sept. 14 that the city was shelled. Kyiv denied it. "
            "Der Angriff vom 3. Okt. 2025 traf Cherson, hieß es. Dann nichts mehr.")
    assert [s.text for s in split_sentences(text)] == [
        "Gov. Ivan Fedorov said on Sept. 14 that the city was shelled.", "Kyiv denied it.",
        "Der Angriff vom 3. Okt. 2025 traf Cherson, hieß es.", "Dann nichts mehr."]


def test_abbreviation_check_tells_what_the_abbreviation_pattern_finds() -> None:
    # the splitter asks a set of words, not the regex it keeps: both must tell the same, for
    # initials of every script, words holding dots, and words glued after punctuation
    patterns = _patterns()
    words = [f"{chr(code)}." for code in range(0x3000)] + [
        "Gen.", "gen.", "z.B.", "U.S.", "m.in.", "(proc.", "70proc.", "x.proc.", "Kramatorsk.",
        "тыс.", "Mr.\n", "Mr.!", "_Mr.", "Oberst.", "EE.UU.", ".", "1.", "v.Chr.", "(Dr.",
        "sog.", "No.", "no.", "-Nr.", "Mr", "Mr..", "ppłk."]
    for word in words:
        line = f"Es hieß {word}"
        expected = bool(patterns.abbreviation.search(line[line.rfind(" ") + 1:]))
        assert _is_abbreviation(line, len(line), patterns) == expected, word


def test_abbreviation_check_of_a_whole_word_tells_what_the_pattern_finds() -> None:
    """A word of letters or digits only is looked up whole: every language's abbreviations,
    with a letter, a digit or an underscore before them, tell what the regex tells."""
    patterns = _patterns()
    for abbreviation in sorted(patterns.abbreviations):
        for word in (abbreviation, f"x{abbreviation}", f"1{abbreviation}", f"_{abbreviation}",
                     f"{abbreviation}x", f"{abbreviation}1", f"Ж{abbreviation}"):
            line = f"Es hieß {word}."
            expected = bool(patterns.abbreviation.search(line[line.rfind(" ") + 1:]))
            assert _is_abbreviation(line, len(line), patterns) == expected, word


def test_an_opening_question_or_exclamation_mark_starts_a_sentence() -> None:
    text = "Moscú anunció la toma de la aldea. ¿Es cierto? Falso. ¡Es un bulo! Eso dijo."
    assert [s.text for s in split_sentences(text)] == [
        "Moscú anunció la toma de la aldea.", "¿Es cierto?", "Falso.", "¡Es un bulo!", "Eso dijo."]

"""The hand-written sentence splitter against pysbd and blingfire: accuracy and speed.

Accuracy: boundary precision and recall on invented paragraphs (English, French,
Russian, Ukrainian) holding what news text makes hard — initials, titles, Slavic
abbreviations ("г.", "обл.", "н.п."), decimals, quotations closed after the stop,
lower-case continuations. Speed: CPU seconds to split about 1 MB of such text, and
100 KB of "!" (the hostile case). pysbd and blingfire are not dependencies:

    pip install pysbd blingfire && python benchmarks/sentence_splitters.py
"""

from __future__ import annotations

import time
from collections.abc import Callable

from frontledger.text.sentences import split_sentences

# (language, sentences): the gold split; the text is the sentences joined by a space.
GOLD: list[tuple[str, list[str]]] = [
    ("en", ["Gen. Ivanov said the unit had reached the outskirts of Lyman.",
            "Kyiv denied it on Tuesday."]),
    ("en", ["Mr. Petrenko, the mayor, reported 3.5 km of new trenches.",
            "No one was hurt, he added."]),
    ("en", ["\"We hold the station,\" the spokesman said.", "Fighting went on."]),
    ("en", ["The U.S. envoy arrived at 9 a.m. and met officials.",
            "Talks lasted two hours."]),
    ("en", ["J. R. Smith of the monitoring group confirmed the strike on Izium!",
            "Was it the third this week?", "Yes."]),
    ("fr", ["Selon M. Dubois, les combats se poursuivent près de Koupiansk.",
            "L'état-major n'a pas commenté."]),
    ("fr", ["« Nous tenons la ville. » — a déclaré le porte-parole.",
            "Moscou affirme le contraire."]),
    ("fr", ["Environ 2,5 km² ont été repris, env. la moitié du secteur.",
            "La situation reste tendue."]),
    ("ru", ["По словам ген. Петрова, бои идут у г. Купянска.",
            "Украинская сторона это опровергла."]),
    ("ru", ["В Харьковской обл. сообщили об ударе по н.п. Боровая.",
            "Пострадавших нет."]),
    ("ru", ["«Мы удерживаем позиции», — заявил представитель штаба.",
            "Бои продолжаются."]),
    ("ru", ["Около 1,5 тыс. военных отошли к ул. Центральной.", "Это подтвердили в ВСУ."]),
    ("uk", ["За словами ген. Коваленка, бої тривають біля м. Покровськ.",
            "Росіяни зазнали втрат."]),
    ("uk", ["У Донецькій обл. обстріляли смт Курахове.",
            "Про загиблих не повідомляють."]),
    ("uk", ["«Ми тримаємо оборону», — сказав він.", "Ворог атакує щодня!",
            "Чи надовго це?"]),
]


def ours(text: str, _language: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in split_sentences(text)]


def pysbd_splitter() -> Callable[[str, str], list[tuple[int, int]]] | None:
    try:
        import pysbd
    except ImportError:
        return None
    segmenters: dict[str, object] = {}

    def split(text: str, language: str) -> list[tuple[int, int]]:
        lang = language if language != "uk" else "ru"  # pysbd has no Ukrainian
        seg = segmenters.setdefault(lang, pysbd.Segmenter(language=lang, clean=False,
                                                          char_span=True))
        return [(s.start, s.start + len(s.sent.rstrip())) for s in seg.segment(text)]

    return split


def blingfire_splitter() -> Callable[[str, str], list[tuple[int, int]]] | None:
    try:
        import blingfire
    except ImportError:
        return None

    def split(text: str, _language: str) -> list[tuple[int, int]]:
        _sentences, offsets = blingfire.text_to_sentences_and_offsets(text)
        return [(int(a), int(b)) for a, b in offsets]

    return split


def accuracy(split: Callable[[str, str], list[tuple[int, int]]]) -> tuple[float, float]:
    """Precision and recall of the sentence ends found (the text's own end excluded)."""
    found = right = wanted = 0
    for language, sentences in GOLD:
        text = " ".join(sentences)
        gold, position = set(), 0
        for sentence in sentences[:-1]:
            position += len(sentence)
            gold.add(position)
            position += 1
        ends = {end for _start, end in split(text, language) if end < len(text.rstrip())}
        found += len(ends)
        right += len(ends & gold)
        wanted += len(gold)
    return right / max(found, 1), right / wanted


def cpu(split: Callable[[str, str], list[tuple[int, int]]], text: str, lang: str) -> float:
    start = time.process_time()
    split(text, lang)
    return time.process_time() - start


def main() -> None:
    corpus = " ".join(" ".join(s) for lang, s in GOLD if lang == "en")
    megabyte = "\n".join([corpus] * (1_000_000 // (len(corpus) + 1)))
    hostile = "Invented. " + "!" * 100_000 + " End."
    for name, split in (("frontledger", ours), ("pysbd", pysbd_splitter()),
                        ("blingfire", blingfire_splitter())):
        if split is None:
            print(f"{name:12} not installed")
            continue
        precision, recall = accuracy(split)
        print(f"{name:12} precision {precision:.2f} recall {recall:.2f}  "
              f"1 MB: {cpu(split, megabyte, 'en'):6.2f} s CPU  "
              f"100 KB of '!': {cpu(split, hostile, 'en'):6.2f} s CPU", flush=True)


if __name__ == "__main__":
    main()

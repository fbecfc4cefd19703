"""Polish case endings: the hand table of `data/lang/pl/places.toml` against simplemma's lemmas.

    .venv/bin/python benchmarks/polish_endings.py

On inflected place names and oblast words written from Polish grammar (not from any
evaluation set), prints how often each method reaches the nominative the gazetteer holds,
and the CPU time per word. simplemma is not a dependency: install it beside frontledger
(`pip install simplemma`) to compare; without it only the hand table is measured.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from frontledger.places.lexicon import _inflected, inflected_bases, lexicon
from frontledger.places.normalize import fold

# (inflected form, nominative)
PAIRS = [
    ("Pokrowsku", "Pokrowsk"), ("Pokrowska", "Pokrowsk"), ("Pokrowskiem", "Pokrowsk"),
    ("Kupiańsku", "Kupiańsk"), ("Kupiańska", "Kupiańsk"), ("Doniecku", "Donieck"),
    ("Doniecka", "Donieck"), ("Donieckiem", "Donieck"), ("Charkowa", "Charków"),
    ("Charkowie", "Charków"), ("Charkowem", "Charków"), ("Kijowa", "Kijów"), ("Kijowie", "Kijów"),
    ("Lwowa", "Lwów"), ("Lwowie", "Lwów"), ("Zaporoża", "Zaporoże"), ("Zaporożu", "Zaporoże"),
    ("Chersonia", "Chersoń"), ("Chersoniu", "Chersoń"), ("Połtawy", "Połtawa"),
    ("Połtawie", "Połtawa"), ("Połtawę", "Połtawa"), ("Odessy", "Odessa"), ("Odessie", "Odessa"),
    ("Awdijiwki", "Awdijiwka"), ("Awdijiwce", "Awdijiwka"), ("Awdijiwkę", "Awdijiwka"),
    ("Awdijiwką", "Awdijiwka"), ("Kostiantyniwki", "Kostiantyniwka"),
    ("Kostiantyniwce", "Kostiantyniwka"), ("Kostiantyniwkę", "Kostiantyniwka"),
    ("Myrnohradu", "Myrnohrad"), ("Myrnohradzie", "Myrnohrad"), ("Myrnohradem", "Myrnohrad"),
    ("Bachmutu", "Bachmut"), ("Bachmucie", "Bachmut"), ("Łymanu", "Łyman"), ("Łymanie", "Łyman"),
    ("Wuhłedaru", "Wuhłedar"), ("Wuhłedarze", "Wuhłedar"), ("Siwierska", "Siwiersk"),
    ("Siwiersku", "Siwiersk"), ("Kramatorska", "Kramatorsk"), ("Kramatorsku", "Kramatorsk"),
    ("Słowiańska", "Słowiańsk"), ("Słowiańsku", "Słowiańsk"), ("Hulajpola", "Hulajpole"),
    ("Hulajpolu", "Hulajpole"), ("Kurska", "Kursk"), ("Biełgorodu", "Biełgorod"),
    ("Ukrainy", "Ukraina"), ("Ukrainie", "Ukraina"), ("Ukrainę", "Ukraina"), ("Rosji", "Rosja"),
    ("Rosję", "Rosja"), ("Białorusi", "Białoruś"), ("Moskwy", "Moskwa"), ("Moskwie", "Moskwa"),
    ("Warszawy", "Warszawa"), ("Warszawie", "Warszawa"), ("obwodzie", "obwód"),
    ("obwodu", "obwód"), ("donieckim", "doniecki"), ("donieckiego", "doniecki"),
    ("charkowskim", "charkowski"), ("charkowskiego", "charkowski"), ("zaporoskim", "zaporoski"),
    ("ługańskiego", "ługański"),
]
REPEATS = 200


def _cpu_per_word(method: Callable[[str], object]) -> float:
    words = [form for form, _ in PAIRS] * REPEATS
    start = time.process_time()
    for word in words:
        method(word)
    return (time.process_time() - start) / len(words) * 1e6


def main() -> None:
    lex = lexicon("pl")
    right = sum(fold(nom) in inflected_bases(form, lex) for form, nom in PAIRS)
    candidates = sum(len(inflected_bases(form, lex)) for form, _ in PAIRS) / len(PAIRS)
    _inflected.cache_clear()
    hand_cpu = _cpu_per_word(lambda w: inflected_bases(w, lex))
    print(f"{len(PAIRS)} forms")
    print(f"hand endings: nominative among the candidates {right} ({right / len(PAIRS):.0%}), "
          f"{candidates:.1f} candidates a word, {hand_cpu:.2f} µs CPU a word")
    try:
        import simplemma  # type: ignore[import-not-found]
    except ImportError:
        print("simplemma: not installed")
        return
    start = time.process_time()
    simplemma.lemmatize(PAIRS[0][0], lang="pl")
    load = time.process_time() - start
    lemmas = sum(fold(simplemma.lemmatize(form, lang="pl")) == fold(nom) for form, nom in PAIRS)
    lemma_cpu = _cpu_per_word(lambda w: simplemma.lemmatize(w, lang="pl"))
    print(f"simplemma: lemma is the nominative {lemmas} ({lemmas / len(PAIRS):.0%}), "
          f"{lemma_cpu:.2f} µs CPU a word, {load:.1f} s CPU to load its Polish data")


if __name__ == "__main__":
    main()

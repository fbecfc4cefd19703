"""Geoparsing time against text size: it must grow linearly (issue 10, defect 4).

Builds texts of the given sizes from invented report sentences (English, French,
Russian, Ukrainian) that name places, regions and unknown villages, and times `geoparse`
and the whole analysis (`pipeline.analyse`) on each, in CPU seconds (the machine may be
shared: CPU time is steadier than wall time).

    python benchmarks/geoparse_scaling.py [--sizes 0.5 1 2] [--profile out.prof]
"""

from __future__ import annotations

import argparse
import cProfile
import time

from frontledger.places import default_gazetteer, geoparse
from frontledger.records import Document

SENTENCES = [
    "Russian forces said they had captured Kupiansk and advanced towards Kramatorsk.",
    "Ukraine's General Staff denied that Pokrovsk, Myrnohrad and Siversk had fallen.",
    "Fighting continues near Vovchansk in the Kharkiv region, the governor said.",
    "Les forces russes ont frappé Zaporijjia et Kherson dans la nuit, selon Kyiv.",
    "L'armée ukrainienne affirme tenir Koupiansk et Lyman, près de la rivière Oskil.",
    "Российские войска заняли Ивановку в Донецкой области, заявили в Минобороны.",
    "Бои идут у Купянска и Волчанска, сообщил Генштаб ВСУ.",
    "Сили оборони відбили атаки біля Покровська та Костянтинівки на Донеччині.",
    "The village of Novoselivka near Huliaipole came under drone attack on Tuesday.",
    "Officials in Sumy and Kharkiv reported strikes on energy sites overnight.",
]


def text_of(megabytes: float) -> str:
    target = int(megabytes * 1_000_000)
    parts: list[str] = []
    size = 0
    i = 0
    while size < target:
        sentence = SENTENCES[i % len(SENTENCES)]
        parts.append(sentence + ("\n" if i % 5 == 4 else " "))
        size += len(sentence.encode()) + 1
        i += 1
    return "".join(parts)


def cpu(call: object, *args: object) -> float:
    start = time.process_time()
    call(*args)  # type: ignore[operator]
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.5, 1.0, 2.0])
    parser.add_argument("--analyse", action="store_true",
                        help="also time the whole analysis (places and claims)")
    parser.add_argument("--profile", help="write a cProfile of the largest size here")
    args = parser.parse_args()
    default_gazetteer()
    geoparse("Warm-up in Kyiv.", "en")
    for megabytes in args.sizes:
        text = text_of(megabytes)
        line = f"{megabytes:4.1f} MB  geoparse {cpu(geoparse, text, 'en'):7.2f} s CPU"
        if args.analyse:
            from frontledger.pipeline import analyse
            document = Document(id="x", text=text, source="bench", language="en")
            line += f"  analyse {cpu(analyse, document):7.2f} s CPU"
        print(line, flush=True)
    if args.profile:
        cProfile.runctx("geoparse(text, 'en')", globals(),
                        {"text": text_of(max(args.sizes)), "geoparse": geoparse},
                        args.profile)


if __name__ == "__main__":
    main()

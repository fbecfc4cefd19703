"""Choose, for each recognised span, the gazetteer entry it names, and how sure we are.

Two passes over an article: the first resolves each span alone and keeps the confident
answers as context (regions and countries named, where the front-line places are); the
second scores every candidate entry again with that context. Scores add small, named
weights; none is tuned to one article.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass, field
from operator import itemgetter

from frontledger.places.build import distance_km
from frontledger.places.context import SENTENCE_REACH, Cues
from frontledger.places.gazetteer import (
    ALTERNATE,
    FLAG_CAPITAL,
    FLAG_METONYM,
    FLAG_NEEDS_CUE,
    OTHER_NAME,
    PRIMARY,
    REGION_BASE,
    Gazetteer,
    GazetteerEntry,
)
from frontledger.places.normalize import fold, spelling_key
from frontledger.places.recognize import MEMO_MAX_ENTRIES, SKELETON, Span, Word, memo_for
from frontledger.places.renamings import region_keeps_former_name, renamed_towns
from frontledger.records import PlaceMention
from frontledger.theater import Theater

# Score weights. Set by reasoning about orders of magnitude on the project's own fixtures:
# a name's own form beats an alternate, the theater beats a homonym abroad, and a region
# named in the same article beats population.
NAME_WEIGHT = {PRIMARY: 1.0, ALTERNATE: 0.7, REGION_BASE: 0.9, OTHER_NAME: 0.4}
KIND_BONUS = {"country": 1.2, "region": 0.9, "river": 0.6, "other": 0.6, "populated_place": 0.0}
POPULATION_WEIGHT = 1.0
"""Times log10(population)/7: a city of 10 million gets 1.0, a village of 500 gets 0.39."""
THEATER_BONUS = 0.6
CAPITAL_BONUS = 0.5
"""A national capital outranks a theater hamlet of the same name (Berlin, Chelyabinsk Oblast)."""
FRONT_BONUS = 0.3
REGION_NAMED_BONUS = 0.7
COUNTRY_NAMED_BONUS = 0.2
TOWNS_COUNTRY_BONUS = 0.1
"""A town abroad in the country of the article's other towns abroad ("Lyon, Grenoble and
Mâcon" is Mâcon, France, not Macon, Georgia; "Valencia y Murcia"): weaker than a country
named, as towns of several countries share an article; a namesake more than about five
times bigger (log10(5)/7 = 0.1) still wins ("New York ... Genève" stays Geneva)."""
NEAR_OTHERS_BONUS = 0.4
SAME_ARTICLE_BONUS = 0.8
"""One place per name per article: "под Покровском" is Pokrovsk when the article names
Покровск elsewhere, though Pokrovske lies in a region it names (above REGION_NAMED_BONUS).
Only another form of the name counts: the same form would confirm its own first guess."""
NEAR_OTHERS_KM = 120.0
"""A place this close to the article's confident theater places shares their front."""
NEAR_GRADED_SHARE = 0.5
"""The share of NEAR_OTHERS_BONUS lost linearly with the distance to the closest other
place, up to NEAR_OTHERS_KM: of two namesakes within reach the closer one is likelier
(Petropavlivka 8 km from Kupiansk over a bigger one 90 km from the article's other towns).
Half the bonus (0.2 = log10(25)/7): next to the other places against one at the edge of
reach, closeness outweighs a namesake up to 25 times bigger. Set by that reasoning;
neutral on the train places, better on the invented reports."""
SENTENCE_NEAR_BONUS = 0.3
"""Of namesakes, one near a place named in the same sentence ("attacks near Bilytske and
Dobropillia", "на Гуляйпільському напрямку ... у районі Успенівки") is likelier than one
near the article's places elsewhere: a sentence names one stretch of the front. Graded like
NEAR_GRADED_SHARE, whole at 0 km, nothing at SENTENCE_NEAR_KM. 0.3 = log10(20)/7: beside
the sentence's other place, a village outweighs a namesake up to about 20 times bigger
elsewhere; a town bigger still keeps its name. Set by that reasoning, then checked
neutral on the train places and better on the invented reports."""
SENTENCE_NEAR_KM = 60.0
"""How far from a place of the same sentence a namesake still counts as beside it (a
direction's stretch of front is some 30-60 km long)."""
NEAR_BOX_DEGREES = 1.2
"""Latitude degrees (longitude: twice as many) beyond which no place is NEAR_OTHERS_KM away
in the theater's latitudes; a cheap test before the great-circle distance."""
ANCHOR_CONFIDENCE = 0.45
"""First-pass answers at least this sure become context for the second pass."""
MARGIN_FOR_CERTAINTY = 0.8
"""Score lead over the runner-up at which confidence stops growing."""
REGION_FALLBACK_CONFIDENCE = 0.6
VILLAGE_MAX_POPULATION = 50_000
"""Above this, "the village of X" cannot mean the town X: it is a village of that name."""
"""A bare region name with no city of that name and no region word around it."""

# Places outside the theater: what it takes to believe a capitalised word names one.
FOREIGN_PRIMARY_MIN_POPULATION = 10_000
FOREIGN_UNCUED_MIN_POPULATION = 1_000_000
"""A foreign town's own name counts without a locative preposition only for cities this big."""
CAPITAL_MIN_POPULATION = 200_000
"""Capitals are named without a preposition ("Washington said"), but not the smallest
("Victoria" is more often a person than the Seychelles' capital). Foreign names in other
spellings (Pékin, Варшава) likewise count only for capitals and big cities; smaller
towns' alternates are mostly surnames and words of our languages (Марка, Anadoly)."""
FOREIGN_EXONYM_MIN_POPULATION = 100_000
"""A foreign city's name in another language that the index keeps as another name ("Genf"
for Geneva) counts after a locative preposition for cities this big: news translates the
names of big cities only. Set an order of magnitude above FOREIGN_PRIMARY_MIN_POPULATION,
low enough for Geneva (200k) and The Hague (550k)."""
FOREIGN_NAMED_MIN_POPULATION = 100_000
"""A foreign city's own name counts without a locative preposition for cities this big
("storms hit Lyon and Marseille", "inundaron Valencia y Murcia"): general news names world
cities bare. Measured on benchmarks/places_world.py against 1M, 500k, 200k, 100k and 50k:
recall .78/.82/.83/.84/.84 with precision kept, and no change on the war sets; the same
bar as FOREIGN_EXONYM_MIN_POPULATION. Its own name only: smaller towns' alternates are
words and surnames (see CAPITAL_MIN_POPULATION)."""
NAMED_COUNTRY_MIN_POPULATION = 1_000
RENAMED_MIN_POPULATION = 20_000
"""A former name still means its town when the town is this big (Krasnoarmeysk for
Pokrovsk, Dnipropetrovsk for Dnipro); dozens of villages share each village's old name."""
UNIQUE_TOWN_MIN_POPULATION = 5_000
"""A front-line town this big that no other place shares its name with is trusted even far
from the article's other places; villages are not (cities500 lacks most namesakes)."""
NAMED_ALONE_MIN_POPULATION = 20_000
"""Towns this big are named without context; a smaller theater place whose every homonym
lies away from the article's other places and regions is left unresolved."""


class Points:
    """Coordinates of the places an article names, by cell of a NEAR_BOX_DEGREES grid,
    each with (up to two of) the readings that named it: "is a place of another reading
    near here?" costs the few places of nine cells, not one look at each reading (which
    made geoparsing quadratic in the number of mentions). The points near a place are
    found once per place (until a point is added): the second pass asks again for every
    reading that may name it."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], dict[tuple[float, float], list[int]]] = {}
        self.readings: list[int] = []
        """(Up to two of) the readings that named any point."""
        self._around: dict[tuple[float, float], list[tuple[float, list[int]]]] = {}
        """Place coordinates -> the distance and the readings of each other point within
        NEAR_OTHERS_KM."""

    def add(self, reading: int, lat: float, lon: float) -> None:
        named = self.cells.setdefault(_cell(lat, lon), {}).setdefault((lat, lon), [])
        for kept in (named, self.readings):
            if len(kept) < 2 and reading not in kept:
                kept.append(reading)
        self._around.clear()

    def __bool__(self) -> bool:
        return bool(self.readings)

    def besides(self, reading: int) -> bool:
        """True when a reading other than `reading` named a point."""
        return any(i != reading for i in self.readings)

    def near(self, lat0: float, lon0: float, reading: int) -> bool:
        """True when another point, named by another reading, is within NEAR_OTHERS_KM."""
        return self.nearest_km(lat0, lon0, reading) is not None

    def nearest_km(self, lat0: float, lon0: float, reading: int) -> float | None:
        """The distance to the closest other point named by another reading, when one is
        within NEAR_OTHERS_KM. A place does not vouch for itself: a namesake chosen for
        two inflected forms of one name ("Боровая", "Боровую") must not hold itself up
        against the one near the article's other places."""
        around = self._around.get((lat0, lon0))
        if around is None:
            around = self._around[(lat0, lon0)] = self._points_around(lat0, lon0)
        for km, named in around:  # nearest first: the first one another reading named
            if named != [reading]:  # (`named` holds one or two distinct readings)
                return km
        return None

    def _points_around(self, lat0: float, lon0: float) -> list[tuple[float, list[int]]]:
        """The other points within NEAR_OTHERS_KM, nearest first (each place's candidates
        ask again and again, each for the nearest one named by another reading)."""
        row, column = _cell(lat0, lon0)
        around = []
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                cell = self.cells.get((row + dr, column + dc))
                if not cell:
                    continue
                for (lat, lon), named in cell.items():
                    if (lat, lon) == (lat0, lon0) or abs(lat - lat0) >= NEAR_BOX_DEGREES or (
                            abs(lon - lon0) >= 2 * NEAR_BOX_DEGREES):
                        continue
                    km = distance_km(lat0, lon0, lat, lon)
                    if km <= NEAR_OTHERS_KM:
                        around.append((km, named))
        around.sort(key=itemgetter(0))
        return around


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / NEAR_BOX_DEGREES), math.floor(lon / (2 * NEAR_BOX_DEGREES))


@dataclass
class Context:
    """What the confident places of an article say about the rest."""

    regions: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    points: Points = field(default_factory=lambda: Points())
    """Where the confident theater places are, and which readings named them."""
    current: int = -1
    """The reading being resolved: its own first-pass answer is not its own context."""
    abroad: dict[str, set[int]] = field(default_factory=dict)
    """Country code -> the readings whose confident answer is a town of that country
    outside the theater ("Lyon" and "Grenoble" say which Mâcon)."""
    named: dict[int, set[tuple[int, ...]]] = field(default_factory=dict)
    """Entry index -> the postings of the names whose first-pass answer it is."""
    postings: tuple[int, ...] = ()
    """The postings of the reading being resolved."""
    placed: list[tuple[int, int, float, float, str]] = field(default_factory=list)
    """(start, reading, latitude, longitude, region) of each confident theater place and
    landmark, by start."""
    sentence: tuple[int, int] | None = None
    """The character range of the current reading's sentence, found when first needed."""
    namesakes: bool = False
    """Whether the current reading may name two theater places or more (only then does
    the sentence's context choose among them)."""


@dataclass(slots=True)
class Reading:
    """One span with the cues found around it."""

    span: Span
    region: bool = False
    settlement: bool = False
    village: bool = False
    within: str | None = None
    """ISO code of the region the text places this name in, right after it."""
    locative: bool = False
    """A locative preposition stands before the name ("in", "à", "в")."""
    listed: bool = False
    """The name stands in a list of names ("A, B and C")."""
    mates: tuple[tuple[int, ...], ...] = ()
    """The postings of the other names of its list ("New York and Toretsk")."""


class Resolver:
    """Picks entries for the spans of one article."""

    def __init__(self, gaz: Gazetteer, cues: Cues, words: list[Word], theater: Theater,
                 landmarks: list[PlaceMention] | None = None):
        self.landmarks = landmarks or []
        """Places found before resolution (the towns front directions are named after):
        context for the namesakes of their sentence."""
        self.gaz = gaz
        self.cues = cues
        self.words = words
        self.theater = theater
        self.regions_named: dict[str, int] = {}
        """ISO code of each region named in full ("Donetsk region"), with where it is first."""
        self.full_regions: list[tuple[int, str]] = []
        """Where each region is named in full, and its ISO code."""
        self.readings: list[Reading] = []
        self.marked_villages: set[int] | None = None
        """Entry indexes of the theater villages the article marks as villages or places
        in a region ("the village of X", "X in the Y region"), found when first needed."""
        self.doubted: list[tuple[Reading, int]] = []
        """Readings whose best entry (index given) lies away from the article's other places:
        a settlement of that name, but not that one (cities500 lacks most villages)."""
        self.named_options, self.priors = _known_options(gaz, theater)
        """What `_namesakes_of` and `_prior` found for earlier articles (see `_known_options`)."""

    def resolve(self, readings: list[Reading]) -> list[PlaceMention]:
        """One mention per reading that resolves; the same name read the same way (same
        postings and cues) is resolved once per article."""
        self._note_named_regions(readings)
        self._mark_regions_among_regions(readings)
        self.readings, self.marked_villages = readings, None
        # each reading's key: the first reading of the same name read the same way (a
        # number: the tuple of postings and cues is hashed once, not at every look-up)
        first: dict[tuple, int] = {}
        keys = [first.setdefault((r.span.postings, r.span.quality, r.region, r.settlement,
                                  r.village, r.within, r.locative), i)
                for i, r in enumerate(readings)]
        options: dict[int, list] = {}
        alone: dict[int, tuple[GazetteerEntry, float] | None] = {}
        nothing = Context()  # the first pass reads no context (and `_best` changes none)
        for key, reading in zip(keys, readings, strict=True):
            if key not in options:
                options[key] = self._scored_options(reading)
                alone[key] = self._best(reading, options[key], nothing)
        context = self._context([alone[k] for k in keys], readings)
        chosen: dict[int, tuple[GazetteerEntry, float] | None] = {}
        doubted: dict[int, int] = {}
        self.doubted = []
        picks = []
        for i, (key, reading) in enumerate(zip(keys, readings, strict=True)):
            if key not in chosen:  # the same name read the same way resolves the same way
                context.current, context.postings = i, reading.span.postings
                context.sentence = None
                choice = self._best(reading, options[key], context)
                ok = choice is not None and self._supported(choice[0], context, reading.span,
                                                            options[key])
                chosen[key] = choice if ok else None
                if choice is not None and not ok:
                    doubted[key] = choice[0].index
            picked = chosen[key]
            if picked is not None:
                picks.append((reading, *picked))
            elif key in doubted:
                self.doubted.append((reading, doubted[key]))
        picks = _as_placed(picks)
        war = any(entry.country in self.theater.countries for _r, entry, _c in picks)
        return [self._mention(reading, entry, confidence, war)
                for reading, entry, confidence in picks]

    def _note_named_regions(self, readings: list[Reading]) -> None:
        """Regions named in full ("Donetsk region"), with where each is first named."""
        self.regions_named = {}
        self.full_regions = []
        for r in readings:
            if r.span.first == r.span.last:
                continue
            for p in r.span.postings:
                entry = self.gaz.entry(p // 4)
                if p % 4 == PRIMARY and entry.kind == "region" and entry.iso3166_2:
                    self.regions_named.setdefault(entry.iso3166_2, r.span.start)
                    self.full_regions.append((r.span.start, entry.iso3166_2))

    def _scored_options(self, reading: Reading) -> list[tuple[GazetteerEntry, int, float]]:
        """The reading's options with the part of their score that needs no context."""
        priors = self.priors
        if len(priors) > MEMO_MAX_ENTRIES:
            priors.clear()
        out = []
        for e, how in self._one_name_spelt_two_ways(self._options(reading)):
            prior = priors.get((e.index, how))
            if prior is None:
                prior = priors[(e.index, how)] = self._prior(e, how)
            out.append((e, how, prior))
        return out

    def _one_name_spelt_two_ways(self, options: list[tuple[GazetteerEntry, int]]
                                 ) -> list[tuple[GazetteerEntry, int]]:
        """Theater namesakes whose own names differ only in how they romanise one name
        ("Mykolaivka", a town, and "Mykolayivka", a village, both Миколаївка) are named
        alike: the one whose own name the text happens to spell gains no name weight over
        the other, which then wins by population and context."""
        own = {spelling_key(e.name) for e, how in options
               if how == PRIMARY and e.kind == "populated_place"
               and e.country in self.theater.countries}
        if not own or all(how != ALTERNATE for _e, how in options):
            return options
        return [(e, PRIMARY) if how == ALTERNATE and e.kind == "populated_place"
                and e.country in self.theater.countries and spelling_key(e.name) in own
                else (e, how) for e, how in options]

    def _supported(self, entry: GazetteerEntry, ctx: Context, span: Span,
                   options: list[tuple[GazetteerEntry, int, float]]) -> bool:
        """False for a small theater place that disagrees with the article's other places
        while other places bear its name, and for a transliteration guess far from the
        front and from the article's places."""
        if entry.kind != "populated_place" or entry.country not in self.theater.countries:
            return True
        if span.quality == SKELETON and not self.theater.on_front(entry):
            return entry.iso3166_2 in ctx.regions or self._near(entry, ctx)
        # namesakes off the front do not make a front-line town's name ambiguous in war news
        namesakes = {e.index for e, how, _p in options
                     if e.kind == "populated_place" and how in (PRIMARY, ALTERNATE)
                     and self.theater.on_front(e)}
        if span.quality != SKELETON and namesakes == {entry.index} and (
                self.theater.on_front(entry) and entry.population >= UNIQUE_TOWN_MIN_POPULATION):
            return True  # the only town of that name, and on the front: trust it
        if entry.population >= NAMED_ALONE_MIN_POPULATION:
            return True
        if not ctx.points.besides(ctx.current) and not ctx.regions:
            return True
        return (entry.iso3166_2 in ctx.regions or self._near(entry, ctx)
                or self._beside_in_sentence(entry, ctx))

    def _beside_in_sentence(self, entry: GazetteerEntry, ctx: Context) -> bool:
        """"на Оріхівському напрямку ... у районі Малокатеринівки", "attacks near Hryshyne,
        west of Pokrovsk": a village within SENTENCE_NEAR_KM of a place (or a direction's
        town) its own sentence names is that sentence's stretch of front, whatever
        regions the rest of the article speaks of."""
        return (entry.latitude is not None and entry.longitude is not None
                and self._sentence_nearest(entry, ctx) is not None)

    def _context(self, choices: list[tuple[GazetteerEntry, float] | None],
                 readings: list[Reading]) -> Context:
        ctx = Context()
        anchors = [(i, c[0]) for i, c in enumerate(choices)
                   if c is not None and c[1] >= ANCHOR_CONFIDENCE]
        for i, entry in anchors:
            ctx.named.setdefault(entry.index, set()).add(readings[i].span.postings)
            if entry.kind == "region" and entry.iso3166_2:
                ctx.regions.add(entry.iso3166_2)
            if entry.country and entry.kind in ("country", "region") and (
                    entry.kind == "region" or entry.country in self.theater.countries
                    or self._locates(entry, readings[i])):
                ctx.countries.add(entry.country)
            elif entry.country and entry.country not in self.theater.countries:
                ctx.abroad.setdefault(entry.country, set()).add(i)
        for i, entry in anchors:
            in_theater = entry.kind == "populated_place" and entry.country in self.theater.countries
            if in_theater and entry.latitude is not None and entry.longitude is not None and (
                    self._anchors_others(entry, ctx)):
                ctx.points.add(i, entry.latitude, entry.longitude)
                ctx.placed.append((readings[i].span.start, i, entry.latitude, entry.longitude,
                                   entry.iso3166_2 or ""))
        ctx.placed += [(m.start, -1, m.latitude, m.longitude, m.iso3166_2 or "")
                       for m in self.landmarks
                       if m.latitude is not None and m.longitude is not None
                       and m.country in self.theater.countries]
        ctx.placed.sort()
        return ctx

    def _locates(self, entry: GazetteerEntry, reading: Reading) -> bool:
        """Whether a country named in the article says where its other names lie: a
        country abroad only where the text names it as a place ("in the United States"),
        not as an actor ("US and Ukrainian delegations met in Geneva" is Geneva,
        Switzerland, not Geneva, Illinois). The theater's countries and every region
        always do."""
        if entry.kind != "country" or entry.country in self.theater.countries:
            return True
        span = reading.span
        return reading.locative or self.cues.placed(span.start, span.end, self.words,
                                                    span.first)

    @staticmethod
    def _anchors_others(entry: GazetteerEntry, ctx: Context) -> bool:
        """Where the article names regions, a village outside them vouches for no other
        place: two wrong namesakes far from the front must not hold each other up. A
        national capital vouches for none either: war news names it for its government
        ("Moscow says Siversk has fallen"), not for where the fighting is."""
        if entry.flags & FLAG_CAPITAL:
            return False
        return (not ctx.regions or entry.iso3166_2 in ctx.regions
                or entry.population >= UNIQUE_TOWN_MIN_POPULATION)

    def _namesakes_of(self, postings: tuple[int, ...]) -> list[tuple[GazetteerEntry, int]]:
        """The entries some postings name, with their theater namesakes (`_with_namesakes`):
        the same for every article, so remembered by postings (a new list each time)."""
        known = self.named_options.get(postings)
        if known is None:
            if len(self.named_options) > MEMO_MAX_ENTRIES:
                self.named_options.clear()
            known = self.named_options[postings] = self._with_namesakes(
                [(self.gaz.entry(p // 4), p % 4) for p in postings])
        return list(known)

    def _options(self, reading: Reading) -> list[tuple[GazetteerEntry, int]]:
        options = self._namesakes_of(reading.span.postings)
        rivers = [(e, how) for e, how in options if e.kind == "river"]
        if rivers and len(rivers) < len(options) and not reading.settlement and (
                self._river_cued(reading)):
            return rivers  # "située sur la rivière Oskil": not the village Oskil nearby
        if any(e.flags & FLAG_NEEDS_CUE for e, _how in options):
            if self._river_cued(reading):  # "the bank of the Dnipro", "am Dnipro"
                return [(e, how) for e, how in options if e.kind == "river"]
            options = [(e, how) for e, how in options if not e.flags & FLAG_NEEDS_CUE]
        bases = [(e, how) for e, how in options if how == REGION_BASE]
        others = [(e, how) for e, how in options if how != REGION_BASE]
        if not (reading.settlement or reading.within or reading.region):
            others = self._world_city_first(others, reading)
        others = self._drop_shared_former_names(others)
        others = self._region_centre_first(others, bases, reading)
        if reading.within:  # "X, in the Y region", "the village of X in Y": X's namesakes in Y
            inside = [(e, how) for e, how in others
                      if e.kind != "populated_place" or e.iso3166_2 == reading.within]
            towns = [e for e, _how in others if e.population >= NAMED_ALONE_MIN_POPULATION]
            # a town elsewhere outweighs a region that may be another name's, not a marker
            others = inside if inside or not towns or reading.settlement else others
        if reading.settlement:
            places = [(e, how) for e, how in others if e.kind == "populated_place"]
            if not places:
                return others  # "villages of Zaporizhzhia Oblast": the marker's region
            if reading.village:  # "the village of Zaporizhzhia" is not the city
                return [(e, how) for e, how in places if e.population < VILLAGE_MAX_POPULATION]
            return places
        if (reading.region and bases) or self._former_name_of_region(reading, bases, others):
            return bases
        if reading.within:
            return others
        if bases and self._region_in_discourse(reading, bases):
            return bases
        return others or bases

    def _with_namesakes(self, options: list[tuple[GazetteerEntry, int]]
                        ) -> list[tuple[GazetteerEntry, int]]:
        """A name that reaches theater villages by another spelling ("Каменское", the
        Russian name GeoNames records for some Kamianskes) names every theater village of
        their own name too (Kamianske, Zaporizhzhia oblast, has no Russian name there):
        GeoNames' alternates are kept for some namesakes and not others, and the choice
        among them is context's, not the alternates' record."""
        theater = self.theater.countries
        names = {fold(e.name) for e, how in options if how == ALTERNATE
                 and e.kind == "populated_place" and e.country in theater}
        if not names:
            return options
        seen = {e.index for e, _how in options}
        for name in names:
            for posting in self.gaz.lookup(name):
                entry = self.gaz.entry(posting // 4)
                if posting % 4 == PRIMARY and entry.index not in seen and (
                        entry.kind == "populated_place" and entry.country in theater):
                    seen.add(entry.index)
                    options.append((entry, ALTERNATE))
        return options

    def _region_centre_first(self, others: list[tuple[GazetteerEntry, int]],
                             bases: list[tuple[GazetteerEntry, int]], reading: Reading
                             ) -> list[tuple[GazetteerEntry, int]]:
        """"Odessa, Tchornomorsk et Mykolaïv touchées": a name that is also a region's
        bare name is that region's centre (the biggest town of the region bearing it), not a
        theater village spelt like it (a Mykolaivka beside Odesa), unless the text marks
        the name as a village or places it in a region."""
        if not bases or reading.village or reading.within:
            return others
        regions = {e.iso3166_2 for e, _how in bases}
        centre = max((e for e, how in others if how in (PRIMARY, ALTERNATE)
                      and e.kind == "populated_place" and e.iso3166_2 in regions),
                     key=lambda e: e.population, default=None)
        if centre is None or centre.population < NAMED_ALONE_MIN_POPULATION:
            return others
        theater = self.theater.countries
        return [(e, how) for e, how in others if e.index == centre.index
                or e.kind != "populated_place" or e.country not in theater]

    def _river_cued(self, reading: Reading) -> bool:
        """A river word around the name ("the left bank of"), or a word right before it
        that only a river takes ("on the Dnipro", "am Oskil"; not where the name heads a
        region, "the Dnipro region", or is placed in one)."""
        span = reading.span
        return self.cues.river(span.start, span.end) or (
            not (reading.region or reading.within) and self.cues.river_before(span.start))

    def _former_name_of_region(self, reading: Reading,
                               bases: list[tuple[GazetteerEntry, int]],
                               others: list[tuple[GazetteerEntry, int]]) -> bool:
        """"avances en Dnipropetrovsk", "Angriffe auf Kirowohrad": a bare name in Latin
        letters that is only the former name of a town whose region still bears it
        (`renamings.toml`, `region_keeps_name`) is the region: the Latin-letter press names
        the town by its new name; Russian text still names it "Днепропетровск"."""
        kept = region_keeps_former_name()
        return bool(bases) and bool(others) and all(
            how == OTHER_NAME and e.geonameid in kept for e, how in others) and (
            self.cues.text[reading.span.start].isascii())

    def _placed_in_theater(self, reading: Reading, villages: list[GazetteerEntry]) -> bool:
        """Whether the text puts a name that may be a world city in the theater: one of
        its theater villages is marked as a village or placed in a region anywhere in the
        article ("the village of New York in the Donetsk region"), or has its region named
        in the name's sentence. Asked only of such names (few), so worked out here."""
        if self.marked_villages is None:
            self.marked_villages = {p // 4 for r in self.readings if r.settlement or r.within
                                    for p in r.span.postings}
        if any(e.index in self.marked_villages for e in villages):
            return True
        start, end = self.cues.sentence(reading.span.start, reading.span.end)
        beside = {iso for other in self.readings
                  if other is not reading and start <= other.span.start < end
                  for iso in self._regions_named_by(other)}
        return any(e.iso3166_2 in beside for e in villages)

    def _regions_named_by(self, reading: Reading) -> set[str]:
        """The regions a reading may name as a region ("Донецькій області", "Донеччині")."""
        return {e.iso3166_2 for e, how in ((self.gaz.entry(p // 4), p % 4)
                                           for p in reading.span.postings)
                if e.kind == "region" and e.iso3166_2
                and (how != REGION_BASE or reading.region)}

    def _world_city_first(self, options: list[tuple[GazetteerEntry, int]],
                          reading: Reading) -> list[tuple[GazetteerEntry, int]]:
        """"Talks in New York": a world city wins over a theater village of the same name
        (Niu-York, Donetsk Oblast) unless the text puts the name in the theater: a village
        marker or a region attached (the caller's test), the village's region named in the
        same sentence, the village marked as one elsewhere in the article, or a list with a
        front-line town near it. The village's region named elsewhere in a war article
        does not: "Zelensky said in New York" after a paragraph on the Donetsk region is
        the city."""
        world = [e for e, _how in options  # its name in any language ("Нью-Йорк")
                 if e.kind == "populated_place" and e.country not in self.theater.countries
                 and self._world_city(e)]
        villages = [e for e, _how in options if e.kind == "populated_place"
                    and e.country in self.theater.countries]
        if not world or not villages or any(e.population >= NAMED_ALONE_MIN_POPULATION
                                            for e in villages):
            return options
        if self._placed_in_theater(reading, villages):
            return options
        if self._listed_with_front_town(villages, reading.mates):
            return options
        return [(e, how) for e, how in options
                if e.kind != "populated_place" or e.country not in self.theater.countries]

    @staticmethod
    def _world_city(entry: GazetteerEntry) -> bool:
        return entry.population >= FOREIGN_UNCUED_MIN_POPULATION or (
            bool(entry.flags & FLAG_CAPITAL) and entry.population >= CAPITAL_MIN_POPULATION)

    def _listed_with_front_town(self, villages: list[GazetteerEntry],
                                mates: tuple[tuple[int, ...], ...]) -> bool:
        """"Russian troops advanced on New York and Toretsk": listed with a front-line town
        (no capital) that lies near one of its theater namesakes, the name is that village."""
        towns = [e for postings in mates for e in (self.gaz.entry(p // 4) for p in postings)
                 if e.kind == "populated_place" and self.theater.on_front(e)
                 and not e.flags & FLAG_CAPITAL]
        return any(_within_reach(v, t) for v in villages for t in towns)

    def _drop_shared_former_names(self, options: list[tuple[GazetteerEntry, int]]
                                  ) -> list[tuple[GazetteerEntry, int]]:
        """A former name loses to a front-line place that bears it today, unless it is one
        that still means its town (data/gazetteer/renamings.toml) and the article names
        that town by its name too ("Лиман, який росіяни називають Красним Лиманом", beside
        the village Krasnyi Lyman): one place per name per article."""
        if not any(how in (PRIMARY, ALTERNATE) and self.theater.on_front(e)
                   for e, how in options):
            return options
        kept = renamed_towns()
        return [(e, how) for e, how in options if how != OTHER_NAME or (
            e.geonameid in kept and self._named_by_its_name(e))]

    def _named_by_its_name(self, entry: GazetteerEntry) -> bool:
        """Whether a reading of the article names `entry` by a current name of its own."""
        return any(p // 4 == entry.index and p % 4 in (PRIMARY, ALTERNATE)
                   for r in self.readings for p in r.span.postings)

    def _region_in_discourse(self, reading: Reading,
                             bases: list[tuple[GazetteerEntry, int]]) -> bool:
        """"Dnipropetrovsk is thinner populated than Donetsk" after "Dnipropetrovsk region":
        once an article has named the region, the bare name keeps meaning it, except after a
        locative preposition ("in Donetsk"). Only in a language that names regions by that
        bare noun ("región de Járkov"): where a region is named by its adjective ("obwód
        charkowski", "Харьковская область"), the bare noun is the city ("zaatakowali
        Charków")."""
        if not self._names_regions_by_base() or not self._named_before(reading, bases):
            return False
        if self._listed_with_settlement(reading):
            return False
        first = reading.span.first
        return first == 0 or self.words[first - 1].key not in self.cues.lex.locative_before

    def _names_regions_by_base(self) -> bool:
        return any("{base}" in template for template in self.cues.lex.region_templates)

    def _listed_with_settlement(self, reading: Reading) -> bool:
        """"ha colpito Kherson e il vicino villaggio di Antonivka": a bare name joined to a
        settlement noun's phrase is a settlement too, whatever region the article named."""
        return self.cues.marked_settlement_after(reading.span.end)

    def _named_before(self, reading: Reading, bases: list[tuple[GazetteerEntry, int]]) -> bool:
        return any(self.regions_named[e.iso3166_2] < reading.span.start
                   for e, _how in bases if e.iso3166_2 in self.regions_named)

    def _mark_regions_among_regions(self, readings: list[Reading]) -> None:
        """A bare name of a region named before, in a sentence among other regions, is
        that region wherever it stands (see `_among_other_regions`); marked per reading, as
        the same name read the same way is otherwise resolved once per article."""
        for reading in readings:
            bases = [(self.gaz.entry(p // 4), p % 4) for p in reading.span.postings
                     if p % 4 == REGION_BASE]
            if (bases and not reading.region and self._named_before(reading, bases)
                    and self._among_other_regions(reading, {e.iso3166_2 for e, _h in bases})):
                reading.region = True

    def _among_other_regions(self, reading: Reading, own: set[str | None]) -> bool:
        """"Units push from the Kursk and Belgorod regions towards Sumy": a sentence that
        speaks of regions (their plural word, or another region named in full) means the
        region by a bare name even after a locative preposition; "shelled the Kharkiv
        region; in Kharkiv a shell hit..." (its own region alone) still means the city."""
        start, end = self.cues.sentence(reading.span.start, reading.span.end)
        return bool(self.cues.regions_word_in(start, end)) or any(
            start <= at < end and iso not in own for at, iso in self.full_regions)

    def _best(self, reading: Reading, options: list[tuple[GazetteerEntry, int, float]],
              ctx: Context) -> tuple[GazetteerEntry, float] | None:
        plausible = [(e, h, prior) for e, h, prior in options
                     if self._plausible(e, h, ctx, reading.locative)]
        if not plausible:
            return None
        if len(plausible) == 1:  # alone, it leads by the whole margin whatever the context
            entry, how, _prior = plausible[0]
            return self._confidence(reading, entry, how, 1.0)
        # the first of the top scores wins (as a stable sort would have it), the best of
        # the others is the runner-up: one pass, no sort
        best = runner_up = -math.inf
        entry, how = plausible[0][0], PRIMARY
        blank = not (ctx.regions or ctx.countries or ctx.points or ctx.named or ctx.abroad)
        ctx.namesakes = bool(ctx.placed) and not blank and sum(
            e.kind == "populated_place" and e.country in self.theater.countries
            for e, _h, _p in plausible) > 1
        for e, h, prior in plausible:  # a blank context (the first pass) scores nothing
            score = prior if blank else prior + self._context_score(e, ctx)
            if score > best:
                runner_up = best
                best, entry, how = score, e, h
            elif score > runner_up:
                runner_up = score
        return self._confidence(reading, entry, how,
                                min(1.0, (best - runner_up) / MARGIN_FOR_CERTAINTY))

    @staticmethod
    def _confidence(reading: Reading, entry: GazetteerEntry, how: int, lead: float
                    ) -> tuple[GazetteerEntry, float]:
        """The chosen entry with the resolver's confidence, from its lead over the
        runner-up as a share of MARGIN_FOR_CERTAINTY."""
        confidence = reading.span.quality * (0.5 + 0.45 * lead)
        if how == REGION_BASE and not reading.region:
            confidence = min(confidence, REGION_FALLBACK_CONFIDENCE)
        return entry, round(confidence, 3)

    def _plausible(self, entry: GazetteerEntry, how: int, ctx: Context, locative: bool) -> bool:
        """Theater places always; a town abroad only when big (by its own name, see
        FOREIGN_NAMED_MIN_POPULATION), or named after a locative preposition ("talks in
        Davos"): small foreign towns share names with people and words ("Jerome",
        "Federal", "Victoria")."""
        if entry.kind != "populated_place":
            return True
        if entry.country in self.theater.countries:
            return how != OTHER_NAME or entry.population >= RENAMED_MIN_POPULATION
        if entry.country in ctx.countries and locative:
            return entry.population >= NAMED_COUNTRY_MIN_POPULATION
        if how in (PRIMARY, ALTERNATE) and locative:  # "à Genève", "talks in Davos"
            return entry.population >= FOREIGN_PRIMARY_MIN_POPULATION
        if locative:  # "in Genf": a translated name counts for a big city
            return _big_abroad(entry) or entry.population >= FOREIGN_EXONYM_MIN_POPULATION
        return named_bare_abroad(entry, how)

    def _prior(self, entry: GazetteerEntry, how: int) -> float:
        if how == OTHER_NAME and self._renamed_front_town(entry):
            how = ALTERNATE  # "Artemovsk", "Dzerzhinsk": the names one side still uses
        score = NAME_WEIGHT[how] + KIND_BONUS[entry.kind]
        score += POPULATION_WEIGHT * math.log10(entry.population + 1) / 7
        if entry.country in self.theater.countries:
            score += THEATER_BONUS
        if entry.flags & FLAG_CAPITAL:
            score += CAPITAL_BONUS
        if self.theater.on_front(entry):
            score += FRONT_BONUS
        return score

    def _renamed_front_town(self, entry: GazetteerEntry) -> bool:
        """A front-line town big enough that its former name still means it (see
        RENAMED_MIN_POPULATION): one side's reports name it so to this day, so the name
        weighs as another spelling, not as history, against small namesakes far away."""
        return (entry.kind == "populated_place" and entry.population >= RENAMED_MIN_POPULATION
                and self.theater.on_front(entry))

    def _context_score(self, entry: GazetteerEntry, ctx: Context) -> float:
        score = 0.0
        if entry.kind != "region" and entry.iso3166_2 in ctx.regions:
            score += REGION_NAMED_BONUS
        if entry.country in ctx.countries:
            score += COUNTRY_NAMED_BONUS
        elif any(i != ctx.current for i in ctx.abroad.get(entry.country or "", ())):
            score += TOWNS_COUNTRY_BONUS
        km = self._nearest_km(entry, ctx)
        if km is not None:  # of two namesakes within reach, the closer one is likelier
            score += NEAR_OTHERS_BONUS * (1 - NEAR_GRADED_SHARE * km / NEAR_OTHERS_KM)
        named = ctx.named.get(entry.index)
        if named and (len(named) > 1 or ctx.postings not in named):  # named another way too
            score += SAME_ARTICLE_BONUS
        if ctx.namesakes and entry.latitude is not None and entry.longitude is not None and (
                entry.country in self.theater.countries):
            beside = self._sentence_nearest(entry, ctx)
            if beside is not None:
                km, region = beside
                score += SENTENCE_NEAR_BONUS * (1 - km / SENTENCE_NEAR_KM)
                if region == entry.iso3166_2 and region not in ctx.regions:
                    score += REGION_NAMED_BONUS  # the sentence names a place of its region
        return score

    def _sentence_nearest(self, entry: GazetteerEntry, ctx: Context
                          ) -> tuple[float, str] | None:
        """The distance to the closest confident theater place (or landmark) that another
        reading of the current reading's sentence names, when one is within
        SENTENCE_NEAR_KM, and that place's region."""
        if ctx.sentence is None:
            span = self.readings[ctx.current].span
            ctx.sentence = self.cues.sentence(span.start, span.end, SENTENCE_REACH)
        start, end = ctx.sentence
        nearest: tuple[float, str] | None = None
        for k in range(bisect_left(ctx.placed, (start,)), len(ctx.placed)):
            at, i, lat, lon, region = ctx.placed[k]
            if at >= end:
                break
            if i != ctx.current:
                if abs(lat - (entry.latitude or 0.0)) >= NEAR_BOX_DEGREES:
                    continue
                km = distance_km(entry.latitude or 0.0, entry.longitude or 0.0, lat, lon)
                if km < SENTENCE_NEAR_KM and (nearest is None or km < nearest[0]):
                    nearest = (km, region)
        return nearest

    def _nearest_km(self, entry: GazetteerEntry, ctx: Context) -> float | None:
        if entry.latitude is None or entry.longitude is None or not ctx.points:
            return None
        return ctx.points.nearest_km(entry.latitude, entry.longitude, ctx.current)

    def _near(self, entry: GazetteerEntry, ctx: Context) -> bool:
        if entry.latitude is None or entry.longitude is None or not ctx.points:
            return False
        return ctx.points.near(entry.latitude, entry.longitude, ctx.current)

    def _mention(self, reading: Reading, entry: GazetteerEntry, confidence: float,
                 war: bool = True) -> PlaceMention:
        """The mention of a chosen entry. In war news (`war`: the article names a place
        of the theater) a capital or country is an actor unless named as a place ("Kyiv
        rejected", "les troupes de Moscou"); elsewhere it is a place unless the words
        around mark it as an actor ("the summit in Brussels", "rains in Delhi", "les
        vins du Chili"; but "Washington imposed tariffs")."""
        span = reading.span
        acts = self._can_act(entry) and (
            self.cues.actor(span.start, span.end, self.words, span.first,
                            listed_as_place=reading.locative)
            if war else self.cues.marked_actor(span.start, span.end, self.words, span.first,
                                               listed_as_place=reading.locative))
        if war and not acts and entry.country not in self.theater.countries and (
                self._town_abroad(entry)):  # "Hamilton said": a surname
            acts = self.cues.marked_actor(span.start, span.end, self.words, span.first,
                                          listed_as_place=reading.locative)
        metonym = bool(entry.flags & FLAG_METONYM) or acts
        # every field, by position in PlaceMention's order (start, end, surface, name, kind,
        # geonameid, country, iso3166_2, latitude, longitude, confidence, metonym): binding
        # twelve keywords was a third of the cost of building the mention, made per name
        return PlaceMention(
            span.start, span.end, self.cues.text[span.start:span.end], entry.name, entry.kind,
            entry.geonameid, entry.country, entry.iso3166_2, entry.latitude, entry.longitude,
            confidence, metonym)

    def _town_abroad(self, entry: GazetteerEntry) -> bool:
        """A town outside the theater that is no capital: where the words around mark it
        as the subject of a verb of saying or doing ("Hamilton said", "Lincoln told"), the
        name is a person's (a surname opening the sentence, or after a first name), not the
        town's: war news quotes people, not foreign towns. Only in war news: general news
        names towns as subjects ("Hamilton is a port city")."""
        return (entry.kind == "populated_place" and entry.country not in self.theater.countries
                and not entry.flags & FLAG_CAPITAL)

    @staticmethod
    def _can_act(entry: GazetteerEntry) -> bool:
        """Capitals and countries stand for their governments ("Kyiv said")."""
        return bool(entry.flags & FLAG_CAPITAL) or entry.kind == "country"


def _as_placed(picks: list[tuple[Reading, GazetteerEntry, float]]
               ) -> list[tuple[Reading, GazetteerEntry, float]]:
    """One village per name per article: where the text puts a name in a region ("Зеленый
    Гай Запорожской области"), the same name elsewhere in the article ("бои за Зеленый Гай
    продолжаются") is that village; else every mention of a name is the village its most
    confident mention resolved to ("w rejonie Małokateryniwki i Kamianskego", beside a
    village of its oblast, over a bare "Kamianske" that population alone decided)."""
    best: dict[tuple[int, ...], tuple[bool, float, GazetteerEntry]] = {}
    for r, entry, confidence in picks:
        if entry.kind == "populated_place":
            rank = (r.within is not None, confidence, entry)
            kept = best.get(r.span.postings)
            if kept is None or rank[:2] > kept[:2]:
                best[r.span.postings] = rank
    return [(r, best[r.span.postings][2], c)
            if r.within is None and entry.kind == "populated_place" else (r, entry, c)
            for r, entry, c in picks]


_OptionMemos = tuple[dict[tuple[int, ...], list[tuple[GazetteerEntry, int]]],
                     dict[tuple[int, int], float]]


def _known_options(gaz: Gazetteer, theater: Theater) -> _OptionMemos:
    """Postings -> their entries with namesakes, and (entry index, name kind) -> prior,
    for one gazetteer and theater: pure functions of the two, asked again by every article
    that names the same places (names recur across a news stream). Kept in the
    gazetteer's lookup memo, with the theater itself (so that its id stays its own)."""
    memo = memo_for(gaz)
    key = ("resolve", "", str(id(theater)))
    kept = memo.get(key)
    if kept is None or kept[0] is not theater:
        kept = memo[key] = (theater, {}, {})
    return kept[1], kept[2]


def _big_abroad(entry: GazetteerEntry) -> bool:
    return entry.population >= FOREIGN_UNCUED_MIN_POPULATION or (
        bool(entry.flags & FLAG_CAPITAL) and entry.population >= CAPITAL_MIN_POPULATION)


def named_bare_abroad(entry: GazetteerEntry, how: int) -> bool:
    """Whether a town abroad counts when its name stands bare, with no locative
    preposition: a big city or capital by any of its names, a city by its own name (see
    FOREIGN_NAMED_MIN_POPULATION)."""
    return _big_abroad(entry) or (
        how == PRIMARY and entry.population >= FOREIGN_NAMED_MIN_POPULATION)


def _within_reach(a: GazetteerEntry, b: GazetteerEntry) -> bool:
    """Whether two places lie within NEAR_OTHERS_KM of each other."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return False
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= NEAR_OTHERS_KM

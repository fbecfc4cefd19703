"""Place states on a date as KML, for Google Earth, QGIS and the GIS tools that read it.

Written with the standard library's ElementTree rather than simplekml: simplekml leaves
`ExtendedData` values and any `<![CDATA[` in a text unescaped, so a hostile place name or
outlet could break the file or smuggle markup into it. ElementTree escapes every text,
and each balloon description is HTML-escaped first (KML viewers render descriptions as
HTML), so article words always show as words.
"""

from __future__ import annotations

import html
import tomllib
from collections.abc import Iterable
from datetime import date
from functools import cache
from importlib import resources
from typing import Any
from xml.etree import ElementTree as ET

from frontledger.defaults import DEFAULT_THEATER
from frontledger.records import PlaceState
from frontledger.theater import load_theater

KML_NS = "http://www.opengis.net/kml/2.2"
# Icon opacity (KML's alpha byte): opaque, as on the map page.
ICON_ALPHA = "ff"


@cache
def _colours() -> dict[str, Any]:
    path = resources.files("frontledger") / "data" / "exports" / "kml.toml"
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _side_colours(theater: str) -> dict[str, str]:
    """Side code → CSS colour, for the sides the theater file gives one."""
    return {code: side.colour for code, side in load_theater(theater).sides.items()
            if side.colour}


def _kml_colour(css: str) -> str:
    """CSS #rrggbb to KML's aabbggrr."""
    red, green, blue = css[1:3], css[3:5], css[5:7]
    return f"{ICON_ALPHA}{blue}{green}{red}".lower()


def _style_id(state: PlaceState, theater: str) -> str:
    """The placemark's style: its controller's colour, contested, or unknown."""
    if state.status == "contested":
        return "contested"
    sides = _side_colours(theater)
    return f"side-{state.controller}" if state.controller in sides else "unknown"


def _description(state: PlaceState) -> str:
    views = "; ".join(
        f"{v.side} says {v.controller or 'not the accused side'} holds it"
        + (f" ({v.fraction:.0%})" if v.fraction is not None else "")
        + (f" since {v.since.isoformat()}" if v.since else "") for v in state.views)
    return html.escape(f"{state.status}, controller {state.controller or 'none'} on "
                       f"{state.on.isoformat()}. {views}")


def _styles(document: ET.Element, theater: str) -> None:
    colours = _colours()
    named = {f"side-{side}": css for side, css in _side_colours(theater).items()}
    for style_id, css in (named | {"contested": colours["contested"],
                                   "unknown": colours["unknown"]}).items():
        style = ET.SubElement(document, "Style", id=style_id)
        icon = ET.SubElement(style, "IconStyle")
        ET.SubElement(icon, "color").text = _kml_colour(css)


def _placemark(folder: ET.Element, state: PlaceState, theater: str) -> None:
    mark = ET.SubElement(folder, "Placemark")
    ET.SubElement(mark, "name").text = state.place_name
    ET.SubElement(mark, "description").text = _description(state)
    ET.SubElement(mark, "styleUrl").text = f"#{_style_id(state, theater)}"
    data = ET.SubElement(mark, "ExtendedData")
    for name, value in (("status", state.status), ("controller", state.controller),
                        ("geonameid", state.geonameid), ("iso3166_2", state.iso3166_2),
                        ("date", state.on.isoformat()), ("place_key", state.place_key)):
        item = ET.SubElement(data, "Data", name=name)
        ET.SubElement(item, "value").text = "" if value is None else str(value)
    point = ET.SubElement(mark, "Point")
    ET.SubElement(point, "coordinates").text = f"{state.longitude},{state.latitude}"


def control_kml(states: Iterable[PlaceState], on: date, theater: str = DEFAULT_THEATER,
                ) -> tuple[str, int]:
    """A KML document with one placemark per located place state on `on`, coloured by
    its consensus controller; returns the text and the number of placemarks (places
    without coordinates cannot be drawn and are left out)."""
    root = ET.Element("kml", xmlns=KML_NS)
    document = ET.SubElement(root, "Document")
    ET.SubElement(document, "name").text = f"frontledger: control as of {on.isoformat()}"
    _styles(document, theater)
    folder = ET.SubElement(document, "Folder")
    ET.SubElement(folder, "name").text = "places"
    drawn = 0
    for state in states:
        if state.latitude is None or state.longitude is None:
            continue
        _placemark(folder, state, theater)
        drawn += 1
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n", drawn

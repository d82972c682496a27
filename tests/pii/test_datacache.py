"""The name data's cache folder: written whole or not at all."""

from __future__ import annotations

import pytest

from iolint.pii import datacache


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_write_cut_short_leaves_no_file_behind(tmp_path, monkeypatch, failure):
    """A full disk (or Ctrl-C) while the name data was written left a temporary file of up to
    a dozen MB in the user's cache folder, never removed."""

    def cut(*args):
        raise failure

    monkeypatch.setattr(datacache.os, "replace", cut)
    if isinstance(failure, OSError):
        assert datacache._write(tmp_path / "names.json-cccc", b"{}" * 1000) is False
    else:
        with pytest.raises(KeyboardInterrupt):
            datacache._write(tmp_path / "names.json-cccc", b"{}" * 1000)
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    assert datacache._write(tmp_path / "names.json-cccc", b"{}")
    assert [p.name for p in tmp_path.iterdir()] == ["names.json-cccc"]

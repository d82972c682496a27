"""The wheel carries the rule catalogue: built, installed in a fresh venv, `iolint rules` works."""

import subprocess
import sys
import sysconfig
import venv
import zipfile

from tests.conftest import ROOT


def test_wheel_installs_and_lists_rules(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", dist, ROOT],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("iolint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "iolint/rules/payment.yaml" in names
    assert "iolint/py.typed" in names  # type checkers read iolint's annotations
    assert "iolint/appview/preview.css" in names  # the preview's stylesheet is package data
    # The personal-data word lists and lexicons, which the detectors read at import.
    data = sorted(p.name for p in (ROOT / "iolint" / "pii" / "data").glob("*.txt"))
    assert data and all(f"iolint/pii/data/{name}" in names for name in data)
    # A fresh venv that reuses this interpreter's installed dependencies (a .pth names its
    # site-packages): nothing is downloaded. Not system_site_packages: in a virtual environment
    # made from the system's Python, the dependencies are in that environment, not the system's.
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    (site,) = (env_dir / "lib").glob("python*/site-packages")
    paths = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    (site / "iolint-test-dependencies.pth").write_text("".join(f"{p}\n" for p in paths), "utf-8")
    python = env_dir / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "--no-deps", "--no-index", "--force-reinstall", wheel],
        check=True,
        capture_output=True,
    )
    env = {"PATH": "/usr/bin:/bin", "PYTHONNOUSERSITE": "1"}
    proc = subprocess.run(
        [
            python,
            "-c",
            "import iolint, iolint.ruleset as c, iolint.pii.special; print(iolint.__file__); print(c.builtin_dir())",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    )
    module_file, rules_dir = proc.stdout.split()
    assert module_file.startswith(str(env_dir)) and rules_dir.startswith(str(env_dir))
    proc = subprocess.run([env_dir / "bin" / "iolint", "rules"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "IO205  notice-number-check-digits" in proc.stdout

"""Build and locate the self-check package's pure-Python wheel."""

import subprocess
import sys
import zipfile
from pathlib import Path

from sitebuild import PROJECT_ROOT, BuildError

PACKAGE_DIR = PROJECT_ROOT / "assessment"
WHEEL_DIR = PROJECT_ROOT / "build" / "wheel"
WHEEL_GLOB = "alliance_check-*-py3-none-any.whl"


def build_wheel(out_dir: Path = WHEEL_DIR) -> Path:
    """Build the wheel into ``out_dir`` (reproducibly: hatchling fixes timestamps)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob(WHEEL_GLOB):
        stale.unlink()
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--wheel", str(PACKAGE_DIR), "-o", str(out_dir)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return find_wheel(out_dir)


def find_wheel(wheel_dir: Path = WHEEL_DIR) -> Path:
    """Return the one built wheel, or fail saying which command builds it."""
    wheels = sorted(wheel_dir.glob(WHEEL_GLOB))
    if not wheels:
        raise BuildError(f"No alliance_check wheel in {wheel_dir}. Run `make wheel` to build it.")
    if len(wheels) > 1:
        names = ", ".join(w.name for w in wheels)
        raise BuildError(f"Several wheels in {wheel_dir} ({names}). Run `make wheel` to rebuild one.")
    return wheels[0]


def check_wheel_is_current(built: Path, source_dir: Path = PACKAGE_DIR / "src") -> None:
    """Fail if the wheel's package files differ from the source's (forms use the source, browsers the wheel)."""
    package = source_dir / "alliance_check"
    in_source = {
        path.relative_to(source_dir).as_posix(): path.read_bytes()
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    with zipfile.ZipFile(built) as archive:
        in_wheel = {name: archive.read(name) for name in archive.namelist() if name.startswith("alliance_check/")}
    changed = sorted(name for name in in_source.keys() | in_wheel.keys() if in_source.get(name) != in_wheel.get(name))
    if changed:
        shown = ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")
        source_folder = package.relative_to(PROJECT_ROOT) if package.is_relative_to(PROJECT_ROOT) else package
        raise BuildError(f"{built.name} is older than {source_folder} ({shown}). Run `make wheel`.")


if __name__ == "__main__":
    print(build_wheel())

"""Build and locate the self-check package's pure-Python wheel."""

import subprocess
import sys
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


if __name__ == "__main__":
    print(build_wheel())

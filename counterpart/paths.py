"""Where the course's files live, found relative to this package (the repository root)."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOURCE = DATA / "source" / "report_zh.txt"
FONTS = DATA / "fonts"
NOTEBOOKS = ROOT / "notebooks"
EXERCISES = ROOT / "exercises"

"""Regenerate data/report.csv from data/source/report_zh.txt. Never edit report.csv by hand."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from counterpart import segment  # noqa: E402
from counterpart.paths import DATA  # noqa: E402

if __name__ == "__main__":
    rows = segment.segment(segment.source_text())
    (DATA / "report.csv").write_text(segment.to_csv(rows), encoding="utf-8", newline="")
    print(f"wrote data/report.csv: {len(rows)} rows")

"""Build the course website or the printed handouts (run by `python3 course.py site|handouts`).

    python scripts/build_site.py site        the website into _build/site/
    python scripts/build_site.py handouts    A4 PDFs into _build/handouts/ (builds the site first
                                             when _build/site/ is missing)

The logic is in counterpart/site.py and counterpart/handouts.py.
"""
import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from counterpart import handouts, site  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=("site", "handouts"))
    args = parser.parse_args(argv)
    try:
        if args.what == "site" or not (site.SITE_DIR / "index.html").is_file():
            seconds = site.build()
            print(f"[course] website built in {seconds:.0f} s: open "
                  f"{(site.SITE_DIR / 'index.html').relative_to(ROOT)} or publish the folder "
                  f"{site.SITE_DIR.relative_to(ROOT)}/ on any static host")
        if args.what == "handouts":
            started = time.monotonic()
            written = handouts.make_handouts()
            print(f"[course] {len(written)} handouts printed in "
                  f"{time.monotonic() - started:.0f} s into "
                  f"{handouts.HANDOUT_DIR.relative_to(ROOT)}/")
    except (site.SiteError, FileNotFoundError) as error:
        sys.exit(f"[course] {error}")


if __name__ == "__main__":
    main()

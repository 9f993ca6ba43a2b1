"""Install the classroom JupyterLab settings (jupyter-settings/) into a Python environment.

A classroom may be offline: JupyterLab must not ask to fetch Jupyter news, check for updates,
or offer the extension manager (which searches PyPI). JupyterLab 4 reads

- {prefix}/share/jupyter/lab/settings/overrides.json: default values of plugin settings;
- {prefix}/share/jupyter/lab/settings/page_config.json: "disabledExtensions", plugins not loaded.

Standard library only: the launcher calls install_settings(venv_prefix) right after creating
the environment. From the command line: python scripts/jupyter_settings.py PREFIX
"""
import json
import sys
from pathlib import Path

SETTINGS_SOURCE = Path(__file__).resolve().parent.parent / "jupyter-settings"


def settings_dir(prefix):
    """Where JupyterLab installed in the environment at prefix looks for its app settings."""
    return Path(prefix) / "share" / "jupyter" / "lab" / "settings"


def _read(path):
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _write(path, data):
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def install_settings(prefix):
    """Merge the course's overrides.json and page_config.json into prefix's settings folder.

    Settings already there are kept unless the course sets the same key; running it twice
    changes nothing. Returns the settings folder.
    """
    target = settings_dir(prefix)
    target.mkdir(parents=True, exist_ok=True)

    overrides = _read(target / "overrides.json")
    for plugin, values in _read(SETTINGS_SOURCE / "overrides.json").items():
        overrides.setdefault(plugin, {}).update(values)
    _write(target / "overrides.json", overrides)

    page_config = _read(target / "page_config.json")
    course_page_config = _read(SETTINGS_SOURCE / "page_config.json")
    disabled = page_config.get("disabledExtensions", [])
    if isinstance(disabled, dict):  # JupyterLab accepts {"name": true} as well as a list
        disabled = [name for name, off in disabled.items() if off]
    for name in course_page_config.get("disabledExtensions", []):
        if name not in disabled:
            disabled.append(name)
    page_config["disabledExtensions"] = disabled
    _write(target / "page_config.json", page_config)
    return target


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python scripts/jupyter_settings.py PREFIX  (e.g. .venv)")
    print(f"JupyterLab classroom settings installed in {install_settings(sys.argv[1])}")

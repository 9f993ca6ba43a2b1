"""Links that open the course elsewhere: an nbgitpuller link for a JupyterHub, and Binder.

Standard library only: `course.py link` and the website's launch buttons both call
:func:`hub_link`, so a class link and a button can never disagree. Base addresses and the
default repository live in course.toml's [launch] table.
"""
from __future__ import annotations

from urllib.parse import quote, urlencode, urlsplit

from . import manifest

START = "notebooks/00_start_here.ipynb"


def repo_folder(repo: str) -> str:
    """The folder a student's copy of ``repo`` goes in: the last part of its address, less .git.

    The link names it (nbgitpuller's ``targetpath``): left to itself nbgitpuller would keep
    the ``.git`` and, for an address ending in ``/``, pick an empty name."""
    name = urlsplit(repo).path.rstrip("/").rsplit("/", 1)[-1]
    name = name.removesuffix(".git")
    if not name:
        raise ValueError(f"cannot tell a folder name from the repository address {repo!r}")
    return name


def hub_link(hub: str, repo: str, branch: str = "main", path: str = START,
             app: str = "lab") -> str:
    """The nbgitpuller link that clones (or updates) ``repo`` at ``branch`` into a user's home
    on ``hub`` and opens ``path`` (relative to the repository) in JupyterLab.

    Students work in that clone: a second click pulls the course's updates and nbgitpuller's
    merge keeps their edits. ``branch`` may be a tag, but nbgitpuller (1.3) updates branches
    only, so a second click on a tag's link fails: pin a class with a branch made at a tag."""
    if not hub.startswith(("http://", "https://")):
        raise ValueError(f"the hub address must start with http:// or https://, not {hub!r}")
    if not repo:
        raise ValueError("give the repository's git address (https://..., or file://... to test)")
    if not branch:
        raise ValueError("give a branch or tag to pull (for example main, or a release tag)")
    folder = repo_folder(repo)
    query = urlencode({"repo": repo, "branch": branch, "targetpath": folder,
                       "urlpath": f"{app}/tree/{folder}/{path}"}, quote_via=quote)
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def binder_link(repo: str, branch: str = "main", path: str = START,
                binder: str | None = None) -> str:
    """The Binder address that builds ``repo`` (a GitHub address) and opens ``path``."""
    binder = binder or manifest.read().get("launch", {}).get("binder", "https://mybinder.org")
    parts = urlsplit(repo).path.strip("/").removesuffix(".git")
    return (f"{binder.rstrip('/')}/v2/gh/{parts}/{quote(branch, safe='')}"
            f"?urlpath={quote('lab/tree/' + path, safe='')}")


def defaults() -> dict:
    """course.toml's [launch] table (hub, repo, branch, binder)."""
    return dict(manifest.read().get("launch", {}))

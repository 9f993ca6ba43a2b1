#!/bin/sh
# The Littlest JupyterHub (one server): install the course's environment for all users.
# Run as an admin, in a terminal on the hub, from anywhere. Replace the repository address.
# Sizes: see the README's "On a JupyterHub" section (measured with course.py classroom-test).
set -eu
REPO=https://github.com/OWNER/counterpart-course
BRANCH=main
COURSE=/srv/counterpart-course   # the instructor's copy, outside every student's home

# 1. The course's package and pins, into TLJH's user environment (/opt/tljh/user), which
#    every student's server and kernel use. -e: the package reads data/ from this copy.
sudo git clone --branch "$BRANCH" "$REPO" "$COURSE"
sudo -E /opt/tljh/user/bin/pip install -r "$COURSE/requirements-hub.txt" -c "$COURSE/constraints.txt"
sudo -E /opt/tljh/user/bin/pip install --no-deps -e "$COURSE"
sudo -E /opt/tljh/user/bin/python "$COURSE/scripts/jupyter_settings.py" /opt/tljh/user

# 2. JupyterLab by default, and limits per student (from the measured peak; see the README).
sudo tljh-config set user_environment.default_app jupyterlab
sudo tljh-config set limits.memory 1G
sudo tljh-config set limits.cpu 1
# Stop servers idle for an hour (their files stay; the next click starts a fresh server).
sudo tljh-config set services.cull.timeout 3600
sudo tljh-config reload

# 3. Students open the link `python3 course.py link --hub https://YOUR-HUB --repo "$REPO"`
#    prints. To update the course later: sudo git -C "$COURSE" pull (the package and data),
#    then students click the same link again (their notebooks; their edits are kept).

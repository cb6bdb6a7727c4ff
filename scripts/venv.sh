# Sourced by scripts/demo and scripts/test: make .venv and install aebot into it, but only
# when pyproject.toml (or the extras asked for) changed since the last install. The install is
# editable, so code changes need no reinstall.
# usage: ensure_venv ""      (aebot alone)   |   ensure_venv test   (aebot with the test extra)
ensure_venv() {
  local extras=$1 py=${PYTHON:-python3} want have
  if [ ! -x .venv/bin/python ]; then
    "$py" -m venv .venv
    .venv/bin/python -m pip install -q --disable-pip-version-check -U pip >/dev/null
  fi
  want="$(sha256sum pyproject.toml | cut -c1-16) ${extras:-none}"
  have=$(cat .venv/.aebot-installed 2>/dev/null || true)
  # the test install holds everything the plain one needs
  if [ "$have" = "$want" ] || { [ -z "$extras" ] && [ "${have% *}" = "${want% *}" ]; }; then
    return 0
  fi
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extras:+[$extras]}"
  echo "$want" > .venv/.aebot-installed
}

#!/usr/bin/env bash
# Provisions a Debian sid root holding Synapse, cached outside the clone so later runs reuse it.
# Debian bookworm has no matrix-synapse and neither Docker nor PyPI is reachable here; sid is.
# Usage: provision.sh            (prints the root folder on its last line)
set -euo pipefail

ROOT="${PARLEY_SYNAPSE_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/parley/synapse-sid}"
MIRROR="${PARLEY_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
READY="$ROOT/.parley-ready"

log() { echo "[provision] $*" >&2; }

if [ -f "$READY" ] && chroot "$ROOT" python3 -c 'import synapse' 2>/dev/null; then
  echo "$ROOT"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  log "provisioning Synapse needs root (debootstrap, chroot)."
  log "Either run as root, or set PARLEY_HOMESERVER_URL and PARLEY_REGISTRATION_SECRET to use an existing homeserver."
  exit 1
fi

apt_host() {
  if ! command -v "$1" >/dev/null 2>&1; then
    log "installing $2 on the host"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  fi
}
apt_host debootstrap debootstrap

# A half-made root from an interrupted run is thrown away rather than repaired.
rm -rf "$ROOT"
mkdir -p "$(dirname "$ROOT")"
log "debootstrap Debian sid into $ROOT (about half a minute)"
debootstrap --variant=minbase sid "$ROOT" "$MIRROR" >"$ROOT.debootstrap.log" 2>&1 || {
  tail -30 "$ROOT.debootstrap.log" >&2; exit 1; }
log "installing matrix-synapse inside the root"
chroot "$ROOT" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  matrix-synapse >"$ROOT.apt.log" 2>&1 || { tail -30 "$ROOT.apt.log" >&2; exit 1; }
chroot "$ROOT" python3 -c 'import synapse; print(synapse.__version__)' >&2
touch "$READY"
echo "$ROOT"

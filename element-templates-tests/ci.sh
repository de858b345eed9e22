#!/usr/bin/env bash
# CI for the element templates in ../element-templates, on a fresh Debian machine with node 20 / npm 11:
#   npm ci -> validate every template -> Debian's Chromium if missing -> browser test in the real modeler.
# The browser test refreshes ../connector/src/test/resources/modeler/modeler-exported-cta.bpmn and
# ../docs/element-template-properties-panel.png. Any failure stops the script with a non-zero exit.
set -euo pipefail
cd "$(dirname "$0")"

CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}

timed() {
  local name=$1 started=$SECONDS
  shift
  echo "==> $name"
  "$@"
  echo "<== $name: $((SECONDS - started)) s"
}

install_chromium() {
  if [ -x "$CHROMIUM" ]; then
    echo "already installed"
  elif [ "$(id -u)" -ne 0 ]; then
    echo "$CHROMIUM is missing; installing Debian's chromium needs root" >&2
    return 1
  else
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core fonts-liberation >/dev/null
  fi
  "$CHROMIUM" --version 2>/dev/null
}

started=$SECONDS
# A checkout from before the npm project moved here may still have its git-ignored node_modules in the template
# folder, which Camunda Modeler would read as broken templates.
rm -rf ../element-templates/node_modules
timed "npm ci" npm ci --no-audit --no-fund
timed "validate templates" npm run --silent validate
timed "chromium" install_chromium
timed "browser test in camunda-bpmn-js" npm run --silent test:modeler

# The refreshed files are committed; say so when this run changed them (the template or the modeler changed).
if git -C .. rev-parse --git-dir >/dev/null 2>&1; then
  changed=$(git -C .. status --porcelain -- connector/src/test/resources/modeler docs/element-template-properties-panel.png)
  if [ -n "$changed" ]; then
    echo "note: the browser test changed these committed files; commit them:"
    echo "$changed"
  fi
fi
echo "element templates CI passed in $((SECONDS - started)) s"

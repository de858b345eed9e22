#!/usr/bin/env bash
# CI for the example journey (called by the repo's .ci/run after `mvn -B verify` at the root):
#   1. lints the BPMN with Camunda's C7 rules (bpmnlint + camunda-compat for Camunda Platform 7.24) and opens it in
#      the Camunda 7 modeler library (camunda-bpmn-js) with the element template: no import warnings, template applied
#   2. runs the README's one command and checks its exit code (0 = every demo customer took its designed route),
#      then the same jar configured like a real Kaleyra account (KALEYRA_* variables) against a stand-alone sandbox
#   3. runs the example again with --keep-running and, in headless Chromium, checks and screenshots the sandbox's
#      message viewer (docs/sandbox-viewer.png) and Cockpit with the journey's instances and incident
#      (docs/cockpit.png), taps Leela Pillai's button in the viewer (Track taps: the one-shot run taps for her itself,
#      keep-running leaves it to a person) and sees her journey continue to "Confirmed by tap"; then stops it.
# Needs: JDK 17+, Maven, Node 20+ with npm, Debian's chromium (installed with apt-get when missing).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
START=$(date +%s)
step() { printf '\n== %s (%ss)\n' "$1" "$(( $(date +%s) - START ))"; }

# CI never sends real WhatsApp messages: without these the one command uses the local sandbox
unset KALEYRA_SID KALEYRA_API_KEY KALEYRA_BUSINESS_NUMBER KALEYRA_DEMO_RECIPIENT

APP_PID=""
SANDBOX_PID=""
WORK="$(mktemp -d)"
stop() { # the processes this script started, by their ids
  for pid in "$@"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
}
cleanup() {
  stop "$APP_PID" "$SANDBOX_PID"
  rm -rf "$WORK"
}
trap cleanup EXIT

step "tools"
if [[ ! -x /usr/bin/chromium ]]; then
  echo "installing Debian's chromium"
  SUDO=""; [[ "$(id -u)" -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
# sed reads to the end (head would close the pipe early, and with pipefail a broken pipe fails the script)
java -version 2>&1 | sed -n 1p; mvn -v 2>&1 | sed -n 1p; node --version; /usr/bin/chromium --version
(cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error)

step "lint the journey's BPMN with Camunda's C7 rules"
(cd "$HERE" && node scripts/lint-bpmn.mjs src/main/resources/bpmn/appointment-reminder.bpmn)

step "open the journey in the Camunda 7 modeler library with the element template"
(cd "$HERE" && node scripts/modeler-check.mjs src/main/resources/bpmn/appointment-reminder.bpmn)

step "the one command"
cd "$ROOT"
set +e
mvn -B -q -DskipTests -pl example-process -am package && java -jar example-process/target/kaleyra-cta-example.jar \
  | tee "$WORK/run.log"
STATUS=${PIPESTATUS[0]}
set -e
[[ $STATUS -eq 0 ]] || { echo "FAILED: the one command exited $STATUS"; exit 1; }
grep -q "All routes behaved as designed." "$WORK/run.log" || { echo "FAILED: no success line"; exit 1; }
echo "the one command exited 0"

step "the credentials path (one real message), pointed at a stand-alone sandbox through KALEYRA_BASE_URL"
# the sandbox's main class from the example's jar (Spring Boot's PropertiesLauncher), on a free port
java -cp example-process/target/kaleyra-cta-example.jar -Dloader.main=io.kaleyracta.sandbox.KaleyraSandboxMain \
  org.springframework.boot.loader.launch.PropertiesLauncher --port 0 >"$WORK/sandbox.log" 2>&1 &
SANDBOX_PID=$!
for _ in $(seq 1 60); do
  grep -q '^Kaleyra sandbox listening' "$WORK/sandbox.log" && break
  kill -0 "$SANDBOX_PID" 2>/dev/null || break
  sleep 0.5
done
grep -q '^Kaleyra sandbox listening' "$WORK/sandbox.log" \
  || { cat "$WORK/sandbox.log"; echo "FAILED: the stand-alone sandbox did not start"; exit 1; }
SANDBOX_URL="$(grep -o 'listening on http://[^ ]*' "$WORK/sandbox.log" | grep -o 'http://.*')"
set +e
KALEYRA_BASE_URL="$SANDBOX_URL" KALEYRA_SID=HXSANDBOX00000IN KALEYRA_API_KEY=sandbox-key-not-secret \
  KALEYRA_BUSINESS_NUMBER=+919000000000 KALEYRA_DEMO_RECIPIENT=+919812345670 \
  java -jar example-process/target/kaleyra-cta-example.jar >"$WORK/real.log" 2>&1
STATUS=$?
set -e
stop "$SANDBOX_PID"; SANDBOX_PID=""
grep -A3 '^What happened' "$WORK/real.log" || true
[[ $STATUS -eq 0 ]] && grep -q "1 of 1 customers took their designed route" "$WORK/real.log" \
  || { cat "$WORK/real.log"; echo "FAILED: the credentials path exited $STATUS"; exit 1; }
echo "one message through KALEYRA_* configuration: exit 0"

step "keep-running mode for the browser checks"
java -jar example-process/target/kaleyra-cta-example.jar --keep-running --server.port=0 >"$WORK/keep.log" 2>&1 &
APP_PID=$!
# start-up plus the demo run, whose own settle limit is 120 s: on a loaded machine give it room
for _ in $(seq 1 300); do
  grep -q '^READY' "$WORK/keep.log" && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/keep.log"; echo "FAILED: the example stopped"; exit 1; }
  sleep 1
done
grep -q '^READY' "$WORK/keep.log" || { tail -40 "$WORK/keep.log"; echo "FAILED: not ready within 300 s"; exit 1; }
grep -q "All routes behaved as designed." "$WORK/keep.log" || { cat "$WORK/keep.log"; echo "FAILED: routes"; exit 1; }
COCKPIT="$(grep -o 'Cockpit: *http://localhost:[0-9]*' "$WORK/keep.log" | grep -o 'http://.*')"
VIEWER="$(grep -o 'Kaleyra sandbox): http://[^ ]*' "$WORK/keep.log" | grep -o 'http://.*')"
echo "Cockpit at $COCKPIT, viewer at $VIEWER"

step "headless Chromium: sandbox viewer, Cockpit, a tap in the viewer, Tasklist"
(cd "$HERE" && timeout 120 node scripts/screenshots.mjs --cockpit "$COCKPIT" --viewer "$VIEWER" --out "$ROOT/docs")

stop "$APP_PID"; APP_PID=""
step "example-process CI passed"

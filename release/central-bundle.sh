#!/usr/bin/env bash
# Builds the bundle Maven Central's publisher portal takes ("upload a bundle"): every published artifact of one
# release version in the Maven repository layout, each with its pom, jar, sources and javadoc jars, .md5/.sha1
# checksums and, when a GPG key is set up, .asc signatures.
#
#   bash release/central-bundle.sh 1.0.0        ->  target/central-bundle-1.0.0.zip
#
# It builds from a copy of the committed tree (git archive HEAD) with the version set, so the working tree keeps
# its -SNAPSHOT. Tests are skipped: CI has run them on the commit. Without a secret key in gpg's keyring the
# signatures are skipped and the bundle says so; Central rejects an unsigned bundle, so sign before uploading.
set -euo pipefail
VERSION="${1:?usage: bash release/central-bundle.sh VERSION (e.g. 1.0.0)}"
[[ "$VERSION" != *SNAPSHOT* ]] || { echo "Central takes no SNAPSHOT versions" >&2; exit 2; }
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/target/central-release"
rm -rf "$WORK" && mkdir -p "$WORK/tree" "$WORK/staging"

# the published modules: the parents, the sandbox (the connector's tests need it; users test against it too),
# the connector for each engine and the Spring Boot starter
MODULES=".,kaleyra-sandbox,connector,connector-engines,connector-engines/operaton,connector-engines/cibseven"
MODULES="$MODULES,kaleyra-whatsapp-cta-spring-boot-starter"

git -C "$ROOT" archive HEAD | tar -x -C "$WORK/tree"
CURRENT="$(sed -n 's#^  <version>\(.*\)</version>#\1#p' "$WORK/tree/pom.xml" | head -n1)"
find "$WORK/tree" -name pom.xml -exec sed -i "s#<version>$CURRENT</version>#<version>$VERSION</version>#g" {} +

SIGN=()
if command -v gpg >/dev/null && [[ -n "$(gpg --list-secret-keys 2>/dev/null)" ]]; then
  echo "signing with gpg's default key"
else
  echo "no GPG secret key: building an unsigned bundle (-Dgpg.skip)"
  SIGN=(-Dgpg.skip=true)
fi

(cd "$WORK/tree" && mvn -B -q -Prelease -DskipTests "${SIGN[@]}" -pl "$MODULES" deploy \
  -DaltDeploymentRepository="staging::default::file://$WORK/staging")

# the portal wants the components only, not the repository's own metadata files
find "$WORK/staging" -name 'maven-metadata*' -delete
mkdir -p "$ROOT/target"
BUNDLE="$ROOT/target/central-bundle-$VERSION.zip"
rm -f "$BUNDLE"
jar --create --no-manifest --file "$BUNDLE" -C "$WORK/staging" .
echo "$BUNDLE:"
(cd "$WORK/staging" && find . -type f -name '*.jar' -o -type f -name '*.pom' | sort | sed 's#^\./#  #')

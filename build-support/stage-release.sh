#!/usr/bin/env bash
# Stages a release of the current tree locally, exactly as `-Prelease deploy` builds it for the Central Portal but
# without uploading, signs it with a throwaway key generated on the fly, and checks the bundle against Central's
# requirements (build-support/ReleaseCheck.java) and every signature with gpg.
#
#   build-support/stage-release.sh [VERSION]     VERSION defaults to the project version without -SNAPSHOT
#
# Works on a copy of the tracked files in a temporary folder, so the tree's own target/ folders stay as they are.
# Needs gpg; touches no network except Maven Central for plugins and dependencies, and installs nothing into the
# local repository (-Dmaven.install.skip=true). Set KEEP_STAGING=1 to keep the copy (its path is printed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v gpg >/dev/null || { echo "stage-release: gpg is not installed" >&2; exit 1; }

current=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)
version=${1:-${current%-SNAPSHOT}}
work=$(mktemp -d "${TMPDIR:-/tmp}/ruxo-release.XXXXXX")
export GNUPGHOME="$work/gnupg"
cleanup() {
  gpgconf --kill all >/dev/null 2>&1 || true
  if [ "${KEEP_STAGING:-0}" = 1 ]; then echo "stage-release: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "== stage-release: throwaway signing key"
mkdir -m 700 "$GNUPGHOME"
gpg --batch --quiet --passphrase '' --quick-generate-key 'ruxo-rules release check <release-check@invalid>' ed25519 sign 1d
key=$(gpg --list-secret-keys --with-colons | awk -F: '/^fpr/ { print $10; exit }')

echo "== stage-release: copy of the tree, version $current -> $version"
mkdir "$work/src"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 tar cf - 2>/dev/null) \
  | (cd "$work/src" && tar xf -)
find "$work/src" -name pom.xml -exec sed -i "s:<version>$current</version>:<version>$version</version>:" {} +

echo "== stage-release: ./mvnw -Prelease deploy -DskipUpload=true"
if ! (cd "$work/src" && ./mvnw -B -ntp -Prelease deploy -DskipTests -DskipUpload=true -Dmaven.install.skip=true \
    -Dgpg.keyname="$key") \
    > "$work/build.log" 2>&1; then
  grep -E "warning:|error:|ERROR" "$work/build.log" | head -60 >&2
  exit 1
fi
grep -E "^Runtime dependencies|Executable model" "$work/build.log" || true
echo "javadoc (doclint all, warnings fail the build): $(grep -c 'warning:' "$work/build.log" || true) warnings"

grep -E "central-publishing|Staging|staging|bundle" "$work/build.log" | grep -v "^\[INFO\] Download" | tail -8 || true
staging=$(find "$work/src" -type d -name central-staging -print -quit)
if [ -z "$staging" ]; then
  echo "stage-release: the plugin staged nothing (no central-staging folder under $work/src)" >&2
  tail -30 "$work/build.log" >&2
  exit 1
fi
bundle=$(find "$work/src/target" -name 'central-bundle.zip' | head -1)
[ -n "$bundle" ] && echo "bundle: $(du -k "$bundle" | cut -f1) KB, $(unzip -l "$bundle" | tail -1 | awk '{print $2}') files"

echo "== stage-release: signatures"
count=0
while IFS= read -r -d '' asc; do
  gpg --batch --quiet --verify "$asc" "${asc%.asc}" 2>/dev/null || { echo "bad signature: $asc" >&2; exit 1; }
  count=$((count + 1))
done < <(find "$staging" -name '*.asc' -print0)
echo "$count signatures verify"

echo "== stage-release: Central requirements"
java "$root/build-support/ReleaseCheck.java" "$work/src" "$staging"

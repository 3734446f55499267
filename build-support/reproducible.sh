#!/usr/bin/env bash
# Builds every jar a second time, in a fresh copy of the tracked files at another path, and compares it byte for byte
# with the jar the tree's last build made (run it after `./mvnw verify` or `package`). Fails on the first difference
# and names the entries that differ.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/ruxo-reproducible.XXXXXX")
trap 'rm -rf "$work"' EXIT

jars=$(cd "$root" && ls */target/*.jar 2>/dev/null || true)
[ -n "$jars" ] || { echo "reproducible: no jars in */target; build first" >&2; exit 1; }

(cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 tar cf - 2>/dev/null) | (cd "$work" && tar xf -)
if ! (cd "$work" && ./mvnw -B -ntp -o package -DskipTests) > "$work/build.log" 2>&1; then
  tail -40 "$work/build.log" >&2
  exit 1
fi

count=0
for jar in $jars; do
  if [ ! -f "$work/$jar" ]; then
    echo "reproducible: the second build made no $jar" >&2
    exit 1
  fi
  if ! cmp -s "$root/$jar" "$work/$jar"; then
    echo "reproducible: $jar differs between two builds:" >&2
    diff <(cd "$root" && unzip -v "$jar" | awk 'NR>3 {print $7, $8}') \
         <(cd "$work" && unzip -v "$jar" | awk 'NR>3 {print $7, $8}') >&2 || true
    exit 1
  fi
  count=$((count + 1))
done
echo "reproducible: $count jars identical in two builds ($(echo $jars | tr ' ' '\n' | xargs -n1 dirname | sort -u | wc -l) modules)"

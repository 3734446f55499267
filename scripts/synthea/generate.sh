#!/usr/bin/env bash
# Generates the seeded synthetic population (Synthea 3.3.0, FHIR R4 patient bundles) that the knowledge-base
# coverage data and the FHIR mapping run are made from. Not part of the test run: it takes a few minutes and
# writes about 1 GB.
#
#   bash scripts/synthea/generate.sh [OUTPUT_DIR]      (default: target/synthea under the repository)
#
# Same seed, reference date and population size give the same patients; bundles land in OUTPUT_DIR/fhir/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$(realpath -m "${1:-$root/target/synthea}")
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
"$root/mvnw" -q -B -f "$here/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile="$cp_file"
rm -rf "$out"
# -s/-cs: patient and clinician seeds; -r: reference date (the population's "today"); -p: living patients.
java -Xmx6g -cp "$(cat "$cp_file")" App -s 20261202 -cs 20261202 -r 20261201 -p 300 \
  --exporter.baseDirectory "$out" \
  --exporter.hospital.fhir.export false --exporter.practitioner.fhir.export false \
  Massachusetts
echo "population written to $out/fhir"

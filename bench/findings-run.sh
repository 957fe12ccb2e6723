#!/bin/sh
# Runs pushdown (dry run, JSON) on each app checked out under $APPS (one folder
# per app, named owner+name, e.g. from `git archive` of a mirror) and writes
# $OUT/<app>.json. Extra arguments go to pushdown. The apps' code is never
# committed; only the labelled lists (bench/findings/*.tsv) are.
#   APPS=/tmp/fb OUT=/tmp/fb/after sh bench/findings-run.sh
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
: "${APPS:?set APPS to the folder holding the apps}"
: "${OUT:=$APPS}"
mkdir -p "$OUT"
while IFS="$(printf '\t')" read -r app commit; do
  [ -d "$APPS/$app" ] || { echo "missing $APPS/$app (commit $commit)" >&2; continue; }
  (cd "$APPS" && nice -n 10 node "$here/dist/bin/pushdown.js" "$app" --format json "$@" > "$OUT/$app.json") || true
  echo "$app: $(node -e 'const d=JSON.parse(require("fs").readFileSync(process.argv[1]));console.log(d.totals.findings, "findings")' "$OUT/$app.json")"
done < "$here/bench/findings/commits.tsv"

#!/usr/bin/env bash
# bash scripts/identity-check.sh [REF]   (default: main)
#
# Speed work must not change a single output: compares this tree's `classify` output (serial, worker threads, stdin)
# and full checkMessage results against REF's, on every tests/corpus file, ViHOS, a mutated set and the bench's
# 100k lines. Prints only counts and line numbers of differences (some corpora are unseen: their lines are never shown).
set -euo pipefail
REF=${1:-main}
HERE=$(cd "$(dirname "$0")/.." && pwd)
SHA=$(git -C "$HERE" rev-parse "$REF")
WORK=${TMPDIR:-/tmp}/zgg-identity
BASE=$WORK/base-$SHA
mkdir -p "$WORK/in" "$WORK/new"
if [ ! -d "$BASE" ]; then
  mkdir -p "$BASE.tmp"
  git -C "$HERE" archive "$SHA" | tar -x -C "$BASE.tmp"
  # Share the dependencies but not the CLI's bundle cache (it lives in node_modules/.cache).
  mkdir -p "$BASE.tmp/node_modules"
  for e in "$HERE"/node_modules/* "$HERE"/node_modules/.bin; do ln -s "$e" "$BASE.tmp/node_modules/"; done
  mv "$BASE.tmp" "$BASE"
fi
rm -rf "$BASE/out" && mkdir -p "$BASE/out" && rm -rf "$WORK/new" && mkdir -p "$WORK/new"
node "$HERE/scripts/identity-inputs.mjs" "$WORK/in"
# The shared ViHOS split sits beside the project when it is there (ZGG_SHARED points elsewhere); it is optional.
SHARED=${ZGG_SHARED:-$HERE/../shared}
EXTRA=()
[ -f "$SHARED/corpus/vihos/vihos-train-dev.jsonl" ] && EXTRA+=("$SHARED/corpus/vihos/vihos-train-dev.jsonl")
INPUTS=("$HERE"/tests/corpus/*.jsonl "$HERE"/tests/corpus/vihos/vihos.jsonl "${EXTRA[@]}" "$HERE/tests/unit/rules/fixtures/messages.dev.jsonl" "$WORK/in/mutated.jsonl" "$WORK/in/bench100k.jsonl")

run_tree() { # tree outdir
  local tree=$1 out=$2 f name
  for f in "${INPUTS[@]}"; do
    name=$(basename "$f" .jsonl)
    (cd "$tree" && node scripts/cli.mjs classify "$f" --workers 0 >"$out/$name.serial" 2>"$out/$name.err" || echo "exit $?" >>"$out/$name.err")
  done
  (cd "$tree" && node scripts/cli.mjs classify "$WORK/in/bench100k.jsonl" --workers 2 >"$out/bench100k.par2")
  (cd "$tree" && node scripts/cli.mjs classify "$WORK/in/mutated.jsonl" --workers 2 >"$out/mutated.par2" 2>/dev/null || true)
  (cd "$tree" && node scripts/cli.mjs classify "$WORK/in/bench100k.jsonl" >"$out/bench100k.auto")
  (cd "$tree" && node scripts/cli.mjs classify - <"$WORK/in/bench100k.jsonl" >"$out/bench100k.stdin")
  (cd "$HERE" && npx tsx scripts/identity-dump.ts "$tree" "$out/full.dump" "${INPUTS[@]:0:${#INPUTS[@]}-1}")
}
run_tree "$BASE" "$BASE/out" &
run_tree "$HERE" "$WORK/new"
wait
# Parallel and stdin outputs must equal the serial one as well as REF's.
cmp -s "$WORK/new/bench100k.par2" "$WORK/new/bench100k.serial" || echo "DIFF bench100k: workers vs serial"
cmp -s "$WORK/new/bench100k.stdin" "$WORK/new/bench100k.serial" || echo "DIFF bench100k: stdin vs serial"
cmp -s "$WORK/new/mutated.par2" "$WORK/new/mutated.serial" || echo "DIFF mutated: workers vs serial"
bad=0
for f in "$BASE"/out/*; do
  n=$(basename "$f")
  if ! cmp -s "$f" "$WORK/new/$n"; then
    bad=1
    lines=$(diff <(cat -n "$f") <(cat -n "$WORK/new/$n") | grep -E '^[<>]' | awk '{print $2}' | sort -un | head -8 | tr '\n' ' ' || true)
    echo "DIFF $n: lines $lines"
  fi
done
total=$(cat "$BASE"/out/*.serial "$BASE"/out/full.dump | wc -l)
if [ $bad = 0 ]; then echo "IDENTICAL to $REF ($SHA): $(ls "$BASE/out" | wc -l) outputs, $total lines"; else echo "NOT identical to $REF"; exit 1; fi

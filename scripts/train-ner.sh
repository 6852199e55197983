#!/bin/sh
# train-ner.sh - build the name tagger's model, data/extract/ner/model.bin,
# from the IndoNLU train splits in ../shared/data/indonlu-ner (NERGrit
# twice, so the cased news style weighs as much as NERP's lower-case
# sentences).  Picks the epoch count by early stopping on a held-out
# tenth of the train sentences; prints span F1 on the validation splits
# at the end (reported only).
#
#   scripts/train-ner.sh [BUILD_DIR]     (default: build-ner)
#
# Deterministic: the same data and code give the same model bytes.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-ner}
data=$root/../shared/data/indonlu-ner
grit=$data/nergrit_ner-grit
nerp=$data/nerp_ner-prosa
for f in "$grit/train_preprocess.txt" "$nerp/train_preprocess.txt"; do
  [ -r "$f" ] || { echo "train-ner.sh: $f is missing" >&2; exit 1; }
done

cmake -S "$root" -B "$build" >/dev/null
cmake --build "$build" --target ner_train -j2 >/dev/null
mkdir -p "$root/data/extract/ner"
WARTA_DATA=$root/data "$build/ner_train" -b 18 -e 40 \
  -o "$root/data/extract/ner/model.bin" \
  "$grit/train_preprocess.txt" "$grit/train_preprocess.txt" \
  "$nerp/train_preprocess.txt" \
  -v "$grit/valid_preprocess.txt" "$nerp/valid_preprocess.txt"

#!/bin/sh
# train-ner.sh - build the name tagger's word clusters and model,
# data/extract/ner/clusters.txt and data/extract/ner/model.bin, from the
# IndoNLU train splits in ../shared/data/indonlu-ner.
#
# 1. Word clusters from the text of the NERGrit and NERP train splits
#    (labels unused): 256 classes, words seen at least twice, each with
#    how often it is capitalised inside cased sentences
#    (bench/ner_train.c -c).
# 2. The model: NERGrit twice, so the cased news style weighs as much as
#    NERP's lower-case sentences; 2^20 feature buckets; three perceptrons
#    on different shuffles, averaged; the epoch count chosen by early
#    stopping on three held-out tenths of the train sentences (each
#    scored by a model trained on the rest).  Prints span F1 on the
#    validation splits at the end (reported only).
#
#   scripts/train-ner.sh [BUILD_DIR]     (default: build-ner)
#
# Deterministic: the same data and code give the same bytes.  About a
# minute.
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
out=$root/data/extract/ner
mkdir -p "$out"
"$build/ner_train" -c "$out/clusters.txt" -k 256 -m 2 \
  "$grit/train_preprocess.txt" "$nerp/train_preprocess.txt" | tail -n 1
WARTA_DATA=$root/data "$build/ner_train" -b 20 -e 40 -r 3 -x 3 -p 10 \
  -o "$out/model.bin" \
  "$grit/train_preprocess.txt" "$grit/train_preprocess.txt" \
  "$nerp/train_preprocess.txt" \
  -v "$grit/valid_preprocess.txt" "$nerp/valid_preprocess.txt"

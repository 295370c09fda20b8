#!/usr/bin/env bash
# Regenerates tokenizer.model: a small Gemma-like SentencePiece BPE model (byte fallback, no dummy
# prefix, whitespace kept verbatim, pad=0 eos=1 bos=2 unk=3 as in Gemma) whose vocabulary holds the
# colour words that the test ONNX models give a meaning to. Needs Debian's `sentencepiece` package.
# Run from this folder: ./make-tokenizer.sh  (the output is deterministic for a given spm_train version).
set -euo pipefail
cd "$(dirname "$0")"
corpus=$(mktemp)
trap 'rm -f "$corpus"' EXIT
colours="red green blue yellow white black"
templates=("a photo of %s." "a photo of the mountain %s." "%s peak in the himalayas" "the %s one" "a %s image" "%s")
{
  for round in 1 2 3 4 5 6 7 8; do
    for c in $colours; do
      for t in "${templates[@]}"; do
        # shellcheck disable=SC2059
        printf "$t\n" "$c"
      done
    done
  done
  for round in 1 2 3; do
    echo "painting, illustration, poster, map, logo"
    echo "ama dablam at sunrise with prayer flags above the clouds"
    echo "everest lhotse nuptse pumori cho oyu makalu island peak"
    echo "snow ice rock glacier valley village monastery yak trail bridge"
    echo "café crème déjà vu naïve résumé über straße"
    echo "アマダブラム エベレスト 山 雪"
    echo "珠穆朗玛峰 喜马拉雅 山峰"
    echo "  two  spaces and	tabs"
    echo "line 1234567890 numbers 8848 6812"
  done
} > "$corpus"
spm_train --input="$corpus" --model_prefix=tokenizer --model_type=bpe --vocab_size=700 \
  --hard_vocab_limit=false --character_coverage=1.0 --byte_fallback=true \
  --normalization_rule_name=identity --add_dummy_prefix=false --remove_extra_whitespaces=false \
  --allow_whitespace_only_pieces=true --split_digits=true \
  --pad_id=0 --eos_id=1 --bos_id=2 --unk_id=3 \
  --pad_piece='<pad>' --eos_piece='<eos>' --bos_piece='<bos>' --unk_piece='<unk>' \
  --user_defined_symbols='<mask>,<start_of_turn>,<end_of_turn>,▁▁,▁▁▁,<h1>' \
  --num_threads=1 --random_seed=1 >/dev/null 2>&1
rm -f tokenizer.vocab

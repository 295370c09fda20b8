#!/usr/bin/env python3
"""Regenerates tokenizer-expectations.jsonl: for each tricky input, the ids that SentencePiece itself
(Debian's `spm_encode`) gives for the lower-cased text with the test tokenizer model. The tests compare
SiglipTokenizer against this table, so they never need sentencepiece installed.
Run from the repository root: python3 tests/Gateway.Embeddings.Tests/Text/make-tokenizer-expectations.py"""
import json
import pathlib
import subprocess

here = pathlib.Path(__file__).parent
model = here.parent.parent / "Gateway.TestModels" / "Assets" / "tokenizer.model"
cases = [
    "red", "Red", "a photo of red.", "RED GREEN blue", "  two  spaces ", "a  b   c    d     e",
    " leading", "trailing ", "tab\there", "<start_of_turn>hi<h1>x<end_of_turn>", "<mask>", "a<mask>b",
    " <mask> ", "\u2581\u2581 literal marks", "アマダブラム", "珠穆朗玛峰", "🙂 emoji 🏔️", "café crème déjà vu",
    "cafe\u0301", "ÅNGSTRÖM", "8848 m", "Ama Dablam at sunrise", "x", "   ", "a photo of the mountain Ama Dablam.",
    "ཨ་མ་ད་བ་ལམ།", "prayer flags", "painting, illustration, poster, map, logo", "<h1><h1>  <h1>",
]
with open(here / "tokenizer-expectations.jsonl", "w", encoding="utf-8") as out:
    for text in cases:
        lowered = text.lower()
        # spm_encode reads one sentence per line; none of the cases contains a newline.
        result = subprocess.run(["spm_encode", f"--model={model}", "--output_format=id"],
                                input=lowered.encode("utf-8"), capture_output=True, check=True)
        ids = [int(t) for t in result.stdout.decode().split()]
        out.write(json.dumps({"text": text, "ids": ids}, ensure_ascii=False) + "\n")

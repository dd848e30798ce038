#!/usr/bin/env bash
# Attacks on real photos with an ImageNet-pretrained network: a TFLite MobileNet imported into DL4J.
# Clean top-1/top-5 on the labelled photos, then FGSM and PGD L-inf (20 steps) at eps 1/255, 2/255, 4/255 and the
# reference's targeted Adam attack (targets 5, 10, 15). Each attack writes its run folder under --out (report.md,
# outcomes.jsonl, panels). Photos: ../shared/data/imagenet (labels.tsv) plus the two beside the model, which
# have no label file and are labelled by the clean prediction.
#
#   adversarial/mobilenet-attacks.sh [--model FILE.tflite] [--images DIR] [--out runs]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
model="$root/../shared/data/models/tflite/mobilenet_v2_1.0_224_quant.tflite"
images="$root/../shared/data/imagenet"
out="runs"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --model) model="$2"; shift 2 ;;
    --images) images="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
beside="$(dirname "$model")"
dirs=(--dir "$images")
if compgen -G "$beside/*.jpg" >/dev/null; then dirs+=(--dir "$beside"); fi

"$root/suite" adversarial classify --tflite "$model" --top 5 "$images" "$beside"/*.jpg | grep -E "^model|labelled photos"
for attack in fgsm pgd; do
  "$root/suite" adversarial attack --tflite "$model" "${dirs[@]}" --data-dir "$images" --attack "$attack" \
    --eps 1/255,2/255,4/255 --steps 20 --batch-size 13 --panels 3 --out "$out"
done
"$root/suite" adversarial attack --tflite "$model" "${dirs[@]}" --data-dir "$images" --attack adam --targets 5,10,15 \
  --steps 100 --batch-size 13 --panels 3 --out "$out"

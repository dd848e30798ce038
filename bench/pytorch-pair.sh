# Sourced by the bench scripts that run a workload in DL4J and in its PyTorch reference:
# a scratch folder removed on exit ($work), the python that has torch ($py), peak RSS from GNU time (peak).
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
py="${PYTHON:-python3}"
"$py" -c 'import torch' 2>/dev/null || py=/usr/bin/python3   # a pyenv python may lack Debian's torch
peak() { sed -nE 's/.*Maximum resident set size \(kbytes\): ([0-9]+).*/\1/p' "$1" | awk '{ printf "%.0f MiB", $1 / 1024 }'; }

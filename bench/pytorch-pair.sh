# Sourced by the bench scripts that run a workload in DL4J and in its PyTorch reference:
# a scratch folder removed on exit ($work), the python that has torch ($py), the shared options
# (bench_options), peak RSS from GNU time (peak, and rss_options for `bench compare`), the arithmetic figures of `bench compare` (arithmetic).
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
py="${PYTHON:-python3}"
"$py" -c 'import torch' 2>/dev/null || py=/usr/bin/python3   # a pyenv python may lack Debian's torch
# The PyTorch side runs with OpenBLAS choosing its own kernels: where this machine pins OPENBLAS_CORETYPE (for
# older OpenBLAS builds, such as ND4J's), Debian's current OpenBLAS is held to slower ones. The pin stays for DL4J.
torch_env=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)
# The OpenBLAS kernel each side's BLAS runs (OpenBLAS's own name for it), for the log.
blas_cores() {
  echo "OpenBLAS kernels: PyTorch $("${torch_env[@]}" "$py" -c 'import ctypes, torch; l = ctypes.CDLL("libopenblas.so.0"); l.openblas_get_corename.restype = ctypes.c_char_p; print(l.openblas_get_corename().decode())' 2>/dev/null || echo unknown), DL4J ${OPENBLAS_CORETYPE:-(detected)}"
}
peak_mib() { sed -nE 's/.*Maximum resident set size \(kbytes\): ([0-9]+).*/\1/p' "$1" | awk '{ printf "%.0f", $1 / 1024 }'; }
peak() { echo "$(peak_mib "$1") MiB"; }
# `bench compare`'s --label and --peak-rss, one per run: DL4J, the Python reference, and the PyTorch 2.7 reference when
# the script ran it (their GNU time reports in $work: dl4j.time, torch.time, torch2.time).
torch_version="$("${torch_env[@]}" "$py" -c 'import torch; print(torch.__version__.split("+")[0])' 2>/dev/null || echo "?")"
compare_runs() {
  local labels=(--label DL4J --label "PyTorch $torch_version")
  local rss=(--peak-rss "$(peak_mib "$work/dl4j.time")" --peak-rss "$(peak_mib "$work/torch.time")")
  if [[ -f "$work/torch2.time" ]]; then
    labels+=(--label "PyTorch $torch2_version")
    rss+=(--peak-rss "$(peak_mib "$work/torch2.time")")
  fi
  printf '%s\n' "${labels[@]}" "${rss[@]}"
}
# The PyTorch 2.7 reference (reference/libtorch: libtorch 2.7.1 through JavaCPP's presets, with the Python references'
# semantics), in the Python side's OpenBLAS environment. `"${torch2[@]}" --version` builds it outside the timing.
torch2_version="2.7.1"
torch2=("${torch_env[@]}" "$root/reference/libtorch/run")
# `bench compare`'s --flop-per-example and --peak-gflops for the DL4J run's saved MODEL (extra arguments go
# to `bench flops`, e.g. --image 28x28x1); the sgemm peak is measured with the same $threads.
arithmetic() {
  local model="$1"; shift
  echo "--flop-per-example $("$root/suite" bench flops "$model" "$@" | tail -n 1) --peak-gflops $("$root/suite" bench sgemm --threads "$threads" | tail -n 1)"
}
# The options of every bench script: --data-dir, --threads (default 2), --out (default bench/results),
# --impl (fast or dl4j: DL4J's layer implementations, passed to the DL4J command; default fast),
# and --steps / --dataset / --weights where the script has set a default for them before sourcing this file.
threads=2
impl=fast
out="$root/bench/results"
bench_options() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --data-dir) data_dir="$2"; shift 2 ;;
      --threads) threads="$2"; shift 2 ;;
      --out) out="$2"; shift 2 ;;
      --impl) impl="$2"; shift 2 ;;
      --steps) [[ -n "${steps:-}" ]] || { echo "unknown option $1" >&2; exit 2; }; steps="$2"; shift 2 ;;
      --dataset) [[ -n "${dataset:-}" ]] || { echo "unknown option $1" >&2; exit 2; }; dataset="$2"; shift 2 ;;
      --weights) [[ -n "${weights+set}" ]] || { echo "unknown option $1" >&2; exit 2; }; weights="$2"; shift 2 ;;
      *) echo "unknown option $1" >&2; exit 2 ;;
    esac
  done
  mkdir -p "$out"
}

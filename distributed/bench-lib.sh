# Sourced by distributed/bench.sh and distributed/bench-word-lm.sh: their options, a scratch folder removed on exit,
# and every jar built before anything is timed.
#
#   bench_start DEFAULT_DATA_DIR MODULE "$@"   sets data_dir, out, only (--only NAME, "" = every run) and work
#   bench_wants NAME                           whether run NAME is measured (no --only, or --only NAME)
#   bench_seconds START                        seconds since START (a `date +%s.%N`)
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

bench_start() {
  data_dir="$1"
  local module="$2"
  shift 2
  out="$root/distributed/results"
  only=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --data-dir) data_dir="$2"; shift 2 ;;
      --out) out="$2"; shift 2 ;;
      --only) only="$2"; shift 2 ;;
      *) echo "usage: $0 [--data-dir DIR] [--out DIR] [--only RUN]" >&2; exit 2 ;;
    esac
  done
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$out"
  "$root/suite" "$module" --help > /dev/null
  "$root/suite" distributed --help > /dev/null
}

bench_wants() {
  [[ -z "$only" || "$only" == "$1" ]]
}

bench_seconds() {
  echo "$(date +%s.%N) - $1" | bc
}

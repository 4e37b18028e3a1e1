#!/usr/bin/env bash
# Side by side: `claimdiff compare` (release build) and the peer pipeline
# (../shared/peer/peer.py) on the same generated corpora, run alternately.
#
#   scripts/bench-vs-peer.sh [SIZES...]        default: 2 8 32 128 512
#
# Environment: PEER_PYTHON (a Python with spacy, textacy, rapidfuzz; else
# ./.venv-peer or ../.venv-peer), RUNS_SMALL (repetitions up to 32 reports,
# default 3), RUNS_LARGE (from 128 reports, default 1), EVENT (fixture event,
# default patriot-call), PEER_MAX (largest size the peer is run on, default 512:
# it takes minutes there).
#
# Prints, per size, the median wall seconds and peak RSS (MB) of each side and
# the ratio peer/claimdiff. Peak RSS comes from /usr/bin/time -f %M when
# present, else it is left blank. When the peer cannot run, says so and prints
# claimdiff alone.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(2 8 32 128 512)
runs_small="${RUNS_SMALL:-3}"
runs_large="${RUNS_LARGE:-1}"
event="${EVENT:-patriot-call}"
peer_max="${PEER_MAX:-512}"
peer_script="$root/../shared/peer/peer.py"

echo "building release binaries ..." >&2
cargo build --release --quiet -p claimdiff-cli -p claimdiff-eval --manifest-path "$root/Cargo.toml"
claimdiff="$root/target/release/claimdiff"
bench="$root/target/release/bench"

# The peer's Python, or a plain reason why there is none.
peer_python=""
peer_missing=""
for candidate in "${PEER_PYTHON:-}" "$root/.venv-peer/bin/python" "$root/../.venv-peer/bin/python"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
        peer_python="$candidate"
        break
    fi
done
if [ ! -f "$peer_script" ]; then
    peer_missing="the peer script $peer_script is absent"
elif [ -z "$peer_python" ]; then
    peer_missing="no Python for the peer (set PEER_PYTHON or make .venv-peer as ../shared/peer/README.md says)"
elif ! "$peer_python" -c 'import spacy, textacy, rapidfuzz' 2>/dev/null; then
    peer_missing="$peer_python lacks the peer's packages (spacy, textacy, rapidfuzz)"
    peer_python=""
fi
if [ -n "$peer_missing" ]; then
    echo "peer not run: $peer_missing; printing claimdiff alone"
fi

have_time=""
[ -x /usr/bin/time ] && have_time=1

scratch="$(mktemp -d "${TMPDIR:-/tmp}/claimdiff-vs-peer.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

# Runs a command once; prints "WALL_SECONDS PEAK_RSS_KB" (peak blank without /usr/bin/time).
measure() {
    local start end
    start=$(date +%s.%N)
    if [ -n "$have_time" ]; then
        /usr/bin/time -f %M -o "$scratch/rss" "$@" >/dev/null 2>"$scratch/err" || {
            cat "$scratch/err" >&2
            return 1
        }
    else
        "$@" >/dev/null 2>"$scratch/err" || {
            cat "$scratch/err" >&2
            return 1
        }
    fi
    end=$(date +%s.%N)
    local rss=""
    [ -n "$have_time" ] && rss=$(tail -1 "$scratch/rss")
    echo "$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.4f", b - a}') $rss"
}

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf "%6s %5s | %10s %8s | %10s %8s | %8s %8s\n" reports runs ours_s ours_MB peer_s peer_MB "ratio_t" "ratio_m"
for n in "${sizes[@]}"; do
    corpus="$scratch/corpus-$n"
    "$bench" --write-corpus "$corpus" "$n" --event "$event"
    runs=$runs_small
    [ "$n" -ge 128 ] && runs=$runs_large
    run_peer=""
    [ -n "$peer_python" ] && [ "$n" -le "$peer_max" ] && run_peer=1
    : >"$scratch/ours"
    : >"$scratch/peer"
    for _ in $(seq "$runs"); do
        measure "$claimdiff" compare "$corpus" --out "$scratch/out-ours" --quiet >>"$scratch/ours"
        if [ -n "$run_peer" ]; then
            measure "$peer_python" "$peer_script" "$corpus"/*.txt --out "$scratch/out-peer" >>"$scratch/peer"
        fi
    done
    ours_s=$(cut -d' ' -f1 "$scratch/ours" | median)
    ours_kb=$(cut -d' ' -s -f2 "$scratch/ours" | median)
    peer_s="-" peer_mb="-" ratio_t="-" ratio_m="-"
    if [ -n "$run_peer" ]; then
        peer_s=$(cut -d' ' -f1 "$scratch/peer" | median)
        peer_kb=$(cut -d' ' -s -f2 "$scratch/peer" | median)
        ratio_t=$(awk -v p="$peer_s" -v o="$ours_s" 'BEGIN {printf "%.1f", p / o}')
        if [ -n "$peer_kb" ] && [ -n "$ours_kb" ]; then
            peer_mb=$((peer_kb / 1024))
            ratio_m=$(awk -v p="$peer_kb" -v o="$ours_kb" 'BEGIN {printf "%.1f", p / o}')
        fi
        peer_s=$(printf "%.3f" "$peer_s")
    fi
    ours_mb="-"
    [ -n "$ours_kb" ] && ours_mb=$((ours_kb / 1024))
    printf "%6s %5s | %10.3f %8s | %10s %8s | %8s %8s\n" "$n" "$runs" "$ours_s" "$ours_mb" "$peer_s" "$peer_mb" "$ratio_t" "$ratio_m"
    rm -rf "$corpus" "$scratch/out-ours" "$scratch/out-peer"
done

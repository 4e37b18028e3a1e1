#!/usr/bin/env bash
# Huge inputs in a release build: the 100 MB report test (ignored in the debug test
# run because it is slow there) and the 10 MB and 1 MB-sentence tests, with the wall
# time and peak memory of the whole test process.
#   scripts/huge-inputs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p claimdiff-cli --tests
for test in one_megabyte_sentence_is_parsed_whole ten_megabyte_report_is_parsed_whole hundred_megabyte_report_is_parsed_whole; do
    echo "== $test"
    /usr/bin/time -f "   wall %e s, peak RSS %M KB" \
        cargo test --release -q -p claimdiff-cli --test bad_inputs -- --include-ignored --exact "$test"
done

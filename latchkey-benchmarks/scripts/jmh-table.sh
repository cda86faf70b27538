#!/usr/bin/env bash
# Turn JMH JSON results (-rf json) into a Markdown table: mean ± error, the best (minimum) and the
# median of the measurement iterations, and bytes allocated per call when -prof gc was on.
#   latchkey-benchmarks/scripts/jmh-table.sh results.json [baseline-benchmark-name]
# With a baseline name, a ratio column divides each benchmark's best iteration by the baseline's.
# Why the minimum: on a shared machine, interference only ever adds time, so the fastest one-second
# iteration is the least disturbed estimate; mean ± error shows how disturbed the run was.
set -euo pipefail
need_jq() { command -v jq >/dev/null 2>&1 || { echo "jq is needed (apt-get install jq)" >&2; exit 1; }; }
need_jq
file="$1"; base="${2:-}"
jq -r --arg base "$base" '
  def r(x): if x == null then "" elif x >= 100 then (x | round | tostring) else ((x * 100 | round) / 100 | tostring) end;
  def med(a): (a | sort) as $s | if ($s | length) % 2 == 1 then $s[($s | length - 1) / 2] else ($s[($s | length) / 2 - 1] + $s[($s | length) / 2]) / 2 end;
  (map({key: (.benchmark | split(".") | last), value: ([.primaryMetric.rawData[][]] | min)}) | from_entries) as $best
  | "| benchmark | mean ± error | best | median | unit | B/op |" + (if $base != "" then " best / \($base) |" else "" end),
    "|---|---:|---:|---:|---|---:|" + (if $base != "" then "---:|" else "" end),
    (.[] | (.benchmark | split(".") | last) as $name
      | [.primaryMetric.rawData[][]] as $raw
      | "| \($name) | \(r(.primaryMetric.score)) ± \(r(.primaryMetric.scoreError)) | \(r($raw | min)) | \(r(med($raw))) | \(.primaryMetric.scoreUnit) | \(r(.secondaryMetrics["gc.alloc.rate.norm"].score // null)) |"
        + (if $base != "" and $best[$base] != null then " \((($raw | min) / $best[$base] * 100 | round) / 100) |" else "" end))
' "$file"

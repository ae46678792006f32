#!/usr/bin/env bash
# Knowledge-base retrieval evaluation: cdsbot vs Lucene StandardAnalyzer vs MiniSearch (default and folded),
# on eval/*.tsv. Not part of the normal test run. Figures are printed and written to target/kb-eval/report.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v node >/dev/null 2>&1; then
  if [ ! -d bench/minisearch/node_modules/minisearch ]; then
    (cd bench/minisearch && npm ci --no-audit --no-fund --loglevel=error)
  fi
else
  echo "node not found: the MiniSearch baselines will be skipped" >&2
fi
mvn -q -Peval verify
echo "Report written to target/kb-eval/report.txt"

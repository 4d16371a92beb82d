#!/usr/bin/env bash
# `npm test`: everything CI checks. Each check counts as one test; vitest's tests are counted
# one by one. The last line is the total: "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
mkdir -p test-results
passed=0
failed=0

check() {
  local name=$1
  shift
  echo "::: $name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAILED: $name"
  fi
}

check "system packages" bash scripts/ensure-system-deps.sh
check "build" npm run -s build
check "built backend starts" node scripts/smoke-dist.mjs
check "format" npm run -s format:check
check "lint" npm run -s lint
check "typecheck" npm run -s typecheck
check "drizzle-kit check" npm run -s db:check

rm -f test-results/vitest.json
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
if [ -f test-results/vitest.json ]; then
  # A suite that fails to load has no failed tests of its own; count it as one failure.
  read -r vp vf < <(node -e '
    const r = require("./test-results/vitest.json");
    const brokenSuites = r.testResults.filter(
      (s) => s.status === "failed" && !s.assertionResults.some((a) => a.status === "failed"),
    ).length;
    console.log(r.numPassedTests, r.numFailedTests + brokenSuites);
  ')
  passed=$((passed + vp))
  failed=$((failed + vf))
else
  echo "FAILED: vitest produced no report"
  failed=$((failed + 1))
fi

summary="$passed passed, $failed failed"
echo "$summary" > test-results/summary.txt
echo "$summary"
[ "$failed" -eq 0 ]

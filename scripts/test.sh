#!/usr/bin/env bash
# `npm test`: type check, lint, unit tests, integration tests on PGlite and on a throwaway
# PostgreSQL, React component tests and browser tests. The last line is `N passed, N failed`.
#   scripts/test.sh [all|unit|int|e2e]
set -uo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1 FORCE_COLOR=0 TZ=${TZ:-UTC}
MODE=${1:-all}
LOG=$(mktemp -d /tmp/harmonica-test.XXXXXX); trap 'rm -rf "$LOG"' EXIT
pass=0; fail=0; errors=0

step() { echo "== $*"; "$@" || { echo "FAILED: $*"; errors=$((errors + 1)); }; }
node_tests() {
  local name=$1; shift
  if [ $# -eq 0 ]; then echo "== $name: no test files"; return; fi
  echo "== node --test $name ($# files)"
  node --import tsx --test --test-concurrency="${TEST_CONCURRENCY:-2}" --test-timeout=600000 "$@" >"$LOG/$name.out" 2>&1
  grep -E '^not ok|^# (tests|pass|fail|duration)' "$LOG/$name.out" | tail -12
  if grep -q '^not ok' "$LOG/$name.out"; then
    echo "-- failures in $name:"; grep -B2 -A30 -E '^\s*not ok' "$LOG/$name.out" | head -200
  fi
  local p f; p=$(awk '/^# pass /{print $3}' "$LOG/$name.out" | tail -1); f=$(awk '/^# fail /{print $3}' "$LOG/$name.out" | tail -1)
  [ -n "$p" ] || { echo "FAILED: $name produced no summary"; tail -40 "$LOG/$name.out"; errors=$((errors + 1)); }
  pass=$((pass + ${p:-0})); fail=$((fail + ${f:-0}))
}
files() { find "$@" -type f 2>/dev/null | sort; }

if [ "$MODE" = all ]; then
  step npm run -s typecheck
  step npm run -s lint
fi
if [ "$MODE" = all ] || [ "$MODE" = unit ]; then
  # shellcheck disable=SC2046
  node_tests unit $(files src bench -name '*.test.ts' ! -name '*.int.test.ts')
  if [ -n "$(files src/web -name '*.test.tsx')" ]; then
    echo "== vitest (React components)"
    npx vitest run --reporter=default --reporter=json --outputFile.json="$LOG/vitest.json" >"$LOG/vitest.out" 2>&1 || errors=$((errors + 1))
    tail -8 "$LOG/vitest.out"
    if [ -f "$LOG/vitest.json" ]; then
      read -r vp vf < <(node -e "const r=require('$LOG/vitest.json');console.log(r.numPassedTests, r.numFailedTests)")
      pass=$((pass + vp)); fail=$((fail + vf))
    fi
  fi
fi
if [ "$MODE" = all ] || [ "$MODE" = int ]; then
  INT=$(files src -name '*.int.test.ts')
  # shellcheck disable=SC2086
  DATABASE_URL= node_tests int-pglite $INT
  if [ -n "$INT" ]; then
    PGDIR=$(mktemp -d /tmp/harmonica-pg.XXXXXX); PORT=$((50000 + RANDOM % 10000))
    if URL=$(scripts/pg-temp.sh start "$PGDIR" "$PORT"); then
      # shellcheck disable=SC2086
      DATABASE_URL=$URL node_tests int-postgres $INT
      scripts/pg-temp.sh stop "$PGDIR"
    else echo "FAILED: could not start PostgreSQL"; errors=$((errors + 1)); fi
  fi
fi
if [ "$MODE" = all ] || [ "$MODE" = e2e ]; then
  E2E=$(files e2e -name '*.spec.ts')
  if [ -n "$E2E" ]; then
    step npx vite build --logLevel warn
    # shellcheck disable=SC2086
    TEST_CONCURRENCY=1 node_tests e2e $E2E
  fi
fi
[ "$errors" -gt 0 ] && echo "($errors step(s) failed outside the test counts)"
[ "$errors" -gt 0 ] && fail=$((fail + errors))
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

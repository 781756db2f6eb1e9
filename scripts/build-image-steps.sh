#!/bin/sh
# The container image's build steps, in one place: the Dockerfile's build stage runs this script, and
# test/onboarding/deploy.test.ts runs it too (there is no Docker daemon on the CI machines), so the two
# cannot drift apart.
#
#   sh scripts/build-image-steps.sh <source dir> <output dir>
#
# Copies what the server needs at run time into <output dir>, installs production dependencies only, and
# smoke-tests the result. DEPS_FROM=<dir with node_modules> links that tree in and prunes the dev
# dependencies instead of downloading (the test uses it: no registry access there).
set -eu

SRC=${1:?usage: build-image-steps.sh <source dir> <output dir>}
OUT=${2:?usage: build-image-steps.sh <source dir> <output dir>}

mkdir -p "$OUT"
cp "$SRC/package.json" "$SRC/package-lock.json" "$SRC/tsconfig.json" "$OUT/"
for dir in bin src bots migrations prompts; do
  cp -R "$SRC/$dir" "$OUT/$dir"
done

cd "$OUT"
if [ -n "${DEPS_FROM:-}" ]; then
  # Hard links: instant, and pruning unlinks names in the copy without touching the original files.
  cp -al "$DEPS_FROM/node_modules" node_modules
  rm -f node_modules/.package-lock.json
  cp "$DEPS_FROM/node_modules/.package-lock.json" node_modules/.package-lock.json
  npm prune --omit=dev --ignore-scripts --offline --no-audit --no-fund >/dev/null
else
  npm ci --omit=dev --ignore-scripts --no-audit --no-fund
fi
# Smoke test with production dependencies only: the CLI loads, and the migrations apply through libSQL's
# native binding (prebuilt for glibc on x64/arm64, hence the Debian base image).
node bin/crm.mjs --version >/dev/null
SMOKE_DIR=$(mktemp -d)
DATABASE_URL="file:$SMOKE_DIR/smoke.db" node bin/crm.mjs migrate >/dev/null
rm -rf "$SMOKE_DIR"

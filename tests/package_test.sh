#!/usr/bin/env bash
# Installs pmlint with `cmake --install` into a temporary prefix and builds the Debian package,
# unpacks it into a temporary root and runs pmlint from each.
# Usage: tests/package_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" >/dev/null
"$work/prefix/bin/pmlint" --version
test -f "$work/prefix/share/pmlint/pmlint-matcher.json"

(cd "$build" && cpack -G DEB -B "$work/package" >/dev/null)
deb=$(ls "$work"/package/pmlint_*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
for library in libcmark-gfm0.29.0.gfm.6 libcmark-gfm-extensions0.29.0.gfm.6 libyaml-cpp0.7 libre2-9 libutf8proc2 libdate-tz3 tzdata; do
  grep -q "$library" <<<"$depends" || { echo "the package does not depend on $library: $depends" >&2; exit 1; }
done
dpkg-deb -x "$deb" "$work/root"
"$work/root/usr/bin/pmlint" --version
"$work/root/usr/bin/pmlint" "$source/examples/good.md"
status=0
"$work/root/usr/bin/pmlint" "$source/examples/bad.md" >/dev/null 2>&1 || status=$?
[ "$status" -eq 1 ] || { echo "expected exit 1 on examples/bad.md, got $status" >&2; exit 1; }
echo "package: $(basename "$deb") installs and runs"

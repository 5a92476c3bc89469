#!/usr/bin/env bash
# Runs ../shared/conformance/ on the sample site, built fresh.
#
# The kit's accessibility pass injects axe-core as an inline script, which
# every page's Content-Security-Policy refuses (as it should: that is the
# policy working). So the kit runs twice: every check but a11y on the
# site as built, and a11y on a copy whose pages lack only the policy
# <meta> (tests/suite/hostile/markup/chromium.rs shows in Chromium that the policy
# changes nothing a reader sees).
set -euo pipefail
cd "$(dirname "$0")/.."
kit=../shared/conformance
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo run --release --quiet -- build --output "$work/site" --quiet
python3 "$kit/check_site.py" "$work/site" --locales locales --skip a11y
cp -r "$work/site" "$work/site-without-policy"
find "$work/site-without-policy" -name '*.html' \
  -exec sed -i '/http-equiv="Content-Security-Policy"/d' {} +
python3 "$kit/check_site.py" "$work/site-without-policy" --only a11y "$@"

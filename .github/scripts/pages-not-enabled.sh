#!/usr/bin/env bash
# The first run after "Use this template" comes before GitHub Pages is switched on.
# Say what to click, as an annotation on the run and as its summary, and end
# without failing: the site was built, and a re-run publishes it.
set -euo pipefail
: "${PAGES_SETTINGS_URL:?}" "${RUN_URL:?}"

title="Switch GitHub Pages on, then re-run"
steps="Your site was built but not published yet, because GitHub Pages is not switched on for this copy. \
1. Open Settings, then Pages: ${PAGES_SETTINGS_URL} \
2. Under Build and deployment, set Source to GitHub Actions. \
3. Come back to this run (${RUN_URL}) and press Re-run all jobs."

echo "::notice title=${title}::${steps}"

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  cat >>"$GITHUB_STEP_SUMMARY" <<SUMMARY
## ${title}

Your site was built, but it is not online yet: GitHub Pages is not switched on
for this copy. This is expected on the first run after **Use this template**.

1. Open [**Settings**, then **Pages**](${PAGES_SETTINGS_URL}).
2. Under **Build and deployment**, set **Source** to **GitHub Actions**.
3. Come back to [this run](${RUN_URL}) and press **Re-run all jobs**.

After that, each change you save is published by itself.
SUMMARY
fi

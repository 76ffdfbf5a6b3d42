#!/usr/bin/env bash
# Bring the original project's latest version into this copy, on a new branch, for review.
#
#   take-update.sh <upstream repository URL or path> [<upstream branch>]
#
# Leaves the branch "update-from-project" checked out with the update merged, or
# says why not. The practice's own files (practice.yml, docs/practice/, listed in
# .gitattributes with merge=practice) always keep the practice's version. Other
# files take the project's version where both changed the same lines: the pull
# request shows those changes for review. A copy made with "Use this template"
# shares no history with the project, so the first update joins the two histories.
set -euo pipefail
upstream="${1:?give the repository of the original project}"
branch="${2:-main}"

git config merge.practice.name "keep the practice's own version"
git config merge.practice.driver true
git fetch --quiet --no-tags "$upstream" "$branch"
git switch --quiet -C update-from-project
if git merge-base --is-ancestor FETCH_HEAD HEAD; then
  echo "Already up to date with the project."
  exit 0
fi
git merge --no-edit --allow-unrelated-histories -X theirs \
  -m "Take the project's latest version (from $upstream $branch)" FETCH_HEAD
echo "Merged the project's latest version into update-from-project."

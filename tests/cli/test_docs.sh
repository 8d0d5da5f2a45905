#!/bin/sh
# Every command the binary registers is documented in the man page, has a
# help text, and is known to the bash completion; the man page renders.
set -u
: "${ALAQAT:?}" "${ALQ_SRC:?}"
fails=0
cmds=$("$ALAQAT" --help | awk '/^commands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{on=0}')
[ -n "$cmds" ] || { echo "FAIL - no commands listed by --help"; exit 1; }
for c in $cmds; do
  grep -q "^\.BR $c\b\|^\.BR \"$c\b" "$ALQ_SRC/docs/alaqat.1" || { echo "FAIL - $c missing from docs/alaqat.1"; fails=$((fails+1)); }
  grep -q "\b$c\b" "$ALQ_SRC/scripts/alaqat.bash-completion" || { echo "FAIL - $c missing from the bash completion"; fails=$((fails+1)); }
  "$ALAQAT" help "$c" | grep -q "usage:" || { echo "FAIL - alaqat help $c has no usage line"; fails=$((fails+1)); }
done
if command -v groff >/dev/null 2>&1; then
  groff -man -Tutf8 -ww -z "$ALQ_SRC/docs/alaqat.1" 2>"${TMPDIR:-/tmp}/alq_man.err"
  [ -s "${TMPDIR:-/tmp}/alq_man.err" ] && { echo "FAIL - groff warnings:"; cat "${TMPDIR:-/tmp}/alq_man.err"; fails=$((fails+1)); }
fi
bash -n "$ALQ_SRC/scripts/alaqat.bash-completion" || fails=$((fails+1))
[ $fails -eq 0 ] && echo "ok - $(echo $cmds | wc -w) commands documented"
[ $fails -eq 0 ]

#!/bin/sh
# One timed run for the interleaved A/B scripts (ab.sh, ab_cpu.sh,
# add_ab.sh): runs CMD under /usr/bin/time (stdout and stderr discarded)
# and appends "NAME wall_seconds cpu_seconds" (cpu = user + system) to RAW.
# Exit status 1 of alaqat (some inputs had warnings) still counts as a
# run; any other failure (a build that does not start, a usage error, a
# crash) stops the comparison with the command's name and status, instead
# of a time that measured nothing.
#   bench/timed.sh NAME RAW CMD...
set -eu
name=$1; raw=$2; shift 2
t=$(mktemp)
rc=0
/usr/bin/time -f "%e %U %S" -o "$t" "$@" > /dev/null 2>&1 || rc=$?
if [ "$rc" -gt 1 ]; then
  echo "bench: '$*' failed (exit status $rc); no time recorded" >&2
  rm -f "$t"
  exit 1
fi
# (the figures are the last line: /usr/bin/time writes "Command exited with
# non-zero status 1" before them)
read -r w u s <<EOT
$(tail -n 1 "$t")
EOT
rm -f "$t"
echo "$name $w $(echo "$u + $s" | bc)" >> "$raw"

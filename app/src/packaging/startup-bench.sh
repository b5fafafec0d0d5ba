#!/usr/bin/env bash
# Start-up benchmark (issue 14): time from launch to the window's first painted frame, median of RUNS launches,
# for the app image's launcher and for the README's launch command, on one Xvfb + openbox desktop (.ci/desktop).
#   app/src/packaging/startup-bench.sh [RUNS] [WHICH...]
# WHICH: image (the built app image, the default), mvn (the README's `mvn -q -o -pl app -am compile exec:exec`),
# or the path of another image's launcher (e.g. a copy built without the class-data archive, to compare).
# Build the image first: mvn -B -Ppackage -pl app -am package -DskipTests (with MEMSCOPE_CDS=off in the
# environment it has no class-data archive; copy that image aside to compare it with one that has).
# Each launch gives FirstFrame's figure (ms from the JVM's start to the first frame, -Dmemscope.startupTrace=exit),
# the time from the fork to the first frame (the launcher or Maven included; from images that print the frame's
# wall clock, "?" from older ones), the wall clock from the fork to the process's end (adds the exit), and the CPU
# time spent by the first frame (FX thread; whole JVM), which other builds on the machine inflate far less. The kinds
# alternate launch by launch, so a change in load hits them alike. Quote the figures with the `uptime` lines:
# other builds on a 2-core machine inflate them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
runs=${1:-5}
shift || true
which=("$@")
[ ${#which[@]} -gt 0 ] || which=(image)
launcher_of() { if [ "$1" = image ]; then echo "$root/app/target/image/MemScope/bin/MemScope"; else echo "$1"; fi; }

if [ -z "${DISPLAY:-}" ] || [ "${STARTUP_BENCH_INNER:-}" != 1 ]; then
  # one desktop for every launch, so each run pays the same X server and window manager
  exec env STARTUP_BENCH_INNER=1 "$root/.ci/desktop" "$0" "$runs" "${which[@]}"
fi

# one launch: prints "FIRST_FRAME_MS WALL_MS FX_CPU_MS PROCESS_CPU_MS FORK_TO_FIRST_FRAME_MS"
launch() {
  local kind=$1 out t0 t1 ms
  out=$(mktemp)
  t0=$(date +%s%N)
  case $kind in
    mvn)
      (cd "$root" && mvn -q -o -pl app -am compile exec:exec \
        -Djvm.args="-Dmemscope.startupTrace=exit -Dmemscope.prefs=memory") >"$out" 2>&1 ;;
    *)
      # the jpackage launcher ignores JDK_JAVA_OPTIONS; the JVM itself reads JAVA_TOOL_OPTIONS
      JAVA_TOOL_OPTIONS="-Dmemscope.startupTrace=exit -Dmemscope.prefs=memory" "$(launcher_of "$kind")" \
        >"$out" 2>&1 ;;
  esac
  t1=$(date +%s%N)
  ms=$(sed -n 's/.*memscope: first frame \([0-9]*\) ms after launch.*/\1/p' "$out" | head -n 1)
  if [ -z "$ms" ]; then
    echo "startup-bench: $kind printed no first frame:" >&2
    cat "$out" >&2
    rm -f "$out"
    exit 1
  fi
  at=$(sed -n 's/.*memscope: first frame .* at \([0-9]*\) ms since the epoch.*/\1/p' "$out" | head -n 1)
  cpu=$(sed -n 's/.*memscope: first frame .*CPU: FX thread \([0-9]*\) ms, process \(-\{0,1\}[0-9]*\) ms.*/\1 \2/p' "$out" | head -n 1)
  rm -f "$out"
  echo "$ms $(( (t1 - t0) / 1000000 )) ${cpu:-? ?} $([ -n "$at" ] && echo $(( at - t0 / 1000000 )) || echo '?')"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

echo "startup-bench: $runs launches each; $(uptime)"
declare -A firsts walls fxcpus cpus forks
for kind in "${which[@]}"; do
  launch "$kind" >/dev/null # a first launch fills the page cache; not counted
done
for _ in $(seq "$runs"); do
  for kind in "${which[@]}"; do
    result=$(launch "$kind")
    read -r first wall fxcpu cpu fork <<<"$result"
    firsts[$kind]+="$first " walls[$kind]+="$wall " fxcpus[$kind]+="$fxcpu " cpus[$kind]+="$cpu "
    forks[$kind]+="$fork "
  done
done
for kind in "${which[@]}"; do
  printf '%s\n  first frame, ms after the JVM started: %s(median %s)\n  launch to exit, ms: %s(median %s)\n' \
    "$kind" "${firsts[$kind]}" "$(printf '%s\n' ${firsts[$kind]} | median)" \
    "${walls[$kind]}" "$(printf '%s\n' ${walls[$kind]} | median)"
  printf '  launch (fork) to first frame, ms, launcher included: %s(median %s)\n' \
    "${forks[$kind]}" "$(printf '%s\n' ${forks[$kind]} | median)"
  # CPU by the first frame: what the start costs without the waits for a core that other builds cause
  printf '  CPU by the first frame, FX thread ms: %s(median %s); whole process ms: %s(median %s)\n' \
    "${fxcpus[$kind]}" "$(printf '%s\n' ${fxcpus[$kind]} | median)" \
    "${cpus[$kind]}" "$(printf '%s\n' ${cpus[$kind]} | median)"
done
echo "startup-bench: done; $(uptime)"

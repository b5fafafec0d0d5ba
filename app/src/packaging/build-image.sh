#!/usr/bin/env bash
# Builds the self-contained MemScope app image: a jlinked Java runtime with JavaFX as named modules, and the
# modules memscope.app, memscope.model and their libraries on the launcher's module path, wrapped by jpackage
# (--type app-image), which starts memscope.app/memscope.app.Main as a module.
# Called by the `package` Maven profile in app/pom.xml:
#   mvn -B -Ppackage -pl app -am package -DskipTests
# Result: app/target/image/MemScope/bin/MemScope
#
# Usage: build-image.sh JDK_HOME APP_JAR LIB_DIR WORK_DIR DEST_DIR VERSION
set -euo pipefail

if [ "$#" -ne 6 ]; then
  echo "usage: $0 JDK_HOME APP_JAR LIB_DIR WORK_DIR DEST_DIR VERSION" >&2
  exit 2
fi
jdk_home=$1 app_jar=$2 lib_dir=$3 work_dir=$4 dest_dir=$5 project_version=$6
app_name=MemScope
main_module=memscope.app/memscope.app.Main

for tool in jdeps jlink jpackage; do
  if [ ! -x "$jdk_home/bin/$tool" ]; then
    echo "build-image: $jdk_home/bin/$tool not found; jlink/jpackage need a full JDK 17+" >&2
    exit 1
  fi
done
[ -f "$app_jar" ] || { echo "build-image: application jar $app_jar does not exist" >&2; exit 1; }
[ -d "$lib_dir" ] || { echo "build-image: dependency directory $lib_dir does not exist" >&2; exit 1; }

# jpackage refuses to overwrite, so every run starts from scratch.
rm -rf "$work_dir" "$dest_dir/$app_name"
mkdir -p "$work_dir/input" "$work_dir/javafx" "$work_dir/mods" "$dest_dir"
# JavaFX is linked into the runtime (its jars are modular; the platform-less javafx-*.jar are empty placeholders
# and are left out). memscope.app, memscope.model and every other jar go on the launcher's module path (lib/app/mods):
# jlink cannot link them, as memscope.app requires automatic modules (RichTextFX, ReactFX, JNA...).
cp "$lib_dir"/javafx-*-linux.jar "$work_dir/javafx/"
for jar in "$lib_dir"/*.jar; do
  case $(basename "$jar") in
    javafx-*) ;;
    *) cp "$jar" "$work_dir/mods/" ;;
  esac
done
cp "$app_jar" "$work_dir/mods/"

# JNA (live Linux processes: process_vm_readv/writev, /proc/PID/mem) carries libjnidispatch.so inside its jar
# and would unpack it into ~/.cache/JNA on first use; ship it unpacked in lib/app instead.
jna_jar=$(ls "$work_dir"/mods/jna-*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jna_jar" ]; then
  echo "build-image: no jna-*.jar under $lib_dir (attaching to live processes needs JNA)" >&2
  exit 1
fi
(cd "$work_dir/input" && "$jdk_home/bin/jar" xf "$(realpath "$jna_jar")" com/sun/jna/linux-x86-64/libjnidispatch.so \
  && mv com/sun/jna/linux-x86-64/libjnidispatch.so . && rm -rf com)
[ -f "$work_dir/input/libjnidispatch.so" ] || { echo "build-image: no libjnidispatch.so in $jna_jar" >&2; exit 1; }

# Modules the jars really use, plus ones reached only by reflection or service
# lookup that jdeps cannot see (scripting, locale data, extra charsets, prefs).
detected=$("$jdk_home/bin/jdeps" --print-module-deps --ignore-missing-deps \
  --multi-release 17 --module-path "$work_dir/javafx:$work_dir/mods" --add-modules ALL-MODULE-PATH \
  2>/dev/null | tail -n 1)
# the JDK modules that the explicit modules' `requires` name (ControlsFX: java.net.http...), as resolution finds them
required=$("$jdk_home/bin/java" --module-path "$work_dir/javafx:$work_dir/mods" --limit-modules memscope.app \
  --add-modules memscope.app --show-module-resolution -version 2>&1 | grep -v ' binds \| requires ' \
  | grep -oE '^(root )?[a-z0-9.]+ jrt:' | sed 's/^root //; s/ jrt://' | sort -u | paste -sd, -)
[ -n "$required" ] || { echo "build-image: memscope.app does not resolve on $work_dir/mods" >&2; exit 1; }
detected="$detected,$required"
baseline=java.base,java.desktop,java.logging,java.xml,java.scripting,java.prefs,java.sql,jdk.unsupported,jdk.unsupported.desktop,jdk.jfr,jdk.localedata,jdk.charsets,jdk.zipfs,javafx.base,javafx.graphics,javafx.controls,javafx.swing
modules=$(printf '%s,%s' "$detected" "$baseline" | tr ',' '\n' | grep -v '^$' | sort -u | paste -sd, -)
echo "build-image: jdeps found: $detected"
echo "build-image: linking modules: $modules"

"$jdk_home/bin/jlink" \
  --module-path "$jdk_home/jmods:$work_dir/javafx" \
  --add-modules "$modules" \
  --output "$work_dir/runtime" \
  --strip-debug --no-header-files --no-man-pages \
  --compress=2
# bin/java stays: the image's launcher (below) runs it; the JDK's other commands (keytool, jrunscript, jfr) go
find "$work_dir/runtime/bin" -mindepth 1 ! -name java -delete

# A jlinked JavaFX loads its natives with System.loadLibrary, which searches the runtime's lib/ (as JavaFX's own
# jmods place them); otherwise it would unpack them into ~/.openjfx/cache at the first start.
for fx_jar in "$work_dir"/javafx/*.jar; do
  native_libs=$("$jdk_home/bin/jar" tf "$fx_jar" | grep -E '^[^/]+\.so$' || true)
  # `jar xf` with no names would unpack the whole jar
  if [ -n "$native_libs" ]; then
    (cd "$work_dir/runtime/lib" && "$jdk_home/bin/jar" xf "$(realpath "$fx_jar")" $native_libs)
  fi
done
if ! ls "$work_dir"/runtime/lib/libglass.so >/dev/null 2>&1; then
  echo "build-image: no JavaFX natives (libglass.so) found in javafx-*-linux.jar under $lib_dir" >&2
  exit 1
fi

# Start-up (issue 14): on 2 cores the C2 compiler spent as much CPU before the first frame as the FX thread did,
# compiling start-up code (CSS, class loading, lambdas) that runs only then. Ten times C2's thresholds leave that
# code to C1: whole-process CPU by the first frame about 14 % lower, and Find still within 2x of grep -F
# (startup-bench.sh and exec:exec@bench-find, README). A hundred times made Find 4x slower than grep: not that.
c2_later=(--java-options -XX:Tier4InvocationThreshold=50000 --java-options -XX:Tier4CompileThreshold=150000
  --java-options -XX:Tier4BackEdgeThreshold=400000)

# jpackage wants a purely numeric version: 0.1.0-SNAPSHOT -> 0.1.0
"$jdk_home/bin/jpackage" \
  --type app-image \
  --name "$app_name" \
  --app-version "${project_version%%-*}" \
  --vendor "$app_name" \
  --dest "$dest_dir" \
  --input "$work_dir/input" \
  --module-path "$work_dir/mods" \
  --module "$main_module" \
  --java-options '-Djna.boot.library.path=$APPDIR' \
  --java-options '-Djna.nounpack=true' \
  "${c2_later[@]}" \
  --icon "$(dirname "$0")/memscope.png" \
  --runtime-image "$work_dir/runtime"

# ---- The launcher (issue 14: start-up) -------------------------------------------------------------------------
# jpackage's native launcher asks `rpm -qf` and `dpkg -S` which package owns it (twice) before it starts the JVM, on
# every launch: 0.1-0.3 s here, more on a machine with many packages. bin/MemScope becomes a script that starts the
# runtime's java with the same options as jpackage's .cfg (kept: the .deb's jpackage reads the image's files),
# the same module and the same environment (lib/app on LD_LIBRARY_PATH, jpackage.app-path).
cfg="$dest_dir/$app_name/lib/app/$app_name.cfg"
launcher="$dest_dir/$app_name/bin/$app_name"
[ -f "$cfg" ] || { echo "build-image: jpackage wrote no $cfg" >&2; exit 1; }
{
  printf '#!/bin/sh\n'
  printf '# MemScope, from build-image.sh: the runtime'"'"'s java with the options of lib/app/%s.cfg (a script rather than\n' "$app_name"
  printf '# jpackage'"'"'s launcher, which asks rpm and dpkg which package owns it at every launch)\n'
  printf 'self=$(readlink -f "$0")\n'
  printf 'home=${self%%/bin/*}\n'
  printf 'APPDIR="$home/lib/app"\n'
  # no empty entry: an empty LD_LIBRARY_PATH entry means the current directory, whose libraries must not load
  printf 'export LD_LIBRARY_PATH="${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}$APPDIR"\n'
  # the app's class-data archive (below), when the image has one: the JVM ignores it, silently, once the image moved
  printf 'cds=\n'
  printf '[ -r "$APPDIR/%s.jsa" ] && cds="-XX:SharedArchiveFile=$APPDIR/%s.jsa"\n' "$app_name" "$app_name"
  printf 'exec "$home/lib/runtime/bin/java" ${cds:+"$cds"}'
  # one argument per java-options line; $APPDIR is the script's own variable, so keep it for the shell to expand
  sed -n 's/^java-options=//p' "$cfg" | while IFS= read -r option; do
    printf ' "%s"' "$(printf '%s' "$option" | sed 's/["`\\]/\\&/g')"
  done
  printf ' "-Djpackage.app-path=$self" -m %s "$@"\n' "$(sed -n 's/^app.mainmodule=//p' "$cfg")"
} >"$launcher.script"
mv "$launcher.script" "$launcher"
chmod 755 "$launcher"

# ---- Class-data sharing (issue 14: start-up) ------------------------------------------------------------------
# A jlinked runtime has no class-data archive, so every start parses and verifies the 4,000-odd JDK and JavaFX
# classes the window needs. A training run lists the classes a start loads up to the first frame
# (-Dmemscope.startupTrace=exit, under $DISPLAY or on an Xvfb desktop through .ci/desktop); the runtime's default
# archive, lib/server/classes.jsa, is then dumped from that list and used by every start without an option. The
# dump runs without the class path: an archive that records the app's jars is refused as soon as the image moves
# (the .deb installs it elsewhere; the JVM says "shared class paths mismatch" and shares no class at all), so the
# archive holds the runtime's own modules, JDK and JavaFX, and works wherever the image lies. Without a display
# the list comes from `--help` (fewer classes). MEMSCOPE_CDS=off skips this step.
if [ "${MEMSCOPE_CDS:-on}" != off ]; then
  image_dir="$dest_dir/$app_name"
  class_list="$work_dir/classes.lst"
  train_env=(env "JAVA_TOOL_OPTIONS=-XX:DumpLoadedClassList=$class_list -Dmemscope.startupTrace=exit -Dmemscope.prefs=memory")
  desktop="$(cd "$(dirname "$0")/../../.." && pwd)/.ci/desktop"
  # .ci/desktop installs Xvfb and openbox where it can (a fresh machine has neither): an image trained on --help
  # alone has a third of the classes and no app archive, and started 1.75 s instead of 1.35 s here
  if [ -n "${DISPLAY:-}" ]; then
    trainer=("${train_env[@]}" "$image_dir/bin/$app_name")
  elif [ -x "$desktop" ]; then
    trainer=("$desktop" "${train_env[@]}" "$image_dir/bin/$app_name")
  else
    trainer=()
  fi
  rm -f "$class_list"
  # its exit status is not the point (the desktop's teardown may colour it): the list is
  if [ ${#trainer[@]} -gt 0 ]; then
    timeout 600 "${trainer[@]}" >"$work_dir/cds-training.log" 2>&1 || true
  fi
  if [ ! -s "$class_list" ]; then
    echo "build-image: no display for the class-data training run; listing the classes of --help instead"
    trainer=("${train_env[@]}" "$image_dir/bin/$app_name" --help)
    timeout 600 "${trainer[@]}" >"$work_dir/cds-training.log" 2>&1 || true
  fi
  if [ ! -s "$class_list" ]; then
    echo "build-image: the class-data training run failed (see $work_dir/cds-training.log); the image has no archive" >&2
  else
    # the runtime's java without the module path; the list names the app's own classes too, which the dump then
    # skips, warning each time
    "$image_dir/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$class_list" \
      >"$work_dir/cds-dump.log" 2>&1 || true
    if [ -s "$image_dir/lib/runtime/lib/server/classes.jsa" ]; then
      echo "build-image: class-data archive lib/runtime/lib/server/classes.jsa ($(du -h "$image_dir/lib/runtime/lib/server/classes.jsa" | cut -f1))"
    else
      echo "build-image: the class-data dump failed (see $work_dir/cds-dump.log); the image has no archive" >&2
    fi
  fi
  # The app's own classes and its libraries' (RichTextFX, Jackson, picocli...: the module path) go into a second,
  # dynamic archive on top of that one, lib/app/MemScope.jsa, from a second training run to the first frame; the
  # launcher passes it when it is there. It records the module path, so it serves the image where it was built
  # (start-up measured 1,451 -> 1,294 ms median, FX CPU 880 -> 779 ms, at load 0.7-1.9); wherever the image is
  # moved (the .deb's install) the JVM silently shares only the runtime's archive, as before.
  if [ -s "$image_dir/lib/runtime/lib/server/classes.jsa" ] && [ "${trainer[*]: -1}" != --help ]; then
    app_archive="$image_dir/lib/app/$app_name.jsa"
    rm -f "$app_archive"
    timeout 600 "${trainer[@]/-XX:DumpLoadedClassList=$class_list/-XX:ArchiveClassesAtExit=$app_archive.tmp}" \
      >"$work_dir/cds-app-training.log" 2>&1 || true
    if [ -s "$app_archive.tmp" ]; then
      mv "$app_archive.tmp" "$app_archive"
      echo "build-image: the app's class-data archive lib/app/$app_name.jsa ($(du -h "$app_archive" | cut -f1))"
    else
      rm -f "$app_archive.tmp"
      echo "build-image: the app's class-data training run made no archive (see $work_dir/cds-app-training.log)" >&2
    fi
  fi
fi

# the bash completion for `memscope`, generated from the command tree itself (the .deb links it into
# /usr/share/bash-completion/completions; from the image: source lib/bash-completion/memscope)
mkdir -p "$dest_dir/$app_name/lib/bash-completion"
"$dest_dir/$app_name/bin/$app_name" generate-completion > "$dest_dir/$app_name/lib/bash-completion/memscope"

echo "build-image: built $dest_dir/$app_name (launcher: bin/$app_name)"

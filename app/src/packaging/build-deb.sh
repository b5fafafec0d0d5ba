#!/usr/bin/env bash
# Builds the MemScope .deb from the app image that build-image.sh made: a desktop entry with the icon, file
# associations for console scripts (.msc) and sessions (.memscope), the app in /opt/memscope, `memscope` on the
# PATH (/usr/bin/memscope) and its bash completion. Called by the `package` Maven profile after build-image.sh:
#   mvn -B -Ppackage -pl app -am package -DskipTests
# Result: app/target/installer/memscope_VERSION_ARCH.deb (install: sudo apt install ./memscope_*.deb)
#
# Usage: build-deb.sh JDK_HOME IMAGE_DIR PACKAGING_DIR WORK_DIR DEST_DIR VERSION
set -euo pipefail

if [ "$#" -ne 6 ]; then
  echo "usage: $0 JDK_HOME IMAGE_DIR PACKAGING_DIR WORK_DIR DEST_DIR VERSION" >&2
  exit 2
fi
jdk_home=$1 image=$2 packaging=$3 work_dir=$4 dest_dir=$5 project_version=$6

for tool in dpkg-deb fakeroot; do
  if ! command -v "$tool" >/dev/null; then
    echo "build-deb: $tool not found; jpackage needs it for a .deb (apt-get install dpkg-dev fakeroot)" >&2
    exit 1
  fi
done
[ -x "$image/bin/MemScope" ] || { echo "build-deb: no app image at $image (run build-image.sh first)" >&2; exit 1; }

[ -f "$image/lib/bash-completion/memscope" ] || { echo "build-deb: $image has no bash completion" >&2; exit 1; }

rm -rf "$work_dir" && mkdir -p "$work_dir" "$dest_dir"
rm -f "$dest_dir"/memscope_*.deb
# the image's app class-data archive (lib/app/MemScope.jsa) records where the image was built; installed in
# /opt/memscope the JVM would ignore it, so the package leaves it out
deb_image="$work_dir/image"
cp -a "$image" "$deb_image"
rm -f "$deb_image/lib/app/MemScope.jsa"
"$jdk_home/bin/jpackage" \
  --type deb \
  --app-image "$deb_image" \
  --name MemScope \
  --linux-package-name memscope \
  --app-version "${project_version%%-*}" \
  --vendor MemScope \
  --description "A memory inspector over a simulated kernel, with a command line (memscope run, lesson check, maps)" \
  --icon "$packaging/memscope.png" \
  --linux-shortcut \
  --linux-menu-group Development \
  --linux-app-category devel \
  --file-associations "$packaging/associations/msc.properties" \
  --file-associations "$packaging/associations/session.properties" \
  --dest "$work_dir/jpackage"

deb=$(ls "$work_dir"/jpackage/memscope_*.deb)
# jpackage installs into /opt/memscope only: add the command and its completion as relative links, so they
# also work from a root that `dpkg -x` unpacked somewhere else
tree="$work_dir/tree"
dpkg-deb -R "$deb" "$tree"
mkdir -p "$tree/usr/bin" "$tree/usr/share/bash-completion/completions"
ln -s ../../opt/memscope/bin/MemScope "$tree/usr/bin/memscope"
# jpackage 17's desktop entry passes no file: an opened .msc or .memscope file must reach the launcher
sed -i 's|^Exec=\(.*\)$|Exec=\1 %f|' "$tree"/opt/memscope/lib/*.desktop
ln -s ../../../../opt/memscope/lib/bash-completion/memscope "$tree/usr/share/bash-completion/completions/memscope"
fakeroot dpkg-deb -Zgzip --build "$tree" "$dest_dir/$(basename "$deb")" >/dev/null
echo "build-deb: built $dest_dir/$(basename "$deb")"

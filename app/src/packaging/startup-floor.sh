#!/usr/bin/env bash
# The start-up floor on this machine (issue 14): the smallest JavaFX window (one Stage, one Label) timed to its
# first frame as FirstFrame times MemScope's, run by the app image's own runtime (same JDK, same JavaFX, same
# class-data archive, same kind of launcher). Adds a launcher bin/Floor to a copy of the image and prints its path,
# for startup-bench.sh:
#   app/src/packaging/startup-floor.sh [IMAGE_DIR] [WORK_DIR]
#   app/src/packaging/startup-bench.sh 5 "$(app/src/packaging/startup-floor.sh)" image
# IMAGE_DIR defaults to app/target/image/MemScope; the copy goes to WORK_DIR (default app/target/startup-floor).
# Compiling needs the JDK's javac and JavaFX's jars in ~/.m2 (the build put them there).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
image=${1:-$root/app/target/image/MemScope}
work=${2:-$root/app/target/startup-floor}
[ -x "$image/bin/MemScope" ] || { echo "startup-floor: no app image at $image (build it first)" >&2; exit 1; }
fx_version=$(sed -n 's|.*<javafx.version>\(.*\)</javafx.version>.*|\1|p' "$root/pom.xml" "$root/app/pom.xml" | head -n 1)
repo=${MAVEN_REPO:-$HOME/.m2/repository}/org/openjfx
mp=
for m in base graphics controls; do
  jar="$repo/javafx-$m/$fx_version/javafx-$m-$fx_version-linux.jar"
  [ -f "$jar" ] || { echo "startup-floor: $jar not found" >&2; exit 1; }
  mp+="${mp:+:}$jar"
done
rm -rf "$work"
mkdir -p "$work/src/floor" "$work/out"
cat >"$work/src/module-info.java" <<'JAVA'
module floor {
    requires javafx.controls;
    requires java.management;
    exports floor to javafx.graphics;
}
JAVA
cat >"$work/src/floor/Floor.java" <<'JAVA'
package floor;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** One Stage, one Label; prints what memscope.app.startup.FirstFrame prints, then quits. */
public class Floor extends Application {
    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new Label("floor"), 400, 300);
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(() -> {
                long now = System.currentTimeMillis();
                long ms = now - ManagementFactory.getRuntimeMXBean().getStartTime();
                long fx = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
                System.err.println("memscope: first frame " + ms + " ms after launch; CPU: FX thread " + fx
                        + " ms, process " + cpu() + " ms; at " + now + " ms since the epoch");
                Platform.exit();
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
        stage.setScene(scene);
        stage.show();
    }

    static long cpu() {
        try {
            String s = Files.readString(Path.of("/proc/self/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (Exception e) {
            return -1;
        }
    }
}
JAVA
javac --module-path "$mp" -d "$work/out" "$work/src/module-info.java" "$work/src/floor/Floor.java"
cp -a "$image" "$work/image"
# started as the image's bin/MemScope starts the app: a script running the runtime's java (build-image.sh)
printf '#!/bin/sh\nexec "%s/image/lib/runtime/bin/java" --module-path "%s/out" -m floor/floor.Floor "$@"\n' \
  "$work" "$work" >"$work/image/bin/Floor"
chmod 755 "$work/image/bin/Floor"
echo "$work/image/bin/Floor"

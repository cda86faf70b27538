#!/usr/bin/env bash
# Builds the base image for the server's OCI image without a registry: a Java 17 runtime made with
# jlink from this machine's JDK, the glibc files it links against, and a non-root user, written as
# a `docker save` tarball that Jib reads with `tar://`.
#
#   latchkey-server/scripts/build-base-image.sh [OUTPUT.tar]
#   mvn -Pimage -pl latchkey-server package -Dimage.base=tar://$PWD/latchkey-server/target/base-image/jre17.tar
#
# Where a registry is reachable, the image profile's default base (eclipse-temurin:17-jre) needs none
# of this. Needs: a JDK 17 with jmods (Debian's openjdk-17-jdk has them), ldd, python3.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
jdk="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
out="${1:-$here/../target/base-image/jre17.tar}"
# java.se is every java.* module (Spring needs java.desktop for java.beans, java.sql, java.naming...);
# the jdk.* ones are what a server uses at run time: Unsafe for libraries, EC and PKCS#11 for TLS,
# DNS for JNDI, zip file systems, JFR, jcmd for thread dumps, and the extra charsets and locales.
modules="java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.zipfs,jdk.naming.dns,jdk.management,jdk.management.agent,jdk.jfr,jdk.jcmd,jdk.charsets,jdk.localedata,jdk.net,jdk.security.auth,jdk.security.jgss,jdk.httpserver"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root"

"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$root/opt/java/openjdk"

# The glibc (and zlib) files the launcher and the runtime's own libraries are linked against. The
# AWT, sound and splash-screen libraries are left out: a headless server never loads them.
libraries() {
  find "$root/opt/java/openjdk" -type f \( -name '*.so' -o -path '*/bin/*' \) \
    ! -name 'libawt_xawt.so' ! -name 'libjsound.so' ! -name 'libsplashscreen.so' ! -name 'libjawt.so' \
    ! -name 'libfontmanager.so' ! -name 'liblcms.so' ! -name 'libjavajpeg.so' \
    -exec ldd {} \; 2>/dev/null | awk '/=> \// { print $3 } /^\t\/lib/ { print $1 }' | sort -u
}
for library in $(libraries); do
  case "$library" in "$root"/*) continue ;; esac
  mkdir -p "$root$(dirname "$library")"
  cp -L "$library" "$root$library"
done
# The loader is looked up at /lib64; Debian's usrmerge makes /lib a link to /usr/lib.
for link in lib lib64; do
  if [ -L "/$link" ] && [ ! -e "$root/$link" ]; then ln -s "$(readlink "/$link")" "$root/$link"; fi
done
if [ -d /usr/lib64 ] && [ ! -e "$root/usr/lib64/ld-linux-x86-64.so.2" ]; then
  mkdir -p "$root/usr/lib64"; cp -L /lib64/ld-linux-x86-64.so.2 "$root/usr/lib64/"
fi

# LANG=C.UTF-8 needs glibc's C.utf8 locale files, else Java falls back to ASCII for file names.
if [ -d /usr/lib/locale/C.utf8 ]; then
  mkdir -p "$root/usr/lib/locale"; cp -R /usr/lib/locale/C.utf8 "$root/usr/lib/locale/"
fi

mkdir -p "$root/etc" "$root/tmp" "$root/proc" "$root/dev"
printf 'root:x:0:0:root:/root:/sbin/nologin\nlatchkey:x:65532:0:Latchkey:/data:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nlatchkey:x:65532:\n' > "$root/etc/group"
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n::1 localhost\n' > "$root/etc/hosts"

mkdir -p "$(dirname "$out")"
python3 - "$root" "$out" <<'PYTHON'
import hashlib, io, json, os, stat, sys, tarfile

root, out = sys.argv[1], sys.argv[2]
layer = io.BytesIO()
with tarfile.open(fileobj=layer, mode="w", format=tarfile.PAX_FORMAT) as tar:
    for directory, dirs, files in os.walk(root):
        dirs.sort()
        for name in [""] + sorted(files) + sorted(d for d in dirs if os.path.islink(os.path.join(directory, d))):
            path = os.path.join(directory, name) if name else directory
            relative = os.path.relpath(path, root)
            if relative == ".":
                continue
            info = tar.gettarinfo(path, arcname=relative)
            info.uid = info.gid = 0
            info.uname = info.gname = "root"
            info.mtime = 0
            if relative == "tmp":
                info.mode = 0o1777
            if info.isreg():
                with open(path, "rb") as content:
                    tar.addfile(info, content)
            else:
                tar.addfile(info)
layer_bytes = layer.getvalue()
diff_id = "sha256:" + hashlib.sha256(layer_bytes).hexdigest()
config = {
    "architecture": "amd64",
    "os": "linux",
    "created": "1970-01-01T00:00:00Z",
    "config": {
        "Env": ["PATH=/opt/java/openjdk/bin:/usr/local/bin:/usr/bin:/bin",
                "JAVA_HOME=/opt/java/openjdk", "LANG=C.UTF-8"],
        "User": "65532:0",
    },
    "rootfs": {"type": "layers", "diff_ids": [diff_id]},
    "history": [{"created": "1970-01-01T00:00:00Z",
                 "created_by": "latchkey-server/scripts/build-base-image.sh (jlink of the local JDK 17)"}],
}
config_bytes = json.dumps(config, indent=2).encode()
config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
layer_name = diff_id.split(":")[1] + "/layer.tar"
manifest = [{"Config": config_name, "RepoTags": ["latchkey-jre:17"], "Layers": [layer_name]}]
with tarfile.open(out, mode="w") as image:
    for name, data in ((layer_name, layer_bytes), (config_name, config_bytes),
                       ("manifest.json", json.dumps(manifest).encode())):
        info = tarfile.TarInfo(name)
        info.size = len(data)
        image.addfile(info, io.BytesIO(data))
print(f"{out}: {len(layer_bytes) // (1024 * 1024)} MiB layer, {diff_id[:19]}")
PYTHON

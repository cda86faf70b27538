#!/usr/bin/env bash
# Checks the server's OCI image tarball (jib:buildTar, `docker save` layout) without a container
# engine: the entrypoint runs the server's main class, the user is uid 65532 (not root), port 8000
# is exposed, /data is a volume that the user's group can write, and the data directory and the H2
# database point into it.
#
#   latchkey-server/scripts/check-image.sh [IMAGE.tar] [--run]
#
# --run also starts the image (root needed: unshare and chroot stand in for a container runtime):
# its layers are unpacked, the entrypoint runs as the image's user with the image's environment,
# and the server must become ready, accept a sign-up, write its database and signing key under
# /data, and stop cleanly on SIGTERM.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
image="${1:-$here/../target/latchkey-server-image.tar}"
run="${2:-}"
[ -f "$image" ] || { echo "no image tarball at $image (build it: mvn -Pimage -pl latchkey-server -am package)" >&2; exit 2; }

python3 - "$image" <<'PYTHON'
import json, sys, tarfile

image = tarfile.open(sys.argv[1])
manifest = json.load(image.extractfile("manifest.json"))[0]
config = json.load(image.extractfile(manifest["Config"]))["config"]
failures = []

def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)

entrypoint = config.get("Entrypoint") or []
env = dict(item.split("=", 1) for item in config.get("Env", []))
user = config.get("User", "")
check("dev.latchkey.server.LatchkeyServerApplication" in entrypoint, f"entrypoint runs the server: {entrypoint}")
check(user.split(":")[0] == "65532", f"user is uid 65532, not root: {user!r}")
check("8000/tcp" in config.get("ExposedPorts", {}), f"port 8000 exposed: {sorted(config.get('ExposedPorts', {}))}")
check("/data" in config.get("Volumes", {}), f"/data is a volume: {sorted(config.get('Volumes', {}))}")
check(env.get("LATCHKEY_DATA_DIRECTORY") == "/data", "LATCHKEY_DATA_DIRECTORY=/data")
check(env.get("SPRING_DATASOURCE_URL", "").startswith("jdbc:h2:file:/data/"), "the H2 database is under /data")

data = None
for layer in manifest["Layers"]:
    with tarfile.open(fileobj=image.extractfile(layer), mode="r:*") as entries:
        for entry in entries:
            if entry.name.strip("./").rstrip("/") == "data":
                data = entry
group = user.split(":")[1] if ":" in user else None
writable = data is not None and data.isdir() and (
        (data.mode & 0o002) or (data.mode & 0o020 and str(data.gid) == group) or str(data.uid) == user.split(":")[0])
check(bool(writable), "/data is a directory the user can write"
      + ("" if data is None else f" (uid {data.uid}, gid {data.gid}, mode {oct(data.mode)})"))
sys.exit(1 if failures else 0)
PYTHON

[ "$run" = "--run" ] || exit 0

work="$(mktemp -d)"
port="${PORT:-18731}"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/rootfs"
python3 - "$image" "$work/rootfs" "$work/launch" <<'PYTHON'
import json, shlex, sys, tarfile

image, root, launch = tarfile.open(sys.argv[1]), sys.argv[2], sys.argv[3]
manifest = json.load(image.extractfile("manifest.json"))[0]
config = json.load(image.extractfile(manifest["Config"]))["config"]
for layer in manifest["Layers"]:
    with tarfile.open(fileobj=image.extractfile(layer), mode="r:*") as entries:
        entries.extractall(root, numeric_owner=True)
user = config["User"] if ":" in config["User"] else config["User"] + ":" + config["User"]
with open(launch, "w") as script:
    # Every step execs the next, so the server keeps this script's process id and gets its signals.
    script.write("exec env -i " + " ".join(shlex.quote(item) for item in config.get("Env", []))
                 + f' "$(command -v chroot)" --userspec={user} {shlex.quote(root)} '
                 + " ".join(shlex.quote(arg) for arg in config["Entrypoint"] + (config.get("Cmd") or []))
                 + ' "$@"\n')
PYTHON
mkdir -p "$work/rootfs/proc" "$work/rootfs/dev"
echo "starting the image on port $port"
unshare -m sh -c "mount -t proc proc '$work/rootfs/proc' && mount --rbind /dev '$work/rootfs/dev' \
  && exec sh '$work/launch' --server.port=$port" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  if curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then break; fi
  sleep 1
done
status=0
if curl -sf "http://localhost:$port/actuator/health/readiness" | grep -q UP; then echo "ok    ready"; else echo "FAIL  not ready"; status=1; fi
code="$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://localhost:$port/api/auth/signup/" \
  -H 'Content-Type: application/json' -d '{"username": "imagecheck", "password": "Str0ng-Passw0rd!"}' || true)"
if [ "$code" = 201 ]; then echo "ok    sign-up 201"; else echo "FAIL  sign-up answered $code"; status=1; fi
for file in latchkey.mv.db jwt-signing-key; do
  owner="$(stat -c %u "$work/rootfs/data/$file" 2>/dev/null || echo none)"
  if [ "$owner" = 65532 ]; then echo "ok    /data/$file written by uid 65532"; else echo "FAIL  /data/$file: owner $owner"; status=1; fi
done
kill -TERM "$server" 2>/dev/null || true
wait "$server" 2>/dev/null || true
if grep -q "Graceful shutdown complete" "$work/server.log"; then echo "ok    graceful shutdown"; else echo "FAIL  no graceful shutdown"; status=1; fi
[ "$status" = 0 ] || tail -40 "$work/server.log"
exit "$status"

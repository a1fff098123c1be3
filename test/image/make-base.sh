#!/usr/bin/env bash
# Makes the local base image the Dockerfile builds FROM when no registry can be pulled
# from: Debian bookworm (minbase, with python3, make and g++ for better-sqlite3) made by
# debootstrap, plus this machine's Node.js 20 and npm, its headers for node-gyp, and a
# "node" user as in the official node images.
set -euo pipefail
IMAGE=${BASE_IMAGE:-localhost/sponsors-node20-base:latest}
CACHE=${BASE_CACHE:-/var/cache/sponsors-image-base}

if podman image exists "$IMAGE"; then
  echo "base image $IMAGE exists"
  exit 0
fi

rootfs="$CACHE/rootfs"
if [ ! -x "$rootfs/usr/bin/g++" ]; then
  echo "--- debootstrap bookworm into $rootfs (a few minutes)"
  rm -rf "$rootfs"
  mkdir -p "$CACHE"
  debootstrap --variant=minbase --include=python3,make,g++,ca-certificates bookworm "$rootfs" http://deb.debian.org/debian >"$CACHE/debootstrap.log" 2>&1 \
    || { tail -n 30 "$CACHE/debootstrap.log"; exit 1; }
fi

node_bin=$(command -v node)
node_prefix=$(dirname "$(dirname "$(readlink -f "$node_bin")")")
echo "--- adding Node.js $(node --version) from $node_prefix"
install -D -m 0755 "$(readlink -f "$node_bin")" "$rootfs/usr/bin/node"
rm -rf "$rootfs/usr/lib/node_modules/npm" "$rootfs/usr/include/node"
mkdir -p "$rootfs/usr/lib/node_modules" "$rootfs/usr/include"
cp -a "$(npm root -g)/npm" "$rootfs/usr/lib/node_modules/npm"
cp -a "$node_prefix/include/node" "$rootfs/usr/include/node"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/bin/npx"
mkdir -p "$rootfs/usr/etc"
printf 'nodedir=/usr\nfund=false\naudit=false\nupdate-notifier=false\n' >"$rootfs/usr/etc/npmrc"
grep -q '^node:' "$rootfs/etc/group" || echo 'node:x:1000:' >>"$rootfs/etc/group"
grep -q '^node:' "$rootfs/etc/passwd" || echo 'node:x:1000:1000:node:/home/node:/bin/sh' >>"$rootfs/etc/passwd"
mkdir -p "$rootfs/home/node" && chown 1000:1000 "$rootfs/home/node"

echo "--- importing $IMAGE"
tar -C "$rootfs" -c . | podman import --change 'CMD ["node"]' - "$IMAGE" >/dev/null
echo "base image $IMAGE ready"

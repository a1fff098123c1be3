#!/usr/bin/env bash
# npm run lint:compose — validates deploy/compose.yaml with a real Compose
# implementation: Debian's docker-compose (installed if missing), whose `config` checks
# the file against the Compose schema without a Docker engine. Then checks the topology
# it declares. Ends with "compose: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
FILE=deploy/compose.yaml
passed=0
failed=0
check () { # check NAME COMMAND...
  if "${@:2}"; then echo "ok - $1"; passed=$((passed + 1)); else echo "not ok - $1"; failed=$((failed + 1)); fi
}
if ! command -v docker-compose >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq docker-compose >/dev/null
fi
check "docker-compose is installed (Debian)" test -x "$(command -v docker-compose)"
check "docker-compose -f $FILE config validates" docker-compose -f "$FILE" config -q
services=$(docker-compose -f "$FILE" config --services 2>/dev/null | sort | tr '\n' ' ')
check "services: nginx primary replica1 replica2 ($services)" test "$services" = "nginx primary replica1 replica2 "
volumes=$(docker-compose -f "$FILE" config --volumes 2>/dev/null | sort | tr '\n' ' ')
check "named volumes for each server's data ($volumes)" bash -c "for v in primary-data replica1-data replica2-data; do grep -qw \$v <<<'$volumes' || exit 1; done"
config=$(docker-compose -f "$FILE" config 2>/dev/null)
check "replicas are read-only and copy the primary" bash -c "grep -c 'REPLICATE_FROM: http://primary:3000' <<<\"\$0\" | grep -qx 2 && grep -c \"READ_ONLY: 'true'\\|READ_ONLY: \\\"true\\\"\" <<<\"\$0\" | grep -qx 2" "$config"
check "every server trusts one proxy hop (TRUST_PROXY=1)" bash -c "grep -c \"TRUST_PROXY: '1'\" <<<\"\$0\" | grep -qx 3" "$config"
check "nginx mounts deploy/nginx.conf" bash -c "grep -q 'deploy/nginx.conf:/etc/nginx/nginx.conf:ro' <<<\"\$0\"" "$config"
echo "compose: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]

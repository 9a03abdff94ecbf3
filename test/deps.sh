#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install everything the project needs to build, check and VM-test dtrace.ko
# on Debian 12. Idempotent; prints nothing when all packages are present.
set -eu

PKGS="
qemu-system-x86
linux-image-amd64 linux-headers-amd64
linux-image-6.12-amd64 linux-headers-6.12-amd64
linux-headers-cloud-amd64 linux-headers-6.12-cloud-amd64
xen-hypervisor-4.17-amd64
busybox-static
kconfig-frontends-nox sparse dkms
dpkg-dev debhelper dh-dkms lintian fakeroot
libjansson-dev jq libbpf-dev
cpio xz-utils kmod
libncurses-dev clang libclang-rt-14-dev binutils gcc libc6-dev make bc flex bison
cpp openssl
python3
bpftrace
"

missing=
for p in $PKGS; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case $st in
	"install ok installed") ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "deps.sh: missing packages:$missing (run as root to install)" >&2
	exit 1
fi

echo "deps.sh: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# shellcheck disable=SC2086
if ! { apt-get update -q && apt-get install -y -q --no-install-recommends $missing; } >"$log" 2>&1; then
	cat "$log" >&2
	echo "deps.sh: apt-get failed" >&2
	exit 1
fi

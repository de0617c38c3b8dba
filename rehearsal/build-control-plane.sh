#!/usr/bin/env bash
# Builds the control plane the rehearsal runs from upstream's own source, through the Go module
# proxy: kube-apiserver, kube-controller-manager, kube-scheduler and kubectl from k8s.io/kubernetes,
# etcd from go.etcd.io/etcd/server/v3, kwok's controller, and the oldest supported release's
# kube-apiserver (kube-apiserver-1.35.x) for a server-side dry run. Each module of control-plane/ names
# its tools and pins its versions (go.mod, go.sum); nothing here writes a version twice.
#
# The binaries go to a cache outside the repository, one folder per tool set keyed by its module's
# version and go.sum, reused when present:
#   ${DOJOT_CONTROL_PLANE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dojot-cdk8s/control-plane}/<key>/
# Prints the folder that holds every binary on its last line.
#
# Every module here says `go 1.26.0`, which this machine's Go (1.26.8) builds: no toolchain is
# fetched (GOTOOLCHAIN=local). A module that needed a newer Go would take GOTOOLCHAIN=go1.27.3.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${DOJOT_CONTROL_PLANE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dojot-cdk8s/control-plane}"
# -mod=readonly: the committed go.sum is the lock; a build never rewrites it.
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}" CGO_ENABLED=0 GOFLAGS="${GOFLAGS:-} -mod=readonly"

# version MODULE_DIR MODULE_PATH: the version the module's go.mod requires.
version() { (cd "$1" && go list -m -f '{{.Version}}' "$2"); }

# key MODULE_DIR NAME VERSION: NAME-VERSION and a digest of the module's go.mod and go.sum.
key() { echo "$2-$3-$(cat "$1/go.mod" "$1/go.sum" | sha256sum | cut -c1-12)"; }

# build MODULE_DIR KEY LDFLAGS NAME PACKAGE: builds one binary into $cache/KEY/NAME, written under a
# temporary name and renamed when complete, so an interrupted build is never taken for a finished one.
build() {
  local dir="$1" k="$2" ldflags="$3" name="$4" pkg="$5"
  if [ -x "$cache/$k/$name" ]; then echo "control plane: $k/$name from the cache" >&2; return; fi
  mkdir -p "$cache/$k"
  echo "control plane: building $k/$name" >&2
  local started=$SECONDS
  (cd "$dir" && go build -trimpath -ldflags "$ldflags" -o "$cache/$k/.$name.partial" "$pkg")
  mv "$cache/$k/.$name.partial" "$cache/$k/$name"
  echo "control plane: $k/$name built in $((SECONDS - started)) s" >&2
}

# stamp MODULE_DIR: the -ldflags that stamp the release the module requires, as Kubernetes'
# hack/lib/version.sh does (the module proxy knows no commit of it; the date is the release's).
stamp() {
  local v date minor flags=""
  v="$(version "$1" k8s.io/kubernetes)"
  date="$(cd "$1" && go list -m -f '{{.Time.UTC.Format "2006-01-02T15:04:05Z"}}' k8s.io/kubernetes)"
  minor="${v#v1.}"; minor="${minor%%.*}"
  for pkg in k8s.io/client-go/pkg/version k8s.io/component-base/version; do
    flags+=" -X '$pkg.gitVersion=$v' -X '$pkg.gitMajor=1' -X '$pkg.gitMinor=$minor'"
    flags+=" -X '$pkg.gitTreeState=clean' -X '$pkg.buildDate=$date'"
  done
  echo "$flags"
}

k8s_dir="$here/control-plane/kubernetes"
k8s_version="$(version "$k8s_dir" k8s.io/kubernetes)"
k8s_ldflags="$(stamp "$k8s_dir")"
k8s_key="$(key "$k8s_dir" kubernetes "$k8s_version")"

etcd_dir="$here/control-plane/etcd"
etcd_version="$(version "$etcd_dir" go.etcd.io/etcd/server/v3)"
etcd_key="$(key "$etcd_dir" etcd "$etcd_version")"

# The oldest supported release's API server, for a server-side dry run of the output.
old_dir="$here/control-plane/kube-apiserver-1.35"
old_version="$(version "$old_dir" k8s.io/kubernetes)"
old_ldflags="$(stamp "$old_dir")"
old_key="$(key "$old_dir" kubernetes "$old_version")"

kwok_dir="$here/control-plane/kwok"
kwok_version="$(version "$kwok_dir" sigs.k8s.io/kwok)"
kwok_key="$(key "$kwok_dir" kwok "$kwok_version")"

# kube-apiserver and etcd first: without them nothing can be rehearsed.
build "$k8s_dir" "$k8s_key" "$k8s_ldflags" kube-apiserver k8s.io/kubernetes/cmd/kube-apiserver
build "$etcd_dir" "$etcd_key" "" etcd go.etcd.io/etcd/server/v3
for tool in kube-controller-manager kube-scheduler kubectl; do
  build "$k8s_dir" "$k8s_key" "$k8s_ldflags" "$tool" "k8s.io/kubernetes/cmd/$tool"
done
build "$kwok_dir" "$kwok_key" "-X 'sigs.k8s.io/kwok/pkg/consts.Version=${kwok_version#v}'" kwok sigs.k8s.io/kwok/cmd/kwok
build "$old_dir" "$old_key" "$old_ldflags" kube-apiserver k8s.io/kubernetes/cmd/kube-apiserver

# One folder of links the rehearsal reads, named after the keys it gathers.
bin="$cache/bin-$(echo "$k8s_key $etcd_key $kwok_key $old_key" | sha256sum | cut -c1-12)"
if [ ! -d "$bin" ]; then
  staging="$(mktemp -d "$cache/.linking-XXXXXX")"
  for tool in kube-apiserver kube-controller-manager kube-scheduler kubectl; do ln -s "../$k8s_key/$tool" "$staging/$tool"; done
  ln -s "../$etcd_key/etcd" "$staging/etcd"
  ln -s "../$kwok_key/kwok" "$staging/kwok"
  ln -s "../$old_key/kube-apiserver" "$staging/kube-apiserver-${old_version#v}"
  mv "$staging" "$bin"
fi
echo "$bin"

#!/usr/bin/env bash
# Installs what the load balancer tests run for real, when missing: HAProxy, mosquitto (the MQTT
# brokers standing in for VerneMQ) and nginx with its stream module (LwM2M's UDP proxy).
set -euo pipefail
missing=()
command -v haproxy >/dev/null || missing+=(haproxy)
command -v mosquitto >/dev/null || missing+=(mosquitto)
command -v nginx >/dev/null || missing+=(nginx-light)
ls /usr/lib/nginx/modules/ngx_stream_module.so >/dev/null 2>&1 || missing+=(libnginx-mod-stream)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "missing: ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "installed: ${missing[*]}"

# Shared by scripts/test and scripts/install: find the bench, start its
# services, link this working tree into it, and run frappe commands.
# shellcheck shell=bash

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=${INSERTION_BENCH:-/opt/insertion-bench}
DB_ROOT_PASSWORD=${INSERTION_DB_ROOT_PASSWORD:-root}

say() { printf '\n==> %s\n' "$*"; }

has_bench() { [ -x "$BENCH/env/bin/python" ] && [ -d "$BENCH/apps/frappe" ] && [ -d "$BENCH/sites" ]; }

# `bench --site S cmd` without the bench CLI (which refuses to run as root):
# the same module bench itself calls, from the bench's sites folder.
# Run as the bench's owner, so that root does not leave files the owner cannot write.
as_bench_owner() {
	local owner
	owner=$(stat -c %U "$BENCH")
	if [ "$(id -u)" = 0 ] && [ "$owner" != root ]; then
		runuser -u "$owner" -- "$@"
	else
		"$@"
	fi
}
frappe_cmd() { (cd "$BENCH/sites" && as_bench_owner ../env/bin/python -m frappe.utils.bench_helper frappe "$@"); }

# Long commands draw progress bars with carriage returns: keep the log readable.
quiet_progress() { tr '\r' '\n' | grep --line-buffered -v -E '^(Updating DocTypes|Updating Dashboard|Syncing|Updating customizations)|^\s*$' || true; }

db_ping() { mysqladmin --protocol=tcp -h127.0.0.1 -uroot -p"$DB_ROOT_PASSWORD" ping >/dev/null 2>&1; }

start_mariadb() {
	db_ping && return 0
	if ! command -v mariadbd >/dev/null 2>&1 && ! command -v mysqld >/dev/null 2>&1; then
		echo "MariaDB is not installed (scripts/install installs it)" >&2
		return 1
	fi
	echo "starting MariaDB"
	if command -v service >/dev/null 2>&1 && [ -x /etc/init.d/mariadb ]; then
		service mariadb start >/dev/null 2>&1 || true
	fi
	if ! db_ping; then
		(mysqld_safe >/dev/null 2>&1 &)
	fi
	for _ in $(seq 1 30); do db_ping && return 0; sleep 1; done
	echo "MariaDB does not answer as root with INSERTION_DB_ROOT_PASSWORD on 127.0.0.1" >&2
	return 1
}

# The redis servers named in the bench's common_site_config.json.
redis_ports() {
	"$BENCH/env/bin/python" - "$BENCH/sites/common_site_config.json" <<'PY'
import json, sys
from urllib.parse import urlparse
conf = json.load(open(sys.argv[1]))
ports = {urlparse(conf[k]).port for k in ("redis_cache", "redis_queue", "redis_socketio") if conf.get(k)}
print(" ".join(str(p) for p in sorted(p for p in ports if p)))
PY
}

start_redis() {
	local port
	if ! command -v redis-server >/dev/null 2>&1; then
		echo "Redis is not installed (scripts/install installs it)" >&2
		return 1
	fi
	for port in $(redis_ports); do
		if ! redis-cli -p "$port" ping >/dev/null 2>&1; then
			echo "starting Redis on port $port"
			redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --save "" --appendonly no \
				--logfile "$BENCH/logs/redis-$port.log" >/dev/null
		fi
	done
	for port in $(redis_ports); do
		for _ in $(seq 1 20); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.5; done
		redis-cli -p "$port" ping >/dev/null 2>&1 || { echo "Redis does not answer on port $port" >&2; return 1; }
	done
}

# Make the bench run this working tree: apps/insertion_erp -> $REPO, listed in
# apps.txt, importable from the bench's Python.
link_app() {
	local target="$BENCH/apps/insertion_erp"
	if [ -e "$target" ] && [ ! -L "$target" ]; then
		echo "$target exists and is not a link to this checkout; move it away first" >&2
		return 1
	fi
	ln -sfn "$REPO" "$target"
	if ! grep -qx insertion_erp "$BENCH/sites/apps.txt"; then
		[ -n "$(tail -c1 "$BENCH/sites/apps.txt")" ] && echo >>"$BENCH/sites/apps.txt"
		echo insertion_erp >>"$BENCH/sites/apps.txt"
	fi
	local where
	where=$(cd /tmp && "$BENCH/env/bin/python" -c 'import insertion_erp, os; print(os.path.dirname(os.path.dirname(os.path.realpath(insertion_erp.__file__))))' 2>/dev/null || true)
	if [ "$where" != "$REPO" ]; then
		"$BENCH/env/bin/python" -m pip install --quiet --no-deps --no-build-isolation -e "$target"
	fi
}

site_exists() { [ -f "$BENCH/sites/$1/site_config.json" ]; }

# A site with erpnext, hrms and insertion_erp.
new_site() {
	local site=$1 status
	frappe_cmd new-site "$site" --force --db-root-password "$DB_ROOT_PASSWORD" --admin-password admin \
		--mariadb-user-host-login-scope=% \
		--install-app erpnext --install-app hrms --install-app insertion_erp 2>&1 | quiet_progress
	status=${PIPESTATUS[0]}
	return "$status"
}

app_installed() { frappe_cmd --site "$1" list-apps 2>/dev/null | grep -q '^insertion_erp'; }

# A web server for SITE on loopback: PDF printing (wkhtmltopdf) fetches the
# print stylesheet from the site's host_name, as it would in production.
start_web_server() {
	local site=$1 port=$2
	frappe_cmd --site "$site" set-config host_name "http://127.0.0.1:$port" >/dev/null || return 1
	(cd "$BENCH/sites" && exec ../env/bin/python -m frappe.utils.bench_helper frappe --site "$site" serve --port "$port" --noreload) \
		>>"$BENCH/logs/insertion-test-web.log" 2>&1 &
	WEB_PID=$!
	for _ in $(seq 1 30); do
		curl -s -o /dev/null "http://127.0.0.1:$port/api/method/ping" && return 0
		sleep 0.5
	done
	echo "the test web server did not answer on port $port (see $BENCH/logs/insertion-test-web.log)" >&2
	return 1
}

# Shared by scripts/test, scripts/install and scripts/compare-upstream-tests: find
# the bench, start its services, link this working tree into it, and run frappe commands.
# shellcheck shell=bash

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=${INSERTION_BENCH:-/opt/insertion-bench}
DB_ROOT_PASSWORD=${INSERTION_DB_ROOT_PASSWORD:-root}

say() { printf '\n==> %s\n' "$*"; }

has_bench() { [ -x "$BENCH/env/bin/python" ] && [ -d "$BENCH/apps/frappe" ] && [ -d "$BENCH/sites" ]; }

have() { command -v "$1" >/dev/null 2>&1; }
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

# Debian packages the real layer needs, installed only when missing: MariaDB,
# Redis, what mysqlclient compiles against, wkhtmltopdf for PDF, gpg and file for
# encrypted backups, Node and npm
# (an image may ship its own Node, whose npm conflicts with Debian's), and
# Chromium for the browser tests when the first argument is "browser".
ensure_system_packages() {
	local wanted=()
	# A database or a Redis already answering (a CI service, another host) needs no local server.
	db_ping || have mariadbd || have mysqld || wanted+=(mariadb-server)
	have mysqladmin || wanted+=(mariadb-client)
	redis_answers || have redis-server || wanted+=(redis-server)
	[ -f /usr/include/mariadb/mysql.h ] || wanted+=(libmariadb-dev)
	have pkg-config || wanted+=(pkg-config)
	have git || wanted+=(git)
	have gcc || wanted+=(gcc)
	have curl || wanted+=(curl)
	have wkhtmltopdf || wanted+=(wkhtmltopdf)
	# frappe encrypts backups with gpg (on by the app) and tells an encrypted one with file.
	have gpg || wanted+=(gnupg)
	have file || wanted+=(file)
	python3 -c 'import ensurepip, venv' 2>/dev/null || wanted+=(python3-venv python3-pip)
	python3 -c 'import sysconfig, os, sys; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' \
		|| wanted+=(python3-dev)
	have node || wanted+=(nodejs)
	have npm || wanted+=(npm)
	[ "${1:-}" = browser ] && [ -z "$(find_chromium)" ] && wanted+=(chromium)
	[ ${#wanted[@]} -eq 0 ] && return 0
	say "System packages: ${wanted[*]}"
	$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${wanted[@]}" >/dev/null
}

find_chromium() { command -v chromium || command -v chromium-browser || command -v google-chrome || true; }

redis_answers() {
	local port
	has_bench || return 1
	for port in $(redis_ports); do redis-cli -p "$port" ping >/dev/null 2>&1 || return 1; done
}

# MariaDB as frappe wants it: utf8mb4, and root with a password on 127.0.0.1.
# A server that already answers with that password is taken as it is.
configure_mariadb() {
	db_ping && return 0
	local conf=/etc/mysql/mariadb.conf.d/99-insertion-erp.cnf wanted
	wanted=$(printf '%s\n' "[mysqld]" "character-set-server = utf8mb4" "collation-server = utf8mb4_unicode_ci" \
		"bind-address = 127.0.0.1" "" "[mysql]" "default-character-set = utf8mb4")
	if [ -d "$(dirname "$conf")" ] && [ "$(cat "$conf" 2>/dev/null)" != "$wanted" ]; then
		say "MariaDB: utf8mb4 and a root password"
		echo "$wanted" | $SUDO tee "$conf" >/dev/null
		$SUDO service mariadb restart >/dev/null 2>&1 || true
	fi
	$SUDO service mariadb start >/dev/null 2>&1 || true
	for _ in $(seq 1 30); do $SUDO mysqladmin ping >/dev/null 2>&1 && break; sleep 1; done
	# A new Debian MariaDB lets root in through its socket only.
	if ! db_ping; then
		$SUDO mysql -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('$DB_ROOT_PASSWORD') OR unix_socket; FLUSH PRIVILEGES;" \
			|| { echo "could not give MariaDB's root the password INSERTION_DB_ROOT_PASSWORD" >&2; return 1; }
	fi
	start_mariadb
}

# The offline route: a bench from a local archive of the v15 sources
# (apps/frappe, apps/erpnext, apps/hrms, optionally apps/payments, and
# vendor/air-datepicker), with Python packages from PyPI only. No GitHub.
build_bench_from_sources() {
	local archive=$1 apps app
	[ -f "$archive" ] || { echo "INSERTION_FRAPPE_SOURCES names $archive, which is not a file" >&2; return 1; }
	say "Bench at $BENCH from the sources in $archive"
	mkdir -p "$BENCH"/{apps,sites,logs,config/pids}
	tar xzf "$archive" -C "$BENCH" || return 1
	# frappe 15 pins gunicorn to a GitHub commit; the PyPI release serves the same purpose.
	sed -i 's|"gunicorn @ git+https://github.com/frappe/gunicorn@[0-9a-f]*"|"gunicorn"|' "$BENCH/apps/frappe/pyproject.toml"
	apps="frappe erpnext hrms"
	[ -d "$BENCH/apps/payments" ] && apps="$apps payments"
	for app in $apps; do
		# Bench apps are git repositories: frappe reads their branch and commit.
		[ -d "$BENCH/apps/$app/.git" ] || (cd "$BENCH/apps/$app" && git init -q -b version-15 && git add -A >/dev/null \
			&& git -c user.name=bench -c user.email=bench@localhost commit -qm "v15 sources") || return 1
	done
	[ -x "$BENCH/env/bin/python" ] || python3 -m venv "$BENCH/env" || return 1
	# frappe 15 still imports pkg_resources, which setuptools 80 and later no longer ship.
	"$BENCH/env/bin/pip" install --quiet -U pip wheel "setuptools<80" || return 1
	# shellcheck disable=SC2046
	"$BENCH/env/bin/pip" install --quiet $(for app in $apps; do printf -- '-e %s ' "$BENCH/apps/$app"; done) || return 1
	printf '%s\n' $apps >"$BENCH/sites/apps.txt"
	[ -f "$BENCH/sites/common_site_config.json" ] || cat >"$BENCH/sites/common_site_config.json" <<'JSON'
{
 "db_host": "127.0.0.1",
 "redis_cache": "redis://127.0.0.1:6379",
 "redis_queue": "redis://127.0.0.1:6379",
 "redis_socketio": "redis://127.0.0.1:6379",
 "socketio_port": 9000,
 "webserver_port": 8000
}
JSON
}

# The desk's JavaScript and CSS, which the browser needs (yarn 1 installed when missing).
build_assets() {
	[ -d "$BENCH/sites/assets/frappe/dist" ] && return 0
	say "Desk assets (JavaScript and CSS)"
	have yarn || $SUDO npm install --global --silent yarn@1.22.22 || return 1
	# frappe takes air-datepicker from GitHub; an archive of the sources carries it.
	if [ -d "$BENCH/vendor/air-datepicker" ]; then
		sed -i "s|\"air-datepicker\": \"github:frappe/air-datepicker\"|\"air-datepicker\": \"file:$BENCH/vendor/air-datepicker\"|" \
			"$BENCH/apps/frappe/package.json"
	fi
	local app
	for app in frappe erpnext hrms; do
		if [ -f "$BENCH/apps/$app/package.json" ] && [ ! -d "$BENCH/apps/$app/node_modules" ]; then
			(cd "$BENCH/apps/$app" && as_bench_owner yarn install --silent --non-interactive >/dev/null) || return 1
		fi
	done
	frappe_cmd build --apps frappe,erpnext,hrms,insertion_erp 2>&1 | tail -n 3
	return "${PIPESTATUS[0]}"
}

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

# A real query: `mysqladmin ping` answers 0 even when the password is refused.
db_ping() { mysql --protocol=tcp -h127.0.0.1 -uroot -p"$DB_ROOT_PASSWORD" -e 'select 1' >/dev/null 2>&1; }

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

# A site with erpnext, hrms and insertion_erp, or with the apps named after the site, in that order.
new_site() {
	local site=$1 status app apps=()
	shift
	[ $# -gt 0 ] || set -- erpnext hrms insertion_erp
	for app in "$@"; do apps+=(--install-app "$app"); done
	frappe_cmd new-site "$site" --force --db-root-password "$DB_ROOT_PASSWORD" --admin-password admin \
		--mariadb-user-host-login-scope=% "${apps[@]}" 2>&1 | quiet_progress
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

# A background worker, as a running bench has: ERPNext hands long work to it (closing a till's
# shift of ten sales or more consolidates them in a job).
start_worker() {
	(cd "$BENCH/sites" && exec ../env/bin/python -m frappe.utils.bench_helper frappe worker --quiet) \
		>>"$BENCH/logs/insertion-test-worker.log" 2>&1 &
	WORKER_PID=$!
}
stop_worker() {
	[ -n "${WORKER_PID:-}" ] || return 0
	kill "$WORKER_PID" 2>/dev/null
	wait "$WORKER_PID" 2>/dev/null
	WORKER_PID=""
}
stop_web_server() {
	[ -n "${WEB_PID:-}" ] || return 0
	kill "$WEB_PID" 2>/dev/null
	wait "$WEB_PID" 2>/dev/null
	WEB_PID=""
}

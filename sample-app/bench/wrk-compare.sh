#!/usr/bin/env bash
# HTTP benchmark of the sample app: bare (Plugboard off) against a second bare server (A/A, the
# noise floor) and against the app with plugins, interleaved over several rounds on one machine.
# Prints the median throughput and p99 ratios against the first bare server.
#
#   [VARIANT=noop|request-path|static-headers] sample-app/bench/wrk-compare.sh [rounds] [seconds-per-run] [connections]
#
# VARIANT=noop (default): 10 no-op before-request plugins and nothing else.
# VARIANT=request-path: request-id, cors, security-headers and rate-limit (local, never reached)
# as the sample configures them. Every request carries an allowed Origin, so CORS does its work.
# VARIANT=static-headers: a control with Plugboard off, where one plain filter adds the same
# headers the request-path set adds, with constant values: the cost of the headers alone.
#
# Needs wrk (Debian: apt-get install wrk) and the sample jar:
#   ./mvnw -q -pl sample-app -am package -DskipTests
set -euo pipefail

rounds=${1:-6}
duration=${2:-10}
connections=${3:-16}
path=${BENCH_PATH:-/users}
variant=${VARIANT:-noop}
case "$variant" in
	noop) profile=noop-plugins; label="10 no-op" ;;
	request-path) profile=bench-request-path; label="request-path" ;;
	static-headers) profile=bench-static-headers; label="static headers" ;;
	*) echo "VARIANT must be noop, request-path or static-headers" >&2; exit 2 ;;
esac
origin=http://localhost:3000
root=$(cd "$(dirname "$0")/../.." && pwd)
jar=$(ls "$root"/sample-app/target/sample-app-*.jar 2>/dev/null | grep -v original | head -1 || true)
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }
[ -n "$jar" ] || { echo "No sample jar; build it: ./mvnw -q -pl sample-app -am package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# name port extra-args...
start() {
	local name=$1 port=$2; shift 2
	java -Xmx512m -XX:+UseParallelGC -jar "$jar" --server.port="$port" --logging.level.root=WARN \
		--plugboard.plugins.slack-notifier.enabled=false "$@" >"$work/$name.log" 2>&1 &
	pids+=($!)
}
start bare-a 18081 --plugboard.enabled=false
start bare-b 18082 --plugboard.enabled=false
if [ "$variant" = static-headers ]; then
	start plugins 18083 --plugboard.enabled=false --spring.profiles.active="$profile"
else
	start plugins 18083 --spring.profiles.active=bench,"$profile"
fi
for port in 18081 18082 18083; do
	for _ in $(seq 1 120); do
		curl -fs "http://127.0.0.1:$port$path" >/dev/null 2>&1 && break
		sleep 0.5
	done
	curl -fs "http://127.0.0.1:$port$path" >/dev/null || { echo "server on $port did not start; logs in $work" >&2; exit 1; }
done
curl -fs -XPOST -H 'Content-Type: application/json' -d '{"name":"Bench","email":"bench@example.com"}' \
	"http://127.0.0.1:18081/users" >/dev/null || true
curl -fs -XPOST -H 'Content-Type: application/json' -d '{"name":"Bench","email":"bench@example.com"}' \
	"http://127.0.0.1:18082/users" >/dev/null || true
curl -fs -XPOST -H 'Content-Type: application/json' -d '{"name":"Bench","email":"bench@example.com"}' \
	"http://127.0.0.1:18083/users" >/dev/null || true

# run port -> "rps p99_ms"
run() {
	wrk -t1 -c"$connections" -d"$1"s --latency -H "Origin: $origin" "http://127.0.0.1:$2$path" | awk '
		/Requests\/sec:/ { rps = $2 }
		/^ +99%/ { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 } p99 = v }
		END { printf "%s %s\n", rps, p99 }'
}

echo "warming up ($duration s each)..."
for port in 18081 18082 18083; do run "$duration" "$port" >/dev/null; done

: >"$work/results"
for round in $(seq 1 "$rounds"); do
	order=$(printf '18081\n18082\n18083\n' | shuf)
	for port in $order; do
		read -r rps p99 < <(run "$duration" "$port")
		echo "$round $port $rps $p99" >>"$work/results"
	done
	echo "round $round: $(awk -v r="$round" '$1 == r { printf "%s=%s rps/%sms  ", ($2 == 18081 ? "bare-a" : $2 == 18082 ? "bare-b" : "plugins"), $3, $4 }' "$work/results")"
done

awk -v label="$label" '
	{ rps[$1, $2] = $3; p99[$1, $2] = $4; if ($1 > rounds) rounds = $1 }
	function median(a, n,    i, j, t) {
		for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
		return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
	}
	END {
		for (r = 1; r <= rounds; r++) {
			aa_t[r] = rps[r, 18082] / rps[r, 18081]; ab_t[r] = rps[r, 18083] / rps[r, 18081]
			aa_p[r] = p99[r, 18082] / p99[r, 18081]; ab_p[r] = p99[r, 18083] / p99[r, 18081]
			base_t[r] = rps[r, 18081]; base_p[r] = p99[r, 18081]
		}
		printf "\nmedians over %d interleaved rounds (ratios are per round, against bare-a)\n", rounds
		printf "bare-a throughput %.0f req/s, p99 %.2f ms\n", median(base_t, rounds), median(base_p, rounds)
		printf "A/A      bare-b / bare-a:          throughput %.3f   p99 %.3f\n", median(aa_t, rounds), median(aa_p, rounds)
		printf "plugins  %s / bare-a:   throughput %.3f   p99 %.3f\n", label, median(ab_t, rounds), median(ab_p, rounds)
	}' "$work/results"

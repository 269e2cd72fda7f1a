#!/bin/sh
# make demo: start the sandbox on a free loopback port, import the
# open-house sample and the interest sample into it, show the summaries,
# stop the sandbox. Exits non-zero unless each report has at least one sent
# and one invalid row, so CI proves the whole path works.
set -eu
bin=${1:-bin/leadimport}
out=out/demo
mkdir -p "$out"
rm -f "$out"/*
LEADIMPORT_SANDBOX_PASSWORD=demo-$$-$(date +%s)
export LEADIMPORT_SANDBOX_PASSWORD

"$bin" sandbox --addr 127.0.0.1:0 --record "$out/received.jsonl" >"$out/sandbox.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT INT TERM

url=
for _ in $(seq 100); do
	# The first line names the address, in the locale's language.
	url=$(sed -n '1s|.*\(http://[^ ]*\).*|\1|p' "$out/sandbox.log")
	[ -n "$url" ] && break
	kill -0 $pid 2>/dev/null || break
	sleep 0.1
done
if [ -z "$url" ]; then
	echo "demo: the sandbox did not start:" >&2
	cat "$out/sandbox.log" >&2
	exit 1
fi
echo "demo: sandbox listening on $url"

# send_sample SAMPLE INPUT REPORT: run one sample into the sandbox, and
# check its report has at least one sent and one invalid row.
send_sample() {
	report="$out/$3"
	set +e
	VITEC_USERNAME=sandbox VITEC_PASSWORD=$LEADIMPORT_SANDBOX_PASSWORD LEADIMPORT_BASE_URL=$url \
		"$bin" run --mapping "samples/$1/mapping.yaml" --report "$report" --ledger "$out/ledger.db" "samples/$1/$2"
	code=$?
	set -e
	echo "demo: leadimport run of samples/$1 exited $code (1: some rows invalid, as the sample means them to be)"
	sent=$(grep -c ';sent;' "$report" || true)
	invalid=$(grep -c ';invalid;' "$report" || true)
	echo "demo: report $report: $sent sent, $invalid invalid"
	if [ "$code" -gt 1 ] || [ "$sent" -lt 1 ] || [ "$invalid" -lt 1 ]; then
		echo "demo: FAILED: expected exit 0 or 1 with at least one sent and one invalid row" >&2
		exit 1
	fi
}

# The visitors who asked for the final price (FinalPriceWatched), then
# the interest registrations (endpoint: Interest) of another sheet.
send_sample open-house visning.xlsx visning-report.csv
send_sample interest intresse.xlsx intresse-report.csv
echo "demo: leads the sandbox received: $out/received.jsonl"

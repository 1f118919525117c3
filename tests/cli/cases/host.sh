# cases/host.sh -- host functions from the command line.
# Sourced by run-cli-tests.sh, in order: it uses that script's framework
# (begin, run, want_*, end) and variables.

# ---- host functions ----------------------------------------------------
HOSTPLAN=examples/host/vep-plan-screen-host.lua
HOSTCTX=examples/cases/screen-positive.context.json
HOSTVALS=tests/vectors/screen-plan-host/host.json

begin "host: vep info lists a plan's host functions and rules"
run info "$HOSTPLAN"
want_rc 0 && want_out_has "host.open_referrals  int64 (string subject)" \
  && want_out_has "host open_referrals(the subject's id) is at least 1" \
  && want_out_has "Test cases (3)"
end

begin "host: the guide says which facts come from the host"
run doc "$HOSTPLAN"
want_rc 0 && want_out_has "## Facts from the host system" \
  && want_out_has '`open_referrals` (`int64 (string subject)`): How many referrals'
end

begin "host: the plan's test cases pass with their stand-ins"
run test "$HOSTPLAN"
want_rc 0 && want_out_has "3 passed, 0 failed"
end

begin "host: without the host's functions the plan exits 4 and names the rule"
run assess "$SCREEN" "$HOSTPLAN" "$POS" --context "$HOSTCTX"
want_rc 4 && want_err_has "rule 'H01-refer': host function 'open_referrals' is declared by the plan but this program does not provide it" \
  && want_err_has "(host_missing)"
end

begin "host: --host-values answers for them, and the plan shows the answers"
run assess "$SCREEN" "$HOSTPLAN" "$POS" --context "$HOSTCTX" --host-values "$HOSTVALS"
want_rc 0 && want_out_has '"host_calls"' \
  && want_out_has "host open_referrals('P-0001') = 1 is at least 1 (holds)" \
  && want_out_has '"by": "rule:H03-keyworker"'
end

begin "host: the same bytes as the conformance vector"
run assess "$SCREEN" "$HOSTPLAN" "$POS" --context "$HOSTCTX" --host-values "$HOSTVALS"
want_rc 0 && want_same tests/vectors/screen-plan-host/assess.json "$TMP/out" "the vector"
end

begin "host: a malformed --host-values file is a usage error"
printf '{"open_referrals": {"returns": 1}}' > "$TMP/hv.json"
run score "$SCREEN" "$POS" --host-values "$TMP/hv.json"
want_rc 64 && want_err_has "'open_referrals' needs \"signature\""
printf '{"open_referrals": {"signature": "int64 (string, ...)", "returns": 1}}' > "$TMP/hv.json"
run score "$SCREEN" "$POS" --host-values "$TMP/hv.json"
want_rc 64 && want_err_has "variadic functions are refused"
end

begin "host: an answer of the wrong type fails the call with exit 4"
printf '{"open_referrals": {"signature": "int64 (string subject)", "returns": "many"}, "completed_elsewhere": {"signature": "bool (string s, string p)", "returns": true}}' > "$TMP/hv.json"
run assess "$SCREEN" "$HOSTPLAN" "$POS" --context "$HOSTCTX" --host-values "$TMP/hv.json"
want_rc 4 && want_err_has "not of the function's return type" && want_err_has "(host_failed)"
end

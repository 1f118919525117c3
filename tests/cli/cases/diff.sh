# cases/diff.sh -- vep diff and the golden results.
# Sourced by run-cli-tests.sh, in order: it uses that script's framework
# (begin, run, want_*, end) and variables.

# ---- vep diff ----------------------------------------------------------------
# fixtures/diff/changed.lua is base.lua with every kind of change; the
# golden files hold the output without its header line (it carries the
# sha256 of the fixtures, checked against `vep info` instead).  After a
# deliberate change of the output or the fixtures, regenerate them from
# the repository root:
#   build/vep diff tests/cli/fixtures/diff/base.lua \
#       tests/cli/fixtures/diff/changed.lua | tail -n +2 \
#       > tests/cli/fixtures/diff/expected.txt
#   build/vep diff tests/cli/fixtures/diff/plan-base.lua \
#       tests/cli/fixtures/diff/plan-changed.lua | tail -n +2 \
#       > tests/cli/fixtures/diff/plan-expected.txt
DIFFS=$FIX/diff

# sha_of SCRIPT: the SHA-256 `vep info` shows for an instrument script
sha_of() {
    "$VEP" info "$1" 2>/dev/null | sed -n 's/^SHA-256: *\([0-9a-f]*\)$/\1/p'
}
# want_golden FILE: stdout without its first line is FILE
want_golden() {
    tail -n +2 "$TMP/out" >"$TMP/body"
    if ! cmp -s "$TMP/body" "$1"; then
        no "output differs from $1: $(diff "$1" "$TMP/body" | sed -n 2p | cut -c 1-160)"
    fi
}

begin "diff: every kind of change, against the golden file (exit 1)"
run diff "$DIFFS/base.lua" "$DIFFS/changed.lua"
want_rc 1 && { want_err_empty; want_golden "$DIFFS/expected.txt"; }
end

begin "diff: the header names both scripts with their sha256"
sha_a=$(sha_of "$DIFFS/base.lua" | cut -c 1-12)
sha_b=$(sha_of "$DIFFS/changed.lua" | cut -c 1-12)
run diff "$DIFFS/base.lua" "$DIFFS/changed.lua"
if [ -z "$sha_a" ] || [ -z "$sha_b" ]; then
    no "vep info shows no SHA-256"
else
    want_header="diff-demo 1.0.0 (sha256 $sha_a...) -> diff-demo 1.1.0 (sha256 $sha_b...)"
    [ "$(head -n 1 "$TMP/out")" = "$want_header" ] ||
        no "header is '$(head -n 1 "$TMP/out")', expected '$want_header'"
fi
end

begin "diff: the summary line counts every section"
run diff "$DIFFS/base.lua" "$DIFFS/changed.lua"
want_rc 1 && [ "$(tail -n 1 "$TMP/out")" = "8 changes in metadata; 1 scale added, 1 changed; 1 part added, 1 changed; 1 domain added, 2 changed; 2 items added, 1 removed, 8 changed; 1 score added, 2 changed; 1 level changed; 1 flag added, 1 changed; 3 changes in judgement; 1 test added, 1 removed" ] ||
    no "summary line is '$(tail -n 1 "$TMP/out")'"
end

for script in "$DIFFS/base.lua" "$SCREEN" "$RNA" "$PLAN" "$DIFFS/plan-base.lua"; do
    begin "diff: a script against itself has no differences (exit 0): $script"
    run diff "$script" "$script"
    want_rc 0 && {
        want_err_empty
        [ "$(wc -l <"$TMP/out")" -eq 2 ] || no "more than header and summary: $(sed -n 2p "$TMP/out")"
        [ "$(tail -n 1 "$TMP/out")" = "no differences" ] || no "last line is not 'no differences'"
    }
    end
done

begin "diff: a copy of a script under another name has no differences"
cp "$DIFFS/changed.lua" "$TMP/copy.lua"
run diff "$DIFFS/changed.lua" "$TMP/copy.lua"
want_rc 0 && want_out_has "no differences"
end

begin "diff: the other way round, additions and removals swap"
run diff "$DIFFS/changed.lua" "$DIFFS/base.lua"
want_rc 1 && {
    want_out_has "  + S03  added: \"Shows symbols of a violent group\" (presence, domain indicators)"
    want_out_has "  - S14  removed: \"Receives money from abroad without explanation\""
    want_out_has "  ~ screen  band positive: 5 .. 10 -> 4 .. 14"
    want_out_has "  ~ S01  text [sr-Cyrl]: \"Одобрава насиље према именованој групи\" -> (none)"
    want_out_has "1 item added, 2 removed, 8 changed"
}
end

begin "diff: the output is the same, byte for byte, run after run"
run diff "$DIFFS/base.lua" "$DIFFS/changed.lua"
cp "$TMP/out" "$TMP/diff1"
run diff "$DIFFS/base.lua" "$DIFFS/changed.lua"
want_same "$TMP/diff1" "$TMP/out" "two runs of vep diff"
end

begin "diff: --lang sr-Cyrl compares the texts in that language only"
run diff "$DIFFS/base.lua" "$DIFFS/changed.lua" --lang sr-Cyrl
want_rc 1 && {
    want_out_has "  ~ S01  text [sr-Cyrl]: (none) -> \"Одобрава насиље према именованој групи\""
    want_out_has "  ~ screen  band positive: 4 .. 14 -> 5 .. 10"
    if grep -F -q -e "[en]" -e "[sr-Latn]" "$TMP/out"; then
        no "a text in another language is compared: $(grep -F -e "[en]" -e "[sr-Latn]" "$TMP/out" | head -n 1)"
    fi
}
end

begin "diff: --lang en leaves out what only translations change"
run diff "$DIFFS/base.lua" "$DIFFS/changed.lua" --lang en
want_rc 1 && {
    want_out_has "  ~ S02  guidance [en]: \"Record the words used.\" -> \"Record the words used, the date and who heard them.\""
    if grep -F -q "S01  text" "$TMP/out"; then no "S01's translations are compared"; fi
}
end

usage "diff: --lang that neither script declares" diff "$DIFFS/base.lua" "$DIFFS/changed.lua" --lang de
usage "diff without B" diff "$DIFFS/base.lua"
usage "diff without A and B" diff
usage "diff with three scripts" diff "$DIFFS/base.lua" "$DIFFS/base.lua" "$DIFFS/base.lua"

begin "diff: plan scripts, against the golden file (exit 1)"
run diff "$DIFFS/plan-base.lua" "$DIFFS/plan-changed.lua"
want_rc 1 && { want_err_empty; want_golden "$DIFFS/plan-expected.txt"; }
end

begin "diff: an instrument and a plan are refused (exit 2, wrong_script_kind)"
run diff --error-format=json "$DIFFS/base.lua" "$DIFFS/plan-base.lua"
want_rule 2 wrong_script_kind - - -
want_out_empty
end

begin "diff: a broken script exits 2 with its file and line"
run diff "$DIFFS/base.lua" "$FIX/bad/unknown-scale.lua"
want_rc 2 && { want_err_has "unknown-scale.lua:7"; want_out_empty; }
end

begin "diff: a broken script (JSON: unknown_scale, line 7, item B07)"
run diff --error-format=json "$FIX/bad/unknown-scale.lua" "$DIFFS/base.lua"
want_rule 2 unknown_scale - 7 B07
end

begin "diff: a script that does not exist exits 2"
run diff "$DIFFS/base.lua" "$TMP/no-such-script.lua"
want_rc 2 && want_err_some
end

begin "help: vep diff --help"
run diff --help
want_rc 0 && { want_out_has "Usage: vep diff"; want_out_has "--lang"; want_err_empty; }
end

# cases/status.sh -- help and version, every exit status, standard input, the JSON error
# format and deterministic results.
# Sourced by run-cli-tests.sh, in order: it uses that script's framework
# (begin, run, want_*, end) and variables.

# ---- help and version ----------------------------------------------------
begin "help: vep --help"
run --help
want_rc 0 && { want_out_has "Usage: vep"; want_out_has "validate"; want_out_has "Exit status"; want_err_empty; }
end

begin "help: vep -h"
run -h
want_rc 0 && want_out_has "Usage: vep"
end

for cmd in validate score info test; do
    begin "help: vep $cmd --help"
    run "$cmd" --help
    want_rc 0 && { want_out_has "Usage: vep $cmd"; want_err_empty; }
    end
done

begin "help: vep --help score (the command's help)"
run --help score
want_rc 0 && want_out_has "Usage: vep score"
end

begin "version: vep --version"
run --version
VERSION=-
if want_rc 0; then
    if grep -E -q '^vep [0-9]+\.[0-9]+\.[0-9]+' "$TMP/out"; then
        VERSION=$(sed -n '1s/^vep \([0-9][0-9.]*\).*/\1/p' "$TMP/out")
    else
        no "stdout is not 'vep MAJOR.MINOR.PATCH': $(head -c 100 "$TMP/out")"
    fi
    want_err_empty
fi
end

# ---- exit status 0 ---------------------------------------------------------
for script in "$SCREEN" "$RNA"; do
    begin "exit 0: vep validate $script"
    run validate "$script"
    want_rc 0 && { want_out_has "is valid"; want_err_empty; }
    end
done

begin "exit 0: vep score (the result is JSON with the engine version)"
run score "$SCREEN" "$POS"
want_rc 0 && { want_err_empty; want_json result "$TMP/out" "$VERSION"; }
cp "$TMP/out" "$TMP/pos1"
end

begin "exit 0: vep score of the vep-rna example"
run score "$RNA" "$RNADOC"
want_rc 0 && { want_err_empty; want_json result "$TMP/out" "$VERSION"; }
cp "$TMP/out" "$TMP/rna1"
end

begin "exit 0: vep info"
run info "$SCREEN"
want_rc 0 && { want_out_has "vep-screen"; want_out_has "Screening for indicators of radicalisation (illustrative)"; want_err_empty; }
cp "$TMP/out" "$TMP/info1"
end

begin "exit 0: vep info --lang sr-Latn shows the Serbian texts"
run info "$SCREEN" --lang sr-Latn
want_rc 0 && {
    want_out_has "Skrining indikatora radikalizacije (ilustrativni)"
    want_out_has "Odobrava nasilje prema grupi koju naziva neprijateljima"
    want_out_has "Savetodavni rezultat skrininga"
    want_err_empty
}
end

begin "exit 0: vep --lang sr-Latn info (option before the command)"
run --lang sr-Latn info "$RNA"
want_rc 0 && want_out_has "Procena rizika i potreba nasilnih ekstremističkih zatvorenika"
end

begin "exit 0: vep info --lang sq shows the Albanian texts"
run info "$SCREEN" --lang sq
want_rc 0 && want_out_has "Shqyrtim paraprak i treguesve të radikalizimit (ilustrues)"
end

begin "exit 0: vep info --lang sr-Cyrl shows the Latin texts in Cyrillic, and says so"
run info "$RNA" --lang sr-Cyrl
want_rc 0 && {
    want_out_has "Процена ризика и потреба насилних екстремистичких затвореника"
    want_err_has "no language 'sr-Cyrl'; showing 'sr-Latn' (transliterated)"
    want_err_lacks "'en'"
}
run info "$FIX/diff/base.lua" --lang sr-Cyrl
want_rc 0 && want_err_has "showing 'sr-Latn' (transliterated), 'en'"
end

begin "plan: --lang sr-Cyrl-RS falls back to the Latin titles, in Cyrillic"
run plan instruments/plans/vep-plan-rna.lua "$TMP/rna1" --context examples/cases/rna-example.context.json --lang sr-Cyrl-RS
want_rc 0 && {
    want_out_has "Индивидуални психолошки рад"
    want_out_has '"requested": "sr-Cyrl-RS"'
}
end

for script in "$SCREEN" "$RNA" "$FIX/tests/passing.lua"; do
    begin "exit 0: vep test $script"
    run test "$script"
    want_rc 0 && { want_out_has " 0 failed"; want_err_empty; }
    end
done

begin "exit 0: vep test instruments (a directory)"
run test instruments
want_rc 0 && want_out_has " 0 failed"
end

begin "exit 0: functions run in a fresh sandbox for every assessment"
run test "$FIX/fresh-sandbox.lua"
want_rc 0 && want_out_has "3 passed, 0 failed"
end

begin "exit 0: --memory-limit accepts bytes and K, M, G suffixes"
for size in 1G 512M 65536K 67108864; do
    run validate --memory-limit=$size "$SCREEN"
    want_rc 0 || break
done
end

begin "exit 0: options after the command"
run validate "$SCREEN" --time-limit=5000 --instruction-limit=100000000 --error-format=json
want_rc 0 && want_err_empty
end

# ---- exit status 1 ---------------------------------------------------------
begin "exit 1: vep score of an invalid assessment"
run score "$SCREEN" "$BADDOC"
want_rc 1 && { want_out_empty; want_err_has "not_in_scale"; want_err_has '$.answers.S01.value'; }
end

begin "exit 1: a failing test case"
run test "$FIX/tests/wrong-expectation.lua"
want_rc 1 && { want_out_has "FAIL"; want_out_has "1 passed, 1 failed"; }
end

begin "exit 1: a directory with a failing test case"
run test "$FIX/tests"
want_rc 1 && want_out_has "1 failed"
end

begin "exit 1: vep score of an assessment file that does not exist"
run score "$SCREEN" "$TMP/no-such-assessment.json"
want_rc 1 && want_err_some
end

# ---- exit status 2 ---------------------------------------------------------
begin "exit 2: syntax error (JSON: rule syntax, line 6)"
run validate --error-format=json "$FIX/bad/syntax-error.lua"
want_rule 2 syntax - 6 -
end

begin "exit 2: definition error, text format 'FILE:LINE: item 'ID': ... (rule)'"
run validate "$FIX/bad/unknown-scale.lua"
want_rc 2 && {
    want_err_has "unknown-scale.lua:7: item 'B07': scale 'lmh3' is not declared (unknown_scale)"
    want_err_lacks "item 'B07': item 'B07'"
}
end

begin "exit 2: definition error (JSON: unknown_scale, line 7, item B07)"
run validate --error-format=json "$FIX/bad/unknown-scale.lua"
want_rule 2 unknown_scale - 7 B07
end

for cmd in validate info test; do
    begin "exit 2: vep $cmd of a script that does not exist"
    run "$cmd" "$TMP/no-such-script.lua"
    want_rc 2 && want_err_some
    end
done

begin "exit 2: vep score with a script that does not exist"
run score "$TMP/no-such-script.lua" "$POS"
want_rc 2 && { want_out_empty; want_err_some; }
end

begin "exit 2: vep score with an invalid script"
run score "$FIX/bad/syntax-error.lua" "$POS"
want_rc 2 && want_out_empty
end

begin "exit 2: vep test of an invalid script"
run test "$FIX/bad/unknown-scale.lua"
want_rc 2
end

begin "exit 2: a directory given as the script"
mkdir "$TMP/dir.lua"
run validate "$TMP/dir.lua"
want_rc 2 && { want_err_some; want_err_lacks "larger than"; }
end

# ---- exit status 3 ---------------------------------------------------------
begin "exit 3: instruction limit (JSON: instruction_limit, line 4)"
run validate --error-format=json --instruction-limit=100000 --time-limit=60000 "$FIX/bad/infinite-loop.lua"
want_rule 3 instruction_limit - 4 -
end

begin "exit 3: time limit (JSON: time_limit)"
run validate --error-format=json --instruction-limit=1000000000000 --time-limit=100 "$FIX/bad/infinite-loop.lua"
want_rule 3 time_limit - - -
end

begin "exit 3: memory limit (JSON: memory_limit)"
run validate --error-format=json --memory-limit=1M --time-limit=60000 "$FIX/bad/memory-hog.lua"
want_rule 3 memory_limit - - -
end

begin "exit 3: vep score with a script over its limit"
run score --instruction-limit=100000 --time-limit=60000 "$FIX/bad/infinite-loop.lua" "$POS"
want_rc 3 && want_out_empty
end

begin "exit 3: default limits stop an infinite loop (text format)"
run validate --time-limit=300 "$FIX/bad/infinite-loop.lua"
want_rc 3 && want_err_has "limit"
end

# ---- exit status 64 --------------------------------------------------------
usage() { # NAME ARGS...: the command must fail with 64, say so on stderr,
          # and print nothing on stdout
    begin "exit 64: $1"
    shift
    run "$@"
    want_rc 64 && { want_out_empty; want_err_some; }
    end
}
usage "unknown command" frobnicate "$SCREEN"
usage "'help' is not a command" help
usage "no command" 
usage "unknown option before the command" --bogus validate "$SCREEN"
usage "unknown option after the command" validate "$SCREEN" --bogus
usage "validate without SCRIPT" validate
usage "info without SCRIPT" info
usage "test without SCRIPT" test
usage "score without SCRIPT" score
usage "score without ASSESSMENT" score "$SCREEN"
usage "too many arguments" validate "$SCREEN" "$SCREEN"
usage "--memory-limit=12X" validate --memory-limit=12X "$SCREEN"
usage "--memory-limit=0" validate --memory-limit=0 "$SCREEN"
usage "--memory-limit without a value" validate --memory-limit= "$SCREEN"
usage "--memory-limit=64K (below the minimum)" validate --memory-limit=64K "$SCREEN"
usage "--memory-limit too large" validate --memory-limit=99999999999999G "$SCREEN"
usage "--time-limit=abc" validate --time-limit=abc "$SCREEN"
usage "--time-limit=0" validate --time-limit=0 "$SCREEN"
usage "--instruction-limit=0" validate --instruction-limit=0 "$SCREEN"
usage "--instruction-limit=-5" validate --instruction-limit=-5 "$SCREEN"
usage "--error-format=xml" validate --error-format=xml "$SCREEN"
usage "--lang with validate" validate --lang sr-Latn "$SCREEN"
usage "--lang without a value" info "$SCREEN" --lang
usage "--version with a value" --version=2

begin "exit 64: the message points to --help"
run validate --memory-limit=12X "$SCREEN"
want_rc 64 && { want_err_has "12X"; want_err_has "vep --help"; }
end

# ---- standard input ----------------------------------------------------------
begin "stdin: vep score SCRIPT - gives the same bytes as the file"
run_stdin "$POS" score "$SCREEN" -
want_rc 0 && { want_err_empty; want_same "$TMP/out" "$TMP/pos1" "stdin vs file"; }
end

begin "stdin: an invalid assessment on stdin (exit 1, JSON errors)"
run_stdin "$BADDOC" score --error-format=json "$SCREEN" -
want_rule 1 not_in_scale '$.answers.S01.value' - -
end

begin "stdin: empty stdin is an invalid assessment"
run_stdin /dev/null score --error-format=json "$SCREEN" -
want_rule 1 json_syntax '$' - -
end

# ---- the JSON error format -------------------------------------------------
begin "json errors: exit 1 (assessment)"
run score --error-format=json "$SCREEN" tests/corpus/assessments/084-several-problems.json
want_rule 1 "not_in_scale,unknown_item,missing_required,invalid_date,unknown_level,unknown_field" \
    '$.answers.S01.value,S99,S03,$.date,$.judgement.level,$.extra' - -
end

begin "json errors: exit 1 (assessment file missing)"
run score --error-format=json "$SCREEN" "$TMP/no-such-assessment.json"
want_rc 1 && want_json errors "$TMP/err"
end

begin "json errors: exit 2 (script file missing)"
run validate --error-format=json "$TMP/no-such-script.lua"
want_rc 2 && want_json errors "$TMP/err"
end

begin "json errors: exit 2 (definition, option before the command)"
run --error-format=json validate "$FIX/bad/unknown-scale.lua"
want_rule 2 unknown_scale - 7 B07
end

begin "json errors: exit 3 (limit, via vep score)"
run score --error-format=json --instruction-limit=100000 --time-limit=60000 "$FIX/bad/infinite-loop.lua" "$POS"
want_rule 3 instruction_limit - 4 -
end

begin "text errors: the default format is not JSON and names the rule"
run score "$SCREEN" "$BADDOC"
want_rc 1 && {
    if err_text | head -n 1 | grep -q '^{'; then no "stderr starts like JSON"; fi
    want_err_has "(not_in_scale)"
}
end

# ---- determinism -----------------------------------------------------------
begin "determinism: scoring the same assessment twice gives the same bytes"
run score "$SCREEN" "$POS"
want_rc 0 && want_same "$TMP/out" "$TMP/pos1" "second run"
end

begin "determinism: the same bytes after scoring another assessment"
run score "$SCREEN" "$NEG"
if want_rc 0; then
    cp "$TMP/out" "$TMP/neg1"
    run score "$SCREEN" "$POS"
    want_rc 0 && want_same "$TMP/out" "$TMP/pos1" "positive after negative"
    run score "$SCREEN" "$NEG"
    want_rc 0 && want_same "$TMP/out" "$TMP/neg1" "negative after positive"
    if cmp -s "$TMP/neg1" "$TMP/pos1"; then no "two different assessments gave the same result"; fi
fi
end

begin "determinism: vep-rna twice gives the same bytes"
run score "$RNA" "$RNADOC"
want_rc 0 && want_same "$TMP/out" "$TMP/rna1" "second run"
end

begin "determinism: vep info twice gives the same bytes"
run info "$SCREEN"
want_rc 0 && want_same "$TMP/out" "$TMP/info1" "second run"
end

begin "determinism: the result matches the golden file $GOLDEN"
if [ ! -f "$GOLDEN" ]; then
    no "no golden file"
else
    want_json golden "$TMP/pos1" "$GOLDEN"
fi
end

begin "determinism: the sources' sha256 are those of the files"
want_json sources "$TMP/pos1" "$REPO/instruments/screening" "$REPO"
end

begin "determinism: instrument.sha256 does not depend on how the path is written"
run score "$REPO/$SCREEN" "$POS"
if want_rc 0; then
    cp "$TMP/out" "$TMP/pos-abs"
    run score "./$SCREEN" "$POS"
    want_rc 0 && {
        want_json same-hash "$TMP/pos1" "$TMP/pos-abs"
        want_json same-hash "$TMP/pos1" "$TMP/out"
    }
fi
end

begin "dates: a function score uses the date library"
run test "$FIX/date-function.lua"
want_rc 0 && want_out_has "1 passed, 0 failed"
end

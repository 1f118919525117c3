# cases/overlays.sh -- overlays, the administrations' packages and migrations.
# Sourced by run-cli-tests.sh, in order: it uses that script's framework
# (begin, run, want_*, end) and variables.

# ---- overlays, the administrations' packages and migrations ---------------
RS_SCREEN=instruments/rs/vep-screen-rs.lua
MIG=examples/migration/vep-screen-1-to-2.lua
SCREEN2=examples/migration/vep-screen-2/vep-screen.lua

begin "overlay: a result records the lineage, the base's hash as its own"
sed 's/"id": "vep-screen", "version": "1.0.0"/"id": "vep-screen-rs", "version": "1.0.0"/' "$POS" \
    | sed 's/"S13"/"RS01": { "value": "absent" }, "S13"/' > "$TMP/rs.json"
run score "$RS_SCREEN" "$TMP/rs.json"
if want_rc 0; then
    base_sha=$(sha256sum instruments/screening/vep-screen.lua instruments/screening/vep-screen-tests.lua \
               | sed 's|instruments/screening/||' | sha256sum | cut -d' ' -f1)
    want_out_has '"lineage": ['
    want_out_has '"file": "../screening/vep-screen.lua"'
    want_out_has "\"sha256\": \"$base_sha\""
    want_out_has '"versions": "^1.0.0"'
fi
end

begin "overlay: the sr-Cyrl package writes the base's Latin titles in Cyrillic"
run score "$RS_SCREEN" "$TMP/rs.json"
want_rc 0 && want_out_has '"title": "Пондерисани збир индикатора"'
end

begin "packages: every administration's scripts pass their own tests"
for pkg in al ba me mk rs xk; do
    run test "instruments/$pkg"
    want_rc 0 || break
    want_out_has " 0 failed"
done
end

begin "overlay: a base that cannot be found exits 2 and names the rule"
mkdir -p "$TMP/pkg/x"
printf 'instrument { id = "x", version = "1.0.0", base = { id = "nowhere", version = "^1.0.0" } }\n' \
    > "$TMP/pkg/x/x.lua"
run --error-format json validate "$TMP/pkg/x/x.lua"
want_rc 2 && want_err_has '"rule": "base_not_found"'
end

begin "migrate: version 2 refuses a version 1 assessment and points to vep migrate"
run score "$SCREEN2" "$POS"
want_rc 1 && want_err_has "vep migrate MIGRATION ASSESSMENT"
end

begin "migrate: the migrated assessment scores with version 2 and records the migration"
run migrate "$MIG" "$POS"
if want_rc 0; then
    cp "$TMP/out" "$TMP/migrated.json"
    want_out_has '"version": "2.0.0"'
    want_out_has '"step": "split"'
    run score "$SCREEN2" "$TMP/migrated.json"
    want_rc 0 && want_out_has '"id": "vep-screen-1-to-2"'
fi
end

begin "migrate: twice the same bytes"
run migrate "$MIG" "$POS"
cp "$TMP/out" "$TMP/m1.json"
run migrate "$MIG" "$POS"
want_rc 0 && want_same "$TMP/m1.json" "$TMP/out" "two migrations"
end

begin "migrate: an assessment of another instrument exits 1 with its JSON path"
run migrate "$MIG" "$RNADOC"
want_rc 1 && want_err_has '$.instrument.id'
end

begin "migrate: an invalid migration script exits 2"
printf 'migration { id = "m", version = "1.0.0" }\n' > "$TMP/badmig.lua"
run migrate "$TMP/badmig.lua" "$POS"
want_rc 2 && want_err_has "'from' must be a table"
end

usage "migrate without ASSESSMENT" migrate "$MIG"

begin "packages: every script renders its guide in each of its languages, both formats"
ndocs=0
for script in $(find instruments/al instruments/ba instruments/me instruments/mk \
                     instruments/rs instruments/xk -name '*.lua' ! -name '*-tests.lua' | sort); do
    run doc "$script"
    want_rc 0 || break
    langs=$(grep -F '**Languages of the script:**' "$TMP/out" | grep -o '`[^`]*`' | tr -d '`')
    [ -n "$langs" ] || { no "$script: no languages in its guide"; break; }
    for lang in $langs; do
        run doc --lang "$lang" --format html "$script"
        want_rc 0 || break 2
        want_out_has "<html lang=\"$lang\""
        python3 "$FIX/doc/html-check.py" "$TMP/out" "$lang" >/dev/null 2>&1 || { no "$script $lang: html-check"; break 2; }
        run doc --lang "$lang" "$script"
        want_rc 0 || break 2
        ndocs=$((ndocs + 2))
    done
done
[ "$ndocs" -ge 60 ] || no "only $ndocs guides rendered"
end

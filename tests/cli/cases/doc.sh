# cases/doc.sh -- vep doc: the guide rendered from the script.
# Sourced by run-cli-tests.sh, in order: it uses that script's framework
# (begin, run, want_*, end) and variables.

# ---- vep doc: the guide rendered from the script --------------------------
# The golden guides are compared without the two lines that change with the
# engine version and with any edit of the scripts' files (the sources'
# SHA-256, checked against the result instead, and "Rendered by: libvep
# X.Y.Z").  To regenerate them, from the repository root:
#   build/vep doc instruments/screening/vep-screen.lua \
#       > tests/cli/fixtures/doc/vep-screen.md
#   build/vep doc instruments/plans/vep-plan-screen.lua \
#       > tests/cli/fixtures/doc/vep-plan-screen.md
DOCFIX=$FIX/doc
HTMLCHECK="python3 $REPO/$DOCFIX/html-check.py"
SCREEN_PLAN=instruments/plans/vep-plan-screen.lua

# doc_lines FILE: the guide without its version-dependent lines.
doc_lines() {
    grep -v -e '^- \*\*SHA-256 of the script' -e '^- \*\*Rendered by:\*\*' \
        -e '^==[0-9]*==' "$1"
}
# want_doc_golden GOLDEN: the last output is the golden guide.
want_doc_golden() {
    if [ ! -f "$1" ]; then
        no "no golden file $1"
        return
    fi
    doc_lines "$TMP/out" >"$TMP/doc-got"
    doc_lines "$1" >"$TMP/doc-want"
    if ! cmp -s "$TMP/doc-got" "$TMP/doc-want"; then
        no "differs from $1: $(diff "$TMP/doc-want" "$TMP/doc-got" | sed -n 2,3p | tr '\n' ' ' | cut -c 1-200)"
    fi
}
# want_html LANG [ID...]: the last output is one well-formed, self-contained
# HTML file in LANG with every item ID.
want_html() {
    if msg=$($HTMLCHECK "$TMP/out" "$@"); then
        :
    else
        no "$msg"
    fi
}
# result_ids KIND: the ids of the items (answers), scores, levels or flags
# of the vep-screen result.
result_ids() {
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
k = sys.argv[2]
print(" ".join(e["item"] if k == "answers" else e["id"] for e in d[k]))' "$TMP/pos1" "$1"
}

begin "help: vep doc --help"
run doc --help
want_rc 0 && { want_out_has "Usage: vep doc"; want_out_has "--format html"; want_err_empty; }
end

begin "doc: the guide of vep-screen in Markdown matches the golden file"
run doc "$SCREEN"
want_rc 0 && { want_err_empty; want_doc_golden "$DOCFIX/vep-screen.md"; }
cp "$TMP/out" "$TMP/doc-md1"
end

begin "doc: the guide names the sources' SHA-256 of the result, and the engine"
sha=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["instrument"]["sha256"])' "$TMP/pos1")
cp "$TMP/doc-md1" "$TMP/out"
want_out_has "**SHA-256 of the script's sources:** \`$sha\`"
want_out_has "libvep $VERSION (vep doc)"
end

begin "doc: every item, score, level and flag of vep-screen is in the guide"
cp "$TMP/doc-md1" "$TMP/out"
for id in $(result_ids answers); do want_out_has "#### $id: "; done
for id in $(result_ids scores) $(result_ids levels) $(result_ids flags); do want_out_has "### $id: "; done
end

begin "doc: the same bytes twice, and --format md is the default"
run doc --format md "$SCREEN"
want_rc 0 && want_same "$TMP/out" "$TMP/doc-md1" "--format md vs the default"
run doc "$SCREEN"
want_rc 0 && want_same "$TMP/out" "$TMP/doc-md1" "second run"
end

begin "doc: --format html is one well-formed, self-contained, printable file"
run doc "$SCREEN" --format html
# shellcheck disable=SC2046  # the ids are words
want_rc 0 && { want_err_empty; want_html en $(result_ids answers); want_out_has 'class="warning"'; }
cp "$TMP/out" "$TMP/doc-html1"
run doc --format=html "$SCREEN"
want_rc 0 && want_same "$TMP/out" "$TMP/doc-html1" "second HTML run"
end

begin "doc: the HTML is well-formed XML too (xmllint, when installed)"
if command -v xmllint >/dev/null 2>&1; then
    xmllint --noout "$TMP/doc-html1" 2>"$TMP/xmllint" || no "xmllint: $(head -n 1 "$TMP/xmllint")"
fi
end

begin "doc: --lang sr-Latn gives the Serbian texts and <html lang=\"sr-Latn\">"
run doc "$SCREEN" --lang sr-Latn --format html
# shellcheck disable=SC2046
want_rc 0 && {
    want_html sr-Latn $(result_ids answers)
    want_out_has "Skrining indikatora radikalizacije (ilustrativni)"
    want_out_has "Odobrava nasilje prema grupi koju naziva neprijateljima"
}
end

begin "doc: the note near the top says how many texts fell back to which language"
run doc "$SCREEN" --lang sq
want_rc 0 && {
    want_out_has "Shqyrtim paraprak i treguesve të radikalizimit (ilustrues)"
    want_out_has '**Language:** `sq`. All 31 texts of the script are in it.'
}
run doc "$SCREEN" --lang sr-Cyrl
want_rc 0 && want_out_has '**Language:** `sr-Cyrl`. Texts: 31 transliterated from `sr-Latn`.'
run doc "$FIX/diff/base.lua" --lang sr-Latn
want_rc 0 && want_out_has '**Language:** `sr-Latn`. Texts: 9 are in `sr-Latn`; 17 fell back to `en`.'
run doc "$FIX/diff/base.lua" --lang sr-Cyrl
want_rc 0 && want_out_has '**Language:** `sr-Cyrl`. Texts: 9 transliterated from `sr-Latn`; 17 fell back to `en`.'
end

begin "doc: the guide of the vep-rna instrument states its SPJ rules in words"
run doc "$RNA"
want_rc 0 && {
    want_out_has "**No total score.**"
    want_out_has 'The number of items of domain `beliefs` (Beliefs, attitudes and ideology) whose value is at least 2 (rated `high`).'
    want_out_has "Raised when score capability_intent is at least 1."
    want_out_has "**Rationale:** a written rationale is always required."
}
end

begin "doc: the plan guide of vep-plan-screen matches the golden file"
run doc "$SCREEN_PLAN"
want_rc 0 && { want_err_empty; want_doc_golden "$DOCFIX/vep-plan-screen.md"; }
end

begin "doc: the plan guide of vep-plan-rna in HTML names every rule and step"
run doc "$PLAN" --format html --lang sr-Latn
want_rc 0 && {
    want_html sr-Latn
    for r in R01-beliefs R05-belonging R11-placement-high R14-supervision-mentor; do
        want_out_has "id=\"rule-$r\""
    done
    want_out_has "Individualni psihološki rad"
    want_out_has "<code>release_conditions</code>"
    want_out_has "context conditional_release is &#39;true&#39;"
}
end

begin "doc: script texts are escaped, never markup"
run doc "$DOCFIX/markup.lua"
want_rc 0 && {
    want_out_has '# \<script>alert(1)\</script> & \*stars\* \_under\_ \[link\](http://example.org)'
    want_out_has '\# not a heading - not a list 1. not a list either \| a \| pipe \|'
    if grep -q '^- not a list\|^1\. not a list' "$TMP/out"; then no "a script text became a list"; fi
}
run doc "$DOCFIX/markup.lua" --format html
want_rc 0 && {
    want_html en X1
    want_out_has "&lt;script&gt;alert(1)&lt;/script&gt; &amp; *stars*"
    want_out_has "&lt;img src=&quot;http://example.org/x.png&quot;&gt; &amp;amp; label"
}
end

begin "doc: an invalid script exits 2 with file and line, and writes nothing"
run doc "$FIX/bad/unknown-scale.lua"
want_rc 2 && { want_out_empty; want_err_has "unknown-scale.lua:7"; }
run doc "$TMP/no-such-script.lua"
want_rc 2 && want_out_empty
end

usage "doc without SCRIPT" doc
usage "doc with two scripts" doc "$SCREEN" "$SCREEN"
usage "doc --format xml" doc --format xml "$SCREEN"
usage "--format with score" score --format md "$SCREEN" "$POS"

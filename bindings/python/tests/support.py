"""What the binding's tests share: where the repository and the fixtures
are, and a few documents.

The tests use the ``vep`` package that Python imports (run them from outside
bindings/python to test an installed copy) and the library it finds:
``VEP_LIBRARY``, else the system loader's libvep.so.0.  The repository
(instruments, conformance vectors) is ``VEP_SOURCE_DIR``, else the checkout
these tests are in.
"""

import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")
REPO = os.environ.get("VEP_SOURCE_DIR") or os.path.dirname(
    os.path.dirname(os.path.dirname(HERE)))

MINI = os.path.join(FIXTURES, "mini.lua")
SCREEN = os.path.join(REPO, "instruments", "screening", "vep-screen.lua")
SCREEN_PLAN = os.path.join(REPO, "instruments", "plans",
                           "vep-plan-screen.lua")
SCREEN_POSITIVE = os.path.join(REPO, "examples", "assessments",
                               "screen-positive.json")
SCREEN_CONTEXT = os.path.join(REPO, "examples", "cases",
                              "screen-positive.context.json")
MIGRATION = os.path.join(REPO, "examples", "migration",
                         "vep-screen-1-to-2.lua")
SCREEN_2 = os.path.join(REPO, "examples", "migration", "vep-screen-2",
                        "vep-screen.lua")


def fixture(name):
    """The path of a file under tests/fixtures."""
    return os.path.join(FIXTURES, name)


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def mini_assessment(**answers):
    """The assessment of mini.lua, with some answers replaced
    (``B=5`` gives {"value": 5})."""
    doc = copy.deepcopy(read_json(fixture("mini-assessment.json")))
    for k, v in answers.items():
        doc["answers"][k] = {"value": v}
    return doc

"""The package's own build backend (build_backend/vep_build.py)."""

import base64
import hashlib
import importlib.util
import os
import shutil
import tarfile
import tempfile
import unittest
import zipfile

import vep

import support

SOURCE = os.path.join(support.REPO, "bindings", "python")
BACKEND = os.path.join(SOURCE, "build_backend", "vep_build.py")


def load_backend():
    spec = importlib.util.spec_from_file_location("vep_build", BACKEND)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@unittest.skipUnless(os.path.exists(BACKEND), "no source tree")
class BackendTest(unittest.TestCase):

    def setUp(self):
        self.backend = load_backend()
        self.tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.tmp)

    def test_needs_nothing_to_build(self):
        self.assertEqual(self.backend.get_requires_for_build_wheel(), [])
        self.assertEqual(self.backend.get_requires_for_build_sdist(), [])
        self.assertEqual(self.backend.get_requires_for_build_editable(), [])
        with open(os.path.join(SOURCE, "pyproject.toml")) as f:
            text = f.read()
        self.assertIn("requires = []", text)
        self.assertIn('build-backend = "vep_build"', text)

    def test_wheel(self):
        name = self.backend.build_wheel(self.tmp)
        self.assertEqual(name, "vep-%s-py3-none-any.whl" % vep.__version__)
        path = os.path.join(self.tmp, name)
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            info = "vep-%s.dist-info/" % vep.__version__
            modules = sorted(n for n in os.listdir(os.path.join(SOURCE,
                                                                "vep"))
                             if n.endswith(".py"))
            self.assertEqual(sorted(n for n in names
                                    if n.startswith("vep/")),
                             ["vep/" + m for m in modules])
            meta = z.read(info + "METADATA").decode("utf-8")
            self.assertIn("Name: vep\n", meta)
            self.assertIn("Version: %s\n" % vep.__version__, meta)
            self.assertIn("Tag: py3-none-any", z.read(info + "WHEEL")
                          .decode("ascii"))
            # RECORD holds every other file with its hash and size.
            record = z.read(info + "RECORD").decode("utf-8").splitlines()
            self.assertEqual(len(record), len(names))
            for line in record:
                fname, digest, size = line.rsplit(",", 2)
                if fname == info + "RECORD":
                    self.assertEqual((digest, size), ("", ""))
                    continue
                data = z.read(fname)
                want = base64.urlsafe_b64encode(
                    hashlib.sha256(data).digest()).rstrip(b"=").decode()
                self.assertEqual(digest, "sha256=" + want, fname)
                self.assertEqual(int(size), len(data))
        # The same sources give the same wheel.
        again = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, again)
        self.backend.build_wheel(again)
        self.assertEqual(support.read_bytes(path),
                         support.read_bytes(os.path.join(again, name)))

    def test_editable_wheel_names_the_source(self):
        name = self.backend.build_editable(self.tmp)
        with zipfile.ZipFile(os.path.join(self.tmp, name)) as z:
            pth = [n for n in z.namelist() if n.endswith(".pth")]
            self.assertEqual(len(pth), 1)
            self.assertEqual(z.read(pth[0]).decode().strip(),
                             os.path.dirname(os.path.dirname(BACKEND)))

    def test_metadata_directory(self):
        name = self.backend.prepare_metadata_for_build_wheel(self.tmp)
        self.assertEqual(sorted(os.listdir(os.path.join(self.tmp, name))),
                         ["METADATA", "WHEEL"])

    def test_sdist(self):
        name = self.backend.build_sdist(self.tmp)
        with tarfile.open(os.path.join(self.tmp, name)) as t:
            names = t.getnames()
        base = "vep-%s/" % vep.__version__
        for member in ("pyproject.toml", "README.md", "PKG-INFO",
                       "build_backend/vep_build.py", "vep/engine.py",
                       "tests/test_host.py", "tests/fixtures/mini.lua"):
            self.assertIn(base + member, names)


if __name__ == "__main__":
    unittest.main()

"""The build backend of the vep package (PEP 517 and PEP 660).

The package is pure Python and needs nothing at build time but the standard
library, so it brings its own backend instead of naming setuptools in
pyproject.toml: pip's build isolation then has nothing to download, and
``pip install bindings/python`` works on a machine without network access
(and without setuptools or wheel installed).

The wheel holds the ``vep`` package and its metadata; the files are written
in sorted order with a fixed time stamp, so the same sources give the same
wheel.  An editable install (``pip install -e``) is a ``.pth`` file naming
this directory.
"""

import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile

NAME = "vep"
SUMMARY = ("Python binding of libvep: sandboxed assessment instruments and "
           "treatment-plan rules")
LICENSE = "MIT"
REQUIRES_PYTHON = ">=3.9"
TAG = "py3-none-any"
_EPOCH = (1980, 1, 1, 0, 0, 0)

_HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _version():
    """The version, read from vep/__init__.py (its one source)."""
    with open(os.path.join(_HERE, NAME, "__init__.py"),
              encoding="utf-8") as f:
        m = re.search(r'^__version__ = "([^"]+)"', f.read(), re.M)
    if m is None:
        raise RuntimeError("vep/__init__.py has no __version__")
    return m.group(1)


def _dist_info():
    """The name of the .dist-info directory."""
    return "%s-%s.dist-info" % (NAME, _version())


def _metadata():
    """The METADATA file (core metadata 2.1), the README as description."""
    with open(os.path.join(_HERE, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    head = ("Metadata-Version: 2.1\n"
            "Name: %s\n"
            "Version: %s\n"
            "Summary: %s\n"
            "License: %s\n"
            "Requires-Python: %s\n"
            "Classifier: Programming Language :: Python :: 3\n"
            "Classifier: License :: OSI Approved :: MIT License\n"
            "Classifier: Operating System :: POSIX :: Linux\n"
            "Description-Content-Type: text/markdown\n"
            "\n" % (NAME, _version(), SUMMARY, LICENSE, REQUIRES_PYTHON))
    return (head + readme).encode("utf-8")


def _wheel_file():
    """The WHEEL file: a pure-Python wheel for any Python 3."""
    return ("Wheel-Version: 1.0\n"
            "Generator: vep_build %s\n"
            "Root-Is-Purelib: true\n"
            "Tag: %s\n" % (_version(), TAG)).encode("ascii")


def _package_files():
    """(archive name, bytes) of every module of the package, sorted."""
    files = []
    pkg = os.path.join(_HERE, NAME)
    for root, dirs, names in os.walk(pkg):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for n in sorted(names):
            if n.endswith(".py"):
                path = os.path.join(root, n)
                rel = os.path.relpath(path, _HERE).replace(os.sep, "/")
                with open(path, "rb") as f:
                    files.append((rel, f.read()))
    return sorted(files)


def _record_line(name, data):
    """The RECORD line of one file: its name, SHA-256 and size."""
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest())
    return "%s,sha256=%s,%d\n" % (name, digest.rstrip(b"=").decode("ascii"),
                                  len(data))


def _write_wheel(directory, files):
    """Writes a wheel of `files` plus the metadata; returns its name."""
    info = _dist_info()
    files = list(files) + [
        (info + "/METADATA", _metadata()),
        (info + "/WHEEL", _wheel_file()),
        (info + "/top_level.txt", (NAME + "\n").encode("ascii")),
    ]
    record = "".join(_record_line(n, d) for n, d in files)
    record += info + "/RECORD,,\n"
    files.append((info + "/RECORD", record.encode("utf-8")))
    filename = "%s-%s-%s.whl" % (NAME, _version(), TAG)
    with zipfile.ZipFile(os.path.join(directory, filename), "w",
                         zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, _EPOCH)
            zi.external_attr = 0o644 << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return filename


def _write_metadata_dir(directory):
    """Writes METADATA and WHEEL into a .dist-info directory under
    `directory`; returns the directory's name."""
    info = os.path.join(directory, _dist_info())
    os.makedirs(info, exist_ok=True)
    for name, data in (("METADATA", _metadata()), ("WHEEL", _wheel_file())):
        with open(os.path.join(info, name), "wb") as f:
            f.write(data)
    return _dist_info()


def _add_to_tar(t, name, data):
    """Adds the file `name` holding `data` to the tar archive `t`, mode
    0644 with a fixed time stamp (1980-01-01), as the wheel's files."""
    ti = tarfile.TarInfo(name)
    ti.size = len(data)
    ti.mode = 0o644
    ti.mtime = 315532800
    t.addfile(ti, io.BytesIO(data))


# -- PEP 517 ---------------------------------------------------------------

def get_requires_for_build_wheel(config_settings=None):
    """Nothing to install before building."""
    return []


def get_requires_for_build_sdist(config_settings=None):
    """Nothing to install before building."""
    return []


def prepare_metadata_for_build_wheel(metadata_directory,
                                     config_settings=None):
    """Writes the .dist-info directory pip reads before building."""
    return _write_metadata_dir(metadata_directory)


def build_wheel(wheel_directory, config_settings=None,
                metadata_directory=None):
    """Builds the pure-Python wheel into `wheel_directory`."""
    return _write_wheel(wheel_directory, _package_files())


def build_sdist(sdist_directory, config_settings=None):
    """A source archive of the package, its tests, backend and README."""
    base = "%s-%s" % (NAME, _version())
    filename = base + ".tar.gz"
    names = ["pyproject.toml", "README.md", "build_backend/vep_build.py"]
    for sub in (NAME, "tests"):
        for root, dirs, files in os.walk(os.path.join(_HERE, sub)):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for n in sorted(files):
                if n.endswith((".py", ".lua", ".json")):
                    names.append(os.path.relpath(os.path.join(root, n),
                                                 _HERE))
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz",
                      format=tarfile.PAX_FORMAT) as t:
        for rel in sorted(names):
            with open(os.path.join(_HERE, rel), "rb") as f:
                data = f.read()
            _add_to_tar(t, base + "/" + rel.replace(os.sep, "/"), data)
        _add_to_tar(t, base + "/PKG-INFO", _metadata())
    return filename


# -- PEP 660 (pip install -e) ------------------------------------------------

def get_requires_for_build_editable(config_settings=None):
    """Nothing to install before building."""
    return []


def prepare_metadata_for_build_editable(metadata_directory,
                                        config_settings=None):
    """As for a wheel."""
    return _write_metadata_dir(metadata_directory)


def build_editable(wheel_directory, config_settings=None,
                   metadata_directory=None):
    """A wheel whose only file is a .pth naming this source directory."""
    pth = ("__editable__.%s-%s.pth" % (NAME, _version()),
           (_HERE + "\n").encode("utf-8"))
    return _write_wheel(wheel_directory, [pth])

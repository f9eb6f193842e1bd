"""Word-processor files rectlint does not read itself (.doc, .wps, .odt, .rtf, .docm), converted
to .docx by LibreOffice and then read like any .docx.

`soffice --headless --convert-to docx` is the converter every office suite's import rests on: it
reads Word 97-2003, WPS's Word-97 files, OpenDocument and RTF as an editor's LibreOffice would.
Each conversion runs in a private temporary folder (removed afterwards, whatever happens; in
memory under /dev/shm where there is one) with its own temporary user profile, so conversions in parallel never share LibreOffice's instance or
lock files, and with macros switched off in that profile, so nothing a file carries is run. It
has a time limit; past it the whole process group is killed. The program is found through
RECTLINT_SOFFICE, else as `soffice` or `libreoffice` on PATH. Without it the file is unreadable
(an input error), never clean.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile

from .errors import InputError
from .messages import said
from .record import Record
from .text import printable

TIMEOUT = 60.0  # seconds; RECTLINT_SOFFICE_TIMEOUT overrides it

# The private profile's settings: macros never run, whatever a file asks or is signed with
# (MacroSecurityLevel 3 is "very high": only macros from trusted locations, and there are none).
_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" \
oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" \
oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="SecureURL" \
oor:op="fuse"><value/></prop></item>
</oor:items>
"""


class Converted(Record):
    """A legacy file's .docx copy as LibreOffice wrote it, and the hash of the file it came from
    (an annotated copy is written only while the file is still what was linted)."""

    FIELDS = ("docx", "sha256")

    def __init__(self, docx: bytes, sha256: str):
        self.docx = docx
        self.sha256 = sha256


def soffice() -> str | None:
    """The LibreOffice program: RECTLINT_SOFFICE (a path or a name on PATH), else soffice or
    libreoffice on PATH, else None."""
    given = os.environ.get("RECTLINT_SOFFICE")
    if given:
        if os.path.isfile(given) and os.access(given, os.X_OK):
            return given
        return shutil.which(given)
    return shutil.which("soffice") or shutil.which("libreoffice")


def _timeout() -> float:
    try:
        return float(os.environ.get("RECTLINT_SOFFICE_TIMEOUT", TIMEOUT))
    except ValueError:
        return TIMEOUT


# Conversions done ahead, several files to one start of LibreOffice (`prefetch`), by path; each is
# taken once, when its file is read, if the file's bytes are still those converted.
_READY: dict[str, Converted] = {}
BATCH = 16  # files converted by one start of LibreOffice, which costs seconds


def to_docx(data: bytes, name: str, kind: str) -> Converted:
    """The .docx LibreOffice writes from `data`, a file of format `kind` (doc, wps, odt, rtf, docm).
    Raises InputError naming what to install when LibreOffice is missing, and when it cannot
    open the file or takes too long."""
    sha = hashlib.sha256(data).hexdigest()
    ready = _READY.pop(name, None)
    if ready is not None and ready.sha256 == sha:
        return ready
    shown = printable(name)
    if not recognised(data, kind):
        raise InputError(said("input.not-convertible", name=shown, suffix="." + kind))
    program = soffice()
    if program is None:
        raise InputError(said("input.needs-libreoffice", name=shown, suffix="." + kind))
    docx = _convert(program, [(data, kind)], _timeout(), shown)[0]
    if docx is None:
        raise InputError(said("input.convert-failed", name=shown, suffix="." + kind))
    return Converted(docx, sha)


def prefetch(files: list[tuple[str, bytes, str]]) -> None:
    """Convert (name, data, kind) files ahead, all with one start of LibreOffice, for `to_docx`
    to take. A file that fails here is converted again alone when it is read, which says why."""
    program = soffice()
    files = [f for f in files if recognised(f[1], f[2])]
    if program is None or len(files) < 2:
        return
    try:
        converted = _convert(program, [(data, kind) for _, data, kind in files],
                             _timeout() * (1 + len(files) / 4), printable(files[0][0]))
    except InputError:  # too slow as a batch: each is tried alone, with its own time limit
        return
    for (name, data, _), docx in zip(files, converted):
        if docx is not None:
            _READY[name] = Converted(docx, hashlib.sha256(data).hexdigest())


_ZIP = b"PK\x03\x04"


def recognised(data: bytes, kind: str) -> bool:
    """Whether `data` has the form of a `kind` file that LibreOffice opens as a word processor's.
    What it does not recognise it imports as plain text, bytes and all (a WPS 2000 file, say),
    and a draft read that way would look clean: such a file is refused instead."""
    start = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if kind in ("odt", "docm"):
        return data.startswith(_ZIP)
    if kind == "rtf":
        return start.startswith(b"{\\rtf")
    # .doc and .wps: a compound file, or what Word also saves under .doc (RTF, a .docx, Word XML,
    # a web page or its single-file form)
    from .docx_reader import OLE

    return (data.startswith((OLE, _ZIP)) or start.startswith((b"{\\rtf", b"<"))
            or start[:12].lower() == b"mime-version")


def _convert(program: str, files: list[tuple[bytes, str]], seconds: float, shown: str) -> list:
    """The .docx bytes LibreOffice writes from each (data, kind), or None where it wrote none."""
    with tempfile.TemporaryDirectory(prefix="rectlint-convert-", dir=_memory_folder(),
                                     ignore_cleanup_errors=True) as folder:
        # Drafts go in under plain names: their own names may hold anything, and the suffix is
        # all LibreOffice needs besides the content.
        sources = []
        for number, (data, kind) in enumerate(files):
            sources.append(os.path.join(folder, f"draft{number}.{kind}"))
            with open(sources[-1], "wb") as handle:
                handle.write(data)
        user = os.path.join(folder, "profile", "user")
        os.makedirs(user)
        with open(os.path.join(user, "registrymodifications.xcu"), "w", encoding="utf-8") as handle:
            handle.write(_PROFILE)
        out = os.path.join(folder, "out")
        command = [program, "-env:UserInstallation=" + _file_url(os.path.join(folder, "profile")),
                   "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", out, *sources]
        # LibreOffice's own temporary files go into the private folder too, and are removed with it.
        env = {**os.environ, "TMPDIR": folder, "TMP": folder, "TEMP": folder}
        _run(command, env, seconds, shown)
        results = []
        for number in range(len(files)):
            result = os.path.join(out, f"draft{number}.docx")
            if os.path.isfile(result) and os.path.getsize(result):
                with open(result, "rb") as handle:
                    results.append(handle.read())
            else:
                results.append(None)
        return results


def _memory_folder() -> str | None:
    """Where the private folder goes: /dev/shm where it can be written (Linux: memory, so a
    draft converted for `rectlint serve` never reaches a disk), else the system's temporary folder."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None


def _file_url(path: str) -> str:
    from pathlib import Path

    return Path(path).resolve().as_uri()


def _run(command: list, env: dict, seconds: float, shown: str) -> None:
    posix = os.name == "posix"
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, env=env, start_new_session=posix)
    except OSError as exc:
        raise InputError(said("input.convert-failed-to-start", name=shown, error=exc.strerror or str(exc))) from None
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        _kill(process, posix)
        raise InputError(said("input.convert-timeout", name=shown, seconds=f"{seconds:g}")) from None
    except BaseException:  # Ctrl-C: no LibreOffice is left behind
        _kill(process, posix)
        raise


def _kill(process, posix: bool) -> None:
    """The launcher and the office process it started (a process group of their own)."""
    if posix:
        import signal

        try:
            os.killpg(process.pid, signal.SIGKILL)
        except OSError:
            pass
    else:
        process.kill()
    process.wait()

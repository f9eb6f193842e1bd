"""What each format costs to read, side by side with the .docx it was made from. Not a test.

    python bench/formats.py [--notices 12] [--repeat 5]

The clean corpus notices are written as .docx (tests/formatgen.py: 16 pt, as a 公文), and the
real LibreOffice writes each as .pdf and .doc; tests/formatgen.py also lays each out as an OFD
file. Then, per format: seconds to read a file into a Document (median of --repeat runs), per
page for PDF and OFD; and for the LibreOffice conversion of .doc files, seconds per file when each
file starts LibreOffice once (a draft named alone) and when they are converted together (a
folder: convert.prefetch, up to convert.BATCH files to one start).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from corpus_files import CORPUS, notices, read  # noqa: E402
from formatgen import notice_docx, notice_ofd, soffice, soffice_convert  # noqa: E402
from rectlint import convert  # noqa: E402
from rectlint.api import Linter  # noqa: E402
from rectlint.config import Config  # noqa: E402
from rectlint.reader import Source, parse  # noqa: E402


def _median(seconds: list[float]) -> float:
    return statistics.median(seconds)


def _read_all(files: list[Path], kind: str, repeat: int) -> float:
    """Median seconds to read every file once."""
    datas = [(f, f.read_bytes()) for f in files]
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        for path, data in datas:
            parse(Source(str(path), kind), data)
        runs.append(time.perf_counter() - started)
    return _median(runs)


def _pages(files: list[Path]) -> int:
    import pypdfium2

    return sum(len(pypdfium2.PdfDocument(f.read_bytes())) for f in files)


def _ofd_pages(files: list[Path]) -> int:
    import zipfile

    return sum(sum(1 for n in zipfile.ZipFile(f).namelist() if n.endswith("/Content.xml") and "/Pages/" in n)
               for f in files)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--notices", type=int, default=12)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if soffice() is None:
        print("needs LibreOffice (Debian: libreoffice-writer-nogui)")
        return 2
    texts = [read(p)[1] for p in notices(CORPUS) if p.suffix == ".txt"][:args.notices]
    with tempfile.TemporaryDirectory(prefix="rectlint-bench-formats-") as tmp:
        folder = Path(tmp)
        docx = [notice_docx(folder / f"n{k:02}.docx", text.splitlines()) for k, text in enumerate(texts)]
        ofd = [notice_ofd(folder / f"n{k:02}.ofd", text.splitlines()) for k, text in enumerate(texts)]
        pdf = soffice_convert(docx, "pdf", folder)
        doc = soffice_convert(docx, "doc", folder)
        n = len(docx)
        pdf_pages, ofd_pages = _pages(pdf), _ofd_pages(ofd)

        docx_s = _read_all(docx, "docx", args.repeat)
        pdf_s = _read_all(pdf, "pdf", args.repeat)
        ofd_s = _read_all(ofd, "ofd", args.repeat)

        singles = []
        for path in doc[:4]:  # one start of LibreOffice per file, as for a draft named alone
            data = path.read_bytes()
            started = time.perf_counter()
            convert.to_docx(data, str(path), "doc")
            singles.append(time.perf_counter() - started)
        batched = []
        for _ in range(2):  # a folder of .doc files: one start per batch
            started = time.perf_counter()
            convert.prefetch([(str(p), p.read_bytes(), "doc") for p in doc])
            batched.append((time.perf_counter() - started) / n)
            convert._READY.clear()

        lint = Linter(Config())
        started = time.perf_counter()
        for path in docx:
            lint.lint_bytes(path.read_bytes(), str(path))
        lint_s = (time.perf_counter() - started) / n

    print(f"{n} corpus notices; PDF {pdf_pages} pages, OFD {ofd_pages} pages (median of {args.repeat} runs)\n")
    print(f"{'format':<34} {'per file':>10} {'per page':>10}")
    print(f"{'.docx read (zipfile, lxml)':<34} {docx_s / n * 1000:>8.1f} ms {'':>10}")
    print(f"{'.pdf read (pypdfium2, layout)':<34} {pdf_s / n * 1000:>8.1f} ms {pdf_s / pdf_pages * 1000:>7.1f} ms")
    print(f"{'.ofd read (zipfile, lxml, layout)':<34} {ofd_s / n * 1000:>8.1f} ms {ofd_s / ofd_pages * 1000:>7.1f} ms")
    print(f"{'.doc converted, one start per file':<34} {_median(singles):>9.2f} s {'':>10}")
    print(f"{'.doc converted, ' + str(n) + ' to one start':<34} {_median(batched):>9.2f} s {'':>10}")
    print(f"{'(lint of a .docx, all rules)':<34} {lint_s * 1000:>8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

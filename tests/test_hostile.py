"""Hostile casebooks and failing disks: nothing read or written outside its place, nothing
lost, never a traceback (issue 11: each test is one of its reproductions)."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from helpers import FIXTURES, REPO, run

PASSWD_LINE = "root:x:0:0"


def ok(result):
    code, out, err = result
    assert code == 0, err
    return out


def fails(result, *, exit_code: int = 1) -> str:
    """The stderr of a command that failed cleanly: its exit status, no traceback."""
    code, out, err = result
    assert code == exit_code, (out, err)
    assert "Traceback" not in err and "Traceback" not in out
    return err


# --- 1. Files outside the casebook are never read -----------------------------------------

def test_a_document_outside_the_casebook_is_an_error_not_published(runner, casebook):
    casebook("outside-document")
    err = fails(run("validate", "--data", "case"))
    assert ("case/sources.csv:3: document '../../../../../../../etc/passwd' points outside the "
            "casebook folder (to /etc/passwd); documents must be inside case") in err
    fails(run("build", "--data", "case", "-o", "page.html"))
    assert not Path("page.html").exists()
    fails(run("export", "csv", "--data", "case", "-o", "out"))
    assert not Path("out").exists()


@pytest.mark.parametrize("how", ["absolute", "symlink-out", "symlinked-folder"])
def test_absolute_paths_and_symlinks_out_are_refused(casebook, tmp_path, how):
    root = casebook()
    secret = tmp_path / "secret.txt"
    secret.write_text("The Northern Front, says the ministry, has received rifles from "
                      "Aldovia's army.\n", encoding="utf-8")
    sources = root / "sources.csv"
    if how == "absolute":
        path = str(secret)
    elif how == "symlink-out":
        (root / "sources" / "link.txt").symlink_to(secret)
        path = "sources/link.txt"
    else:
        (root / "elsewhere").symlink_to(tmp_path, target_is_directory=True)
        path = "elsewhere/secret.txt"
    sources.write_text(sources.read_text(encoding="utf-8").replace("sources/report.txt", path),
                       encoding="utf-8")
    err = fails(run("validate", "--data", "case"))
    assert f"points outside the casebook folder (to {secret})" in err


def test_a_symlink_inside_the_casebook_is_followed(casebook):
    root = casebook()
    (root / "sources" / "report.txt").rename(root / "sources" / "real.txt")
    (root / "sources" / "report.txt").symlink_to("real.txt")
    assert "ok: 5 actors, 5 claims" in ok(run("validate", "--data", "case"))


@pytest.mark.parametrize("special", ["fifo", "device", "folder"])
def test_a_document_that_is_not_a_regular_file_is_never_opened_for_reading(casebook, special):
    root = casebook()
    document = root / "sources" / "report.txt"
    document.unlink()
    if special == "fifo":
        os.mkfifo(document)  # reading it would wait for a writer forever
    elif special == "device":
        document.symlink_to("/dev/zero")  # outside, and endless
        (root / "sources" / "zero").symlink_to("/dev/zero")
    else:
        document.mkdir()
    err = fails(run("validate", "--data", "case"))
    if special == "fifo":
        assert "document 'sources/report.txt' is not a regular file" in err
    elif special == "device":
        assert "points outside the casebook folder (to /dev/zero)" in err
    else:
        assert "document 'sources/report.txt' is a folder" in err


def test_a_document_over_the_size_limit_is_refused(casebook, monkeypatch):
    from actorgraph.casebook import read

    monkeypatch.setattr(read, "MAX_DOCUMENT_MB", 0.0001)  # 100 bytes
    casebook()
    err = fails(run("validate", "--data", "case"))
    assert "case/sources.csv:2: document 'sources/report.txt' is 0 MB; a document may be at " \
           "most 0.0001 MB" in err


def test_a_table_that_points_outside_is_refused(casebook, tmp_path):
    root = casebook()
    (tmp_path / "other.csv").write_text((root / "nodes.csv").read_text(encoding="utf-8"))
    (root / "nodes.csv").unlink()
    (root / "nodes.csv").symlink_to(tmp_path / "other.csv")
    err = fails(run("validate", "--data", "case"))
    assert "case/nodes.csv: points outside the casebook folder" in err


# --- 2. Exports write only inside their destination ---------------------------------------

@pytest.mark.parametrize("doc_id", ["../../../../ESCAPED", "/tmp/ESCAPED-abs", ".hidden",
                                    "a/b", "..", "con"])
def test_source_ids_become_safe_file_names(casebook, tmp_path, doc_id):
    root = casebook()
    for name in ("sources.csv", "edges.csv"):
        path = root / name
        path.write_text(path.read_text(encoding="utf-8").replace("report", doc_id),
                        encoding="utf-8")
    sources = root / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8").replace(
        f"sources/{doc_id}.txt", "sources/report.txt"), encoding="utf-8")
    before = {p for p in tmp_path.rglob("*")}
    ok(run("export", "csv", "--data", "case", "-o", "out"))
    after = {p for p in tmp_path.rglob("*")} - before
    out = (tmp_path / "out").resolve()
    assert after and all(p.resolve() == out or out in p.resolve().parents for p in after)
    written = sorted(p.name for p in (out / "sources").iterdir())
    assert len(written) == 1 and not written[0].startswith(".") and "/" not in written[0]
    assert not Path("/tmp/ESCAPED-abs").exists()
    ok(run("validate", "--data", "out"))  # and the export is a casebook again


def test_two_documents_sharing_a_file_name_are_both_exported(casebook):
    root = casebook()
    (root / "other").mkdir()
    shutil.copy(root / "sources" / "report.txt", root / "other" / "report.txt")
    with (root / "sources.csv").open("a", encoding="utf-8") as f:
        f.write("copy,A Copy,other/report.txt,,,\n")
    with (root / "edges.csv").open("a", encoding="utf-8") as f:
        f.write("c6,front,corvin,associated_with,laundering money through Corvin Holdings,"
                "copy,analysts,suspected,,\n")
    ok(run("export", "csv", "--data", "case", "-o", "out"))
    assert sorted(p.name for p in Path("out/sources").iterdir()) == ["copy.txt", "report.txt"]
    ok(run("validate", "--data", "out"))


# --- 3. -o never replaces a device, a FIFO or a symlink -----------------------------------

@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_given_to_o_is_written_to_not_replaced(casebook, tmp_path):
    casebook()
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # like /dev/null
    ok(run("export", "gexf", "--data", "case", "-o", device))
    assert stat.S_ISCHR(device.stat().st_mode)
    ok(run("build", "--data", "case", "-o", device))
    assert stat.S_ISCHR(device.stat().st_mode)
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())


def test_a_fifo_given_to_o_is_written_to_not_replaced(casebook, tmp_path):
    casebook()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    ok(run("export", "json", "--data", "case", "-o", fifo))
    out, _ = reader.communicate(timeout=30)
    assert json.loads(out)["graph"]["casebook"] == "case"
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_symlink_given_to_o_is_followed_and_kept(casebook, tmp_path):
    casebook()
    target = tmp_path / "real.gexf"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.gexf"
    link.symlink_to(target)
    ok(run("export", "gexf", "--data", "case", "-o", link))
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8").startswith("<?xml")


# --- 4. A claim is never swallowed ---------------------------------------------------------

def test_a_quote_never_closed_is_an_error_not_a_lost_claim(casebook):
    casebook("unclosed-quote")
    err = fails(run("validate", "--data", "case"))
    assert ("case/edges.csv:5: a quote opened here is never closed; the rows after it were "
            "read as part of this field") in err


def test_a_quote_closed_rows_later_is_an_error_too(casebook):
    root = casebook()
    edges = root / "edges.csv"
    header = edges.read_text(encoding="utf-8").splitlines()[0]
    edges.write_text(
        f"{header}\n"
        "c5,front,corvin,traffics_with,Analysts suspect … laundering money through Corvin "
        'Holdings,report,analysts,suspected,,"starts here\n'
        "c2,aldovian-army,aldovia,part_of,Aldovia’s army,report,the author,implied,,"
        'ends here" and more\n', encoding="utf-8")
    err = fails(run("validate", "--data", "case"))
    assert "case/edges.csv:2: a quote opened here is never closed" in err


def test_a_multiline_field_that_holds_no_rows_is_fine(casebook):
    casebook("bom-multiline")
    assert "ok:" in ok(run("validate", "--data", "case"))


# --- 5. -o never overwrites the casebook --------------------------------------------------

@pytest.mark.parametrize("command", [["build", "-o"], ["export", "graphml", "-o"],
                                     ["export", "json", "-o"]])
@pytest.mark.parametrize("target", ["nodes.csv", "edges.csv", "sources.csv",
                                    "sources/report.txt"])
def test_o_refuses_a_file_the_casebook_reads(casebook, command, target):
    root = casebook()
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    err = fails(run(*command, f"case/{target}", "--data", "case"))
    assert f"'case/{target}' is a file the casebook is read from" in err
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


# --- 7. Two columns for one field ----------------------------------------------------------

def test_name_and_label_both_present_is_an_error(casebook):
    casebook("name-and-label")
    err = fails(run("validate", "--data", "case"))
    assert "case/nodes.csv:1: columns 'name' and 'Label' both give the column 'name'; keep " \
           "one" in err


# --- 8. The store's folder: only its own files removed, leftovers cleaned -----------------

def test_leftovers_of_a_killed_write_are_removed_by_the_next(casebook, tmp_path):
    casebook()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    leftover_file = tmp_path / f".page.html.{dead}.abcd1234.tmp"
    leftover_file.write_text("half a page")
    leftover_folder = tmp_path / f".csv-out.{dead}.efgh5678.tmp"
    leftover_folder.mkdir()
    (leftover_folder / "nodes.csv").write_text("half")
    alive = tmp_path / f".page.html.{os.getpid()}.ijkl9012.tmp"  # a write in progress
    alive.write_text("busy")
    theirs = tmp_path / ".page.html.notes.tmp"
    theirs.write_text("a user's file")
    ok(run("build", "--data", "case", "-o", tmp_path / "page.html"))
    ok(run("export", "csv", "--data", "case", "-o", tmp_path / "csv-out"))
    assert not leftover_file.exists() and not leftover_folder.exists()
    assert alive.exists() and theirs.exists()


def test_a_terminated_export_leaves_no_temporary_file(casebook, tmp_path):
    casebook()
    script = f"""
import sys, time
from actorgraph.export import graphml
real = graphml.write_graphml
def slow(G, out):
    out.write(b"<?xml started")
    out.flush()
    print("writing", flush=True)
    time.sleep(60)
graphml.write_graphml = slow
from actorgraph.export import FORMATS
import dataclasses
FORMATS["graphml"] = dataclasses.replace(FORMATS["graphml"], writer=slow)
from actorgraph.cli import cli
cli(["export", "graphml", "--data", "case", "-o", {str(tmp_path / "x.graphml")!r}])
"""
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "ACTORGRAPH_NO_CACHE": "1"})
    assert child.stdout.readline() == "writing\n"
    assert any(p.name.endswith(".tmp") for p in tmp_path.iterdir())
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=30) == 128 + signal.SIGTERM
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "case") == []


# --- 9. Terminal escapes -------------------------------------------------------------------

def test_control_characters_never_reach_the_terminal_raw(casebook):
    root = casebook()
    nodes = root / "nodes.csv"
    nodes.write_text(nodes.read_text(encoding="utf-8")
                     .replace("Brenn,state,", "Brenn\x1b[31m,state,")
                     .replace("A company.", "A company.\x1b]0;title\x07 \u202egnp.exe"),
                     encoding="utf-8")
    for args in (["show", "brenn"], ["show", "corvin"], ["actors"], ["claims"],
                 ["path", "brenn", "corvin"], ["neighbors", "front"]):
        out = ok(run(*args, "--data", "case"))
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out, args
    shown = ok(run("show", "brenn", "--data", "case"))
    assert "Brenn\\x1b[31m" in shown
    assert "\\x1b]0;title\\x07 \\u202egnp.exe" in ok(run("show", "corvin", "--data", "case"))
    data = json.loads(ok(run("show", "brenn", "--data", "case", "--format", "json")))
    assert data["name"] == "Brenn\x1b[31m"  # JSON keeps the data exact (and escaped)


def test_errors_never_send_control_characters_raw(casebook):
    casebook()
    err = fails(run("show", "nob\x1b[2Jody", "--data", "case"))
    assert "\x1b" not in err and "nob\\x1b[2Jody" in err


# --- 10, 11. Exports a strict XML parser reads, ids never merged ---------------------------

def test_xml_exports_of_hostile_headers_and_values_parse(casebook):
    root = casebook()
    nodes = root / "nodes.csv"
    text = nodes.read_text(encoding="utf-8").splitlines()
    text[0] += ",bad\x0cheader,<x>"
    text[1:] = [line + ",v\x01,<y>&" for line in text[1:]]
    nodes.write_text("\n".join(text) + "\n", encoding="utf-8")
    for fmt in ("graphml", "gexf"):
        ok(run("export", fmt, "--data", "case", "-o", f"out.{fmt}"))
        ET.parse(f"out.{fmt}")  # expat: strict XML 1.0
        assert "bad\ufffdheader" in Path(f"out.{fmt}").read_text(encoding="utf-8")


def test_ids_with_control_characters_are_refused(casebook):
    casebook("control-id")
    err = fails(run("validate", "--data", "case"))
    assert ("case/nodes.csv:7: id 'ctl\\x01a' holds a control or invisible character; write "
            "ids as plain text") in err
    assert "case/nodes.csv:8: id 'ctl\\x02a'" in err


# --- 12. Full disks and refused writes: one line, exit 1, the old output whole -----------

# As root, permissions do not stop a write: run those commands without the capabilities
# that override them (util-linux's setpriv), so that they meet the refusal a user would.
LIKE_A_USER = (["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]
               if os.geteuid() == 0 else [])


def _cli(*args, cwd, preexec=None, stdout=subprocess.PIPE, user=False):
    command = [sys.executable, "-m", "actorgraph", *map(str, args)]
    return subprocess.run([*LIKE_A_USER, *command] if user else command, cwd=cwd,
                          stdout=stdout, stderr=subprocess.PIPE, text=True,
                          preexec_fn=preexec, env={**os.environ, "ACTORGRAPH_NO_CACHE": "1"},
                          timeout=120)


def test_a_full_disk_keeps_the_old_page_and_leaves_no_temporary_file(casebook, tmp_path):
    casebook()
    page = tmp_path / "page.html"
    page.write_text("the old page", encoding="utf-8")

    def small_disk():  # writes past 64 kB fail, as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))

    result = _cli("build", "--data", "case", "-o", page, cwd=tmp_path, preexec=small_disk)
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines()[-1] == (f"error: cannot write {str(page)!r}: File too "
                                              "large")
    assert "Traceback" not in result.stderr
    assert page.read_text(encoding="utf-8") == "the old page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case", "page.html"]


def test_an_unwritable_folder_and_an_unreadable_sources_folder(casebook, tmp_path):
    root = casebook()
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    result = _cli("build", "--data", "case", "-o", locked / "page.html", cwd=tmp_path,
                  user=True)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        f"error: cannot write {str(locked / 'page.html')!r}: Permission denied")
    (root / "sources").chmod(0o644)  # no execute: nothing inside can be opened
    result = _cli("validate", "--data", "case", cwd=tmp_path, user=True)
    (root / "sources").chmod(0o755)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert ("case/sources.csv:2: document 'sources/report.txt' cannot be read: Permission "
            "denied") in result.stderr


def test_an_empty_output_path_is_refused(casebook):
    casebook()
    err = fails(run("build", "--data", "case", "-o", ""))
    assert err == "error: no output path given; name a file\n"


def test_a_full_standard_output_is_one_line(casebook, tmp_path):
    casebook()
    with open("/dev/full", "w") as full:
        result = _cli("claims", "--data", "case", cwd=tmp_path, stdout=full)
    assert result.returncode == 1
    assert result.stderr == "error: cannot write the output: No space left on device\n"


# --- 13. Bounded work ----------------------------------------------------------------------

def test_a_huge_depth_returns_at_once(casebook, tmp_path, monkeypatch):
    from helpers import quick_store

    casebook()
    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(tmp_path / "store"))
    quick_store(monkeypatch)
    for _ in range(2):  # read, then from the store
        out = ok(run("neighbors", "front", "--depth", "99999999999999999999", "--data", "case",
                     "--format", "json"))
        assert len(json.loads(out)) == 4  # every other actor
    ok(run("export", "json", "--around", "front", "--depth", "99999999999999999999",
           "--data", "case", "-o", "x.json"))
    assert len(json.loads(Path("x.json").read_text())["nodes"]) == 5


def test_k_is_capped_with_a_clear_message(casebook):
    casebook()
    err = fails(run("path", "aldovia", "corvin", "-k", "1000000", "--data", "case"))
    assert err == "error: -k 1000000 is not a number of paths from 1 to 1,000\n"


# --- 14. Other encodings -------------------------------------------------------------------

def test_a_utf16_file_says_how_to_convert_it(casebook):
    casebook("utf16")
    err = fails(run("validate", "--data", "case"))
    assert err.splitlines()[0] == (
        "case/nodes.csv:1: is UTF-16 (Excel's 'Unicode text'), not UTF-8; save it as 'CSV "
        "UTF-8' or convert it: `iconv -f UTF-16 -t UTF-8 nodes.csv > nodes-utf8.csv`")


# --- 15. Warnings for what passes but should not -------------------------------------------

def test_a_one_word_quote_is_a_warning(casebook):
    casebook("short-quote")
    code, out, err = run("validate", "--data", "case")
    assert code == 0
    assert ("case/edges.csv:7: warning: source_text 'Front' is too short to show the claim; "
            "quote the passage that supports it (2 words at least)") in err
    fails(run("validate", "--data", "case", "--strict"))


def test_look_alike_names_are_warnings(casebook):
    casebook("look-alike")
    code, _out, err = run("validate", "--data", "case")
    assert code == 0
    assert ("case/nodes.csv:7: warning: name 'Northern Fr\u043ent' of 'front2' mixes Latin "
            "letters with look-alike letters of another script in 'Fr\u043ent'") in err
    assert ("case/nodes.csv:7: warning: name 'Northern Fr\u043ent' of 'front2' looks like a "
            "name of 'front' (line 4)") in err
    assert ("case/nodes.csv:8: warning: name 'Corvin\\u200bHoldings' of 'corvin2' holds an "
            "invisible character (zero-width or a direction mark)") in err


def test_the_article_casebook_still_validates_strictly():
    assert "ok: 43 actors" in ok(run("validate", "--strict", "--data", REPO / "data"))


def test_the_hostile_fixture_still_validates():
    assert "ok:" in ok(run("validate", "--data", FIXTURES / "hostile"))

"""Hostile runs of the command (issue 13): unreadable inputs, bad databases, Ctrl-C, kill -9 and the token flag.

Tests that need a file the process cannot read drop the DAC capabilities when they run as root
(`setpriv --bounding-set -dac_override,-dac_read_search`), so chmod 000 means what it says.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ARTICLE = "Delegations from Lorvania and Estavia met in Geneva on Friday to resume talks on their border, officials said.\n"
SRC = str(Path(__file__).parents[1] / "src")
ENV = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}


def without_dac(command: list[str]) -> list[str]:
    """The command run without the capabilities that let root read and write any file."""
    if os.geteuid() != 0:
        return command
    if shutil.which("setpriv") is None:
        pytest.skip("runs as root and setpriv is missing: file modes cannot be enforced")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", *command]


def newsgraph(*args: str, dac: bool = True, **kwargs) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "newsgraph", *args]
    return subprocess.run(command if dac else without_dac(command), capture_output=True, text=True, timeout=600,
                          env=ENV, **kwargs)


@pytest.fixture()
def hostile_folder(tmp_path: Path) -> Path:
    """Three good articles, a chmod 000 file, a chmod 000 folder and a dangling link."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "c", "e"):
        (folder / f"{name}.txt").write_text(ARTICLE.replace("Friday", f"Friday ({name})"))
    (folder / "b-locked.txt").write_text(ARTICLE)
    (folder / "b-locked.txt").chmod(0)
    (folder / "d-locked").mkdir()
    (folder / "d-locked" / "x.txt").write_text(ARTICLE)
    (folder / "d-locked").chmod(0)
    (folder / "f-gone.txt").symlink_to(folder / "nowhere.txt")
    yield folder
    (folder / "d-locked").chmod(0o755)


def _assert_one_line_each(stderr: str, folder: Path) -> None:
    for name, reason in (("b-locked.txt", "Permission denied"), ("d-locked", "cannot list"), ("f-gone.txt", "broken symbolic link")):
        [line] = [line for line in stderr.splitlines() if name in line]
        assert re.match(rf"newsgraph: {re.escape(str(folder))}/{name}: .*{reason}", line), line
    assert "Traceback" not in stderr


def test_extract_keeps_every_readable_article_and_names_each_unreadable_input(hostile_folder: Path) -> None:
    """Findings 1 and 13: a PermissionError lost the run; a locked folder and a broken link were skipped silently."""
    done = newsgraph("extract", str(hostile_folder), dac=False)
    assert done.returncode == 1
    assert [Path(line.split('"source": "')[1].split('"')[0]).name for line in done.stdout.splitlines()] == ["a.txt", "c.txt", "e.txt"]
    _assert_one_line_each(done.stderr, hostile_folder)


def test_analyze_stores_every_readable_article_when_one_input_is_unreadable(hostile_folder: Path, tmp_path: Path) -> None:
    """Finding 1: `analyze` stored 0 articles."""
    db = tmp_path / "store" / "a.db"
    db.parent.mkdir()
    done = newsgraph("analyze", str(hostile_folder), "--db", str(db), dac=False)
    assert done.returncode == 1
    _assert_one_line_each(done.stderr, hostile_folder)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 3


def test_a_read_only_database_is_refused_before_any_article_is_read(tmp_path: Path) -> None:
    """Finding 17: it failed with a traceback only after the whole NLP run."""
    db = tmp_path / "a.db"
    assert newsgraph("analyze", "-", "--db", str(db), input=ARTICLE).returncode == 0
    db.chmod(0o444)
    done = newsgraph("analyze", "-", "--db", str(db), dac=False, input=ARTICLE.replace("Friday", "Monday"))
    assert done.returncode == 2
    [line] = [line for line in done.stderr.splitlines() if line.startswith("newsgraph:")]
    assert line.startswith(f"newsgraph: NG301 {db}: cannot create or write") and "readonly" in line, done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("command", [["report", "-o", "x.html"], ["export", "-f", "jsonl"], ["serve"]])
def test_a_database_that_is_not_newsgraphs_is_named_not_a_traceback(tmp_path: Path, command: list[str]) -> None:
    """Finding 17: report and export gave tracebacks, serve answered 500 on every page."""
    db = tmp_path / "shop.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    done = newsgraph(*command, "--db", str(db), cwd=tmp_path)
    assert done.returncode == 2
    assert f"{db}: not a newsgraph database" in done.stderr and "Traceback" not in done.stderr


def test_the_token_flag_warns_that_it_shows_in_the_process_list(tmp_path: Path) -> None:
    """Finding 19: --token is visible to every user through ps."""
    db = tmp_path / "shop.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    flagged = newsgraph("serve", "--db", str(db), "--token", "s3cret")
    assert "--token shows in the process list" in flagged.stderr
    token_file = tmp_path / "token"
    token_file.write_text("s3cret\n")
    quiet = newsgraph("serve", "--db", str(db), "--token-file", str(token_file))
    from_env = subprocess.run([sys.executable, "-m", "newsgraph", "serve", "--db", str(db)], capture_output=True,
                              text=True, timeout=600, env={**ENV, "NEWSGRAPH_TOKEN": "s3cret"})
    for done in (quiet, from_env):
        assert "process list" not in done.stderr and "not a newsgraph database" in done.stderr


WORKERS = """
import sys, time
from newsgraph.annotate import worker_pool
if __name__ == "__main__":
    pool = worker_pool(2)
    futures = [pool.submit(time.sleep, 600) for _ in range(2)]
    print(" ".join(str(pid) for pid in pool._processes), flush=True)
    time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        return "zombie" not in Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False


def _wait_gone(pids: list[int], limit: float = 180) -> list[int]:
    """The pids still running after they had `limit` seconds to exit (a worker still importing exits when it is done)."""
    deadline = time.monotonic() + limit
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    return [pid for pid in pids if _alive(pid)]


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to watch the workers")
def test_workers_exit_when_their_parent_is_killed(tmp_path: Path) -> None:
    """Finding 9: after kill -9 of the parent, the workers (430-700 MB each) ran on."""
    script = tmp_path / "parent.py"
    script.write_text(WORKERS)
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=ENV)
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    assert len(workers) == 2 and all(_alive(pid) for pid in workers)
    parent.kill()
    parent.wait()
    assert _wait_gone(workers) == []


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to watch the workers")
def test_ctrl_c_ends_a_parallel_run_with_one_line_and_no_worker_traceback(tmp_path: Path) -> None:
    """Finding 20: Ctrl-C printed KeyboardInterrupt tracebacks from the workers."""
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(140):
        (folder / f"{number:03}.txt").write_text(ARTICLE.replace("Friday", f"day {number}"))
    # Ctrl-C as a terminal gives it: a test run started in the background (`.ci/run &`) passes SIGINT down ignored,
    # and a Python started with SIGINT ignored keeps ignoring it, as nohup'd programs should.
    run = subprocess.Popen([sys.executable, "-m", "newsgraph", "extract", str(folder), "--jobs", "2"], env=ENV,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
                           preexec_fn=_default_sigint)
    workers = _workers_of(run.pid)
    time.sleep(1)  # let the parent leave the moment it spawns with Ctrl-C ignored
    os.killpg(run.pid, signal.SIGINT)  # what the terminal does on Ctrl-C: the whole process group
    _, stderr = run.communicate(timeout=300)
    assert run.returncode == 130
    assert "newsgraph: interrupted; articles already written are kept" in stderr.splitlines()
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    assert _wait_gone(workers) == []


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _workers_of(pid: int, limit: float = 300) -> list[int]:
    """The two spawned workers of `pid`, once both run."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        workers = [int(c) for c in children if "spawn_main" in Path(f"/proc/{c}/cmdline").read_text(errors="replace")]
        if len(workers) == 2:
            return workers
        time.sleep(0.2)
    pytest.fail("the workers never started")

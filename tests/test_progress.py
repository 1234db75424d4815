"""Progress of a long build: a bar on a terminal, plain log lines in a CI log, nothing with -q."""
import io

from digest.runtime import Runtime
from digest.runtime.executor import ProcessExecutor, SerialExecutor
from digest.runtime.progress import Progress

from conftest import QUAKES, read_corpus, restore


class Terminal(io.StringIO):
    def isatty(self):
        return True


def restore_with(progress, make_project, executor=None):
    project = make_project(QUAKES, seeds=True)
    corpus = read_corpus(project / "content")
    runtime = Runtime(executor=executor or SerialExecutor(), progress=progress)
    return restore(corpus.articles, runtime), len(corpus.articles)


def test_a_log_reports_how_far_restoration_has_got(make_project):
    log = io.StringIO()
    _, total = restore_with(Progress(True, log, interval=0), make_project)
    lines = [line for line in log.getvalue().splitlines() if line.startswith("digest: restoring: ")]
    assert lines[0].startswith(f"digest: restoring: 1 of {total} articles (")
    assert lines[-1].startswith(f"digest: restoring: {total} articles in ")
    assert "\r" not in log.getvalue()  # a CI log gets whole lines


def test_a_terminal_gets_a_bar_also_from_worker_processes(make_project):
    terminal = Terminal()
    executor = ProcessExecutor(2)
    try:
        _, total = restore_with(Progress(True, terminal, interval=0), make_project, executor)
    finally:
        executor.close()
    assert "restoring" in terminal.getvalue() and f"{total}/{total}" in terminal.getvalue()


def test_quiet_means_silent(make_project):
    log = io.StringIO()
    restore_with(Progress(False, log, interval=0), make_project, SerialExecutor())
    assert log.getvalue() == ""

"""`digest serve`: a live preview that says where it serves, regenerates when the corpus changes,
and names the option to pick another port when its port is taken."""
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import QUAKES, ROOT, write_files

pytestmark = pytest.mark.site
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(predicate, seconds: float = 60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError("timed out")


def page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except OSError:
        return ""


def test_serve_says_where_and_regenerates_when_an_article_is_added(make_project, tmp_path):
    project = make_project(QUAKES)
    port = free_port()
    log = (tmp_path / "serve.log").open("w+")
    server = subprocess.Popen([sys.executable, "-m", "digest", "serve", "-q", "--no-cache", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=ENV, stdout=log, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_for(lambda: "Strong earthquake shakes central Chile" in page(url))
        assert f"digest: serving {url}" in (tmp_path / "serve.log").read_text()
        write_files(project / "content" / "articles", {"wire/dam.md": (
            "---\nsource: wire\ntitle: Dam bursts above Lowbridge\npublished: 2010-03-05\n---\n"
            "A dam burst above the village of Lowbridge on Friday, flooding 200 homes, the fire service said.\n")})
        wait_for(lambda: "Dam bursts above Lowbridge" in page(url))
        assert "regenerated: 4 briefings from 6 articles" in (tmp_path / "serve.log").read_text()
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_a_busy_port_is_one_line_naming_the_option(make_project):
    project = make_project(QUAKES)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "digest", "serve", "-q", "--no-cache", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=ENV, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert lines == [f"Error: 127.0.0.1:{port} is already in use by another program; serve on another port with "
                     f"--dev-addr 127.0.0.1:{port + 1}"], done.stderr

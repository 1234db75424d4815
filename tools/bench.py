"""Benchmark: synthetic corpora of realistic shape through `digest generate` and `mkdocs build`.

    scripts/bench [--sizes 1000,10000] [--jobs 2] [--no-mkdocs] [--no-baselines]
    scripts/bench --sizes "" --stress one-line:100000,one-story:10000
    scripts/bench --sizes 10000 --against HEAD~3 [--rounds 3]

For each size it prints articles per second, peak memory and seconds per stage,
the site build of the generated pages (MkDocs and Pagefind: pages per second,
our share of the total; the search bundle's size, and in headless Chromium the
time to a first result and what that query downloads), and baselines measured in the same run: sumy
LexRank over the same stories, and naive all-pairs TF-IDF clustering.

With --against REV it instead times this code and the code of an earlier commit on the same
corpus, alternately, and prints the median of each and their ratio: this machine's speed drifts
by a quarter within an hour, so only runs taken side by side compare two versions.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from io import BytesIO
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent


def run_generate(workdir: Path, jobs: int, code: Path | None = None, options: tuple[str, ...] = ()) -> dict:
    """Seconds, stages, the peak memory of the largest process and of all of them together.
    `code`: run the digest package found there instead of this one."""
    timings = workdir / "timings.json"
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "digest", "generate", "-q", "--no-state", "--jobs", str(jobs),
                                "--timings", str(timings), "--docs", str(workdir / "docs"), *options], cwd=workdir,
                               env=_code_first(code), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    total_peak = largest_peak = 0.0
    while process.poll() is None:
        total, largest = tree_memory_mb(process.pid)
        total_peak, largest_peak = max(total_peak, total), max(largest_peak, largest)
        time.sleep(0.5)
    seconds = time.perf_counter() - started
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, process.args)
    # getrusage's figure covers every child the bench has waited for, earlier runs included
    peak = largest_peak or resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": seconds, "peak_mb": peak, "peak_total_mb": total_peak or None,
            "stages": json.loads(timings.read_text())}


def tree_memory_mb(root: int) -> tuple[float, float]:
    """Memory of a process and its descendants (the worker processes), in MB: now, the sum of
    their proportional set sizes (pages a forked worker shares with its parent count once), and
    the largest peak resident size of any of them so far. Zeros where /proc is missing."""
    proc = Path("/proc")
    if not proc.is_dir():
        return 0.0, 0.0
    children: dict[int, list[int]] = {}
    for stat in proc.glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(stat.parent.name))
    total_kb = largest_kb = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            rollup = (proc / str(pid) / "smaps_rollup").read_text()
            status = (proc / str(pid) / "status").read_text()
        except OSError:
            continue
        total_kb += next((int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")), 0)
        largest_kb = max(largest_kb, next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0))
    return total_kb / 1024, largest_kb / 1024


def add_new_articles(content: Path, count: int) -> None:
    """1% more articles, as the next day's feeds would bring: dated after the newest article."""
    from datetime import date, timedelta

    from tools.synthetic import make_corpus

    newest = max((json.loads(line).get("published") or "" for path in (content / "articles").glob("*.jsonl")
                  for line in path.read_text(encoding="utf-8").splitlines() if line.strip()), default="2024-01-01")
    start = date.fromisoformat(newest[:10]) + timedelta(days=1)
    lines = [json.dumps({**{k: v for k, v in record.items() if v is not None}, "id": "new-" + record["id"]})
             for record in make_corpus(count, seed=99, start=start)]
    (content / "articles" / "zz-new.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _code_first(code: Path | None) -> dict | None:
    """The environment of a process that imports digest from `code` (None: this process's)."""
    if code is None:
        return None
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(code), os.environ.get("PYTHONPATH")]))}


def checkout(revision: str, target: Path) -> Path:
    """The project's files at a commit (git archive: the repository itself is left as it is)."""
    try:
        done = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", revision], capture_output=True)
    except OSError as exc:  # no git
        raise SystemExit(f"bench: cannot check out {revision!r}: {exc}") from exc
    if done.returncode:
        raise SystemExit(f"bench: cannot check out {revision!r}: {done.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=BytesIO(done.stdout)) as tar:
        tar.extractall(target, filter="data")
    return target


def imported_from(code: Path, workdir: Path) -> Path:
    """Where a process started as run_generate starts it (code first on its path) finds digest."""
    found = subprocess.run([sys.executable, "-c", "import digest; print(digest.__file__)"], check=True, text=True,
                           capture_output=True, env=_code_first(code), cwd=workdir).stdout.strip()
    return Path(found).resolve().parent.parent


def compare_versions(workdir: Path, versions: dict[str, Path], jobs: int, rounds: int) -> dict:
    """Each version's clean build of the same corpus, `rounds` times, alternately (ABBA: neither
    always goes first): the median seconds, in total and per stage, of each."""
    for name, code in versions.items():
        if imported_from(code, workdir) != code.resolve():  # an installed copy would shadow it: both runs would time one code
            raise SystemExit(f"bench: the {name} code at {code} is not the digest package Python imports from there")
    runs: dict[str, list[dict]] = {name: [] for name in versions}
    names = list(versions)
    for round_number in range(rounds):
        for name in names if round_number % 2 == 0 else names[::-1]:
            runs[name].append(run_generate(workdir, jobs, versions[name], options=("--no-cache",)))
    return {name: {"runs": [run["seconds"] for run in done],
                   "seconds": median(run["seconds"] for run in done),
                   "stages": {stage: median(run["stages"].get(stage, 0.0) for run in done) for stage in done[0]["stages"]},
                   "peak_mb": max(run["peak_mb"] for run in done)}
            for name, done in runs.items()}


def print_comparison(size: int, against: str, result: dict) -> None:
    this, other = result["this"], result["against"]
    rounds = len(this["runs"])
    print(f"\n{size:,} articles, clean builds, {rounds} of each taken alternately (medians):")
    print(f"  {'':12s} {'this code':>10s} {against[:12]:>12s} {'ratio':>7s}")
    rows = [("total", this["seconds"], other["seconds"])]
    rows += [(stage, this["stages"][stage], other["stages"].get(stage, 0.0)) for stage in this["stages"]]
    for label, mine, theirs in rows:
        ratio = f"{mine / theirs:.3f}" if theirs else "-"
        print(f"  {label:12s} {mine:9.1f}s {theirs:11.1f}s {ratio:>7s}")
    print(f"  runs: this {', '.join(f'{s:.1f}' for s in this['runs'])}; {against} {', '.join(f'{s:.1f}' for s in other['runs'])}")


def synthetic_workdir(workdir: Path, articles: int) -> Path:
    """A project folder with a synthetic corpus of that many articles and the site's configuration."""
    from tools.synthetic import write_corpus

    write_corpus(workdir / "content", articles)
    _write_site_config(workdir)
    return workdir


def _write_site_config(workdir: Path) -> None:
    (workdir / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text().replace("docs_dir: build/docs", "docs_dir: docs"))


def run_mkdocs(workdir: Path) -> dict:
    """The site build digest runs (MkDocs, then Pagefind through digest's hooks) on the pages
    already generated; Pagefind is timed again on its own to show its part."""
    started = time.perf_counter()
    script = ("import sys; from pathlib import Path; from digest.site import default_engine; w = Path(sys.argv[1]); "
              "e = default_engine(); e.build(e.layout(w / 'mkdocs.yml'), w / 'docs', w / 'site', strict=False)")
    subprocess.run([sys.executable, "-c", script, str(workdir)], cwd=ROOT, check=True,
                   env={**os.environ, "PYTHONWARNINGS": "ignore"}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    from digest.site.mkdocs_hooks import INDEX_FOLDER, build_search_index

    started = time.perf_counter()
    build_search_index(workdir / "site")
    index_seconds = time.perf_counter() - started
    pages = sum(1 for _ in (workdir / "site").rglob("index.html"))
    index = workdir / "site" / INDEX_FOLDER
    site = workdir / "site"
    return {"seconds": seconds, "pages": pages, "search_index_seconds": index_seconds,
            "search_index_mb": sum(f.stat().st_size for f in index.rglob("*") if f.is_file()) / 1e6,
            # what a host stores (GitHub Pages publishes at most 1 GB), and the export's part of it
            "site_mb": sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 1e6,
            "export_mb": (site / "briefings.json").stat().st_size / 1e6}


def search_latency(site: Path, term: str, other_term: str) -> dict | None:
    """In headless Chromium, on a freshly opened page: milliseconds from typing a query in the
    search box to its first result (cold: Pagefind's script, manifest and index chunks load on
    the way), the kilobytes of search files that query fetched, and a second query (warm)."""
    import functools
    import http.server
    import threading

    chromium = next((p for p in ("/usr/bin/chromium", "/usr/bin/google-chrome") if Path(p).exists()), None)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not chromium:
        return None

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    def first_result_ms(page, query: str) -> float:
        """Timed inside the page, from focusing the box and entering the query to the first result
        holding it on screen: the browser's own clock, without the automation's round trips."""
        return page.evaluate("""(query) => new Promise((resolve, reject) => {
            const box = document.querySelector("input.md-search__input");
            const list = document.querySelector(".md-search-result__list");
            const shown = () => Array.from(list.children).some((item) => item.textContent.toLowerCase().includes(query.toLowerCase()));
            const started = performance.now();
            const observer = new MutationObserver(() => { if (shown()) { observer.disconnect(); resolve(performance.now() - started); } });
            observer.observe(list, { childList: true, subtree: true });
            setTimeout(() => reject(new Error(`no result for ${query} in 30 s`)), 30000);
            box.focus();  // where the search script starts loading Pagefind: the cold query pays for it
            box.value = query;
            box.dispatchEvent(new Event("input", { bubbles: true }));
        })""", query)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page()
            fetched = []
            page.on("requestfinished", lambda r: fetched.append(r.sizes()["responseBodySize"]) if "/pagefind/" in r.url else None)
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/about/")
            page.wait_for_load_state("networkidle")
            cold = first_result_ms(page, term)
            page.wait_for_load_state("networkidle")
            fetched_kb = sum(fetched) / 1e3
            warm = first_result_ms(page, other_term)
            browser.close()
            return {"first_ms": cold, "fetched_kb": fetched_kb, "warm_ms": warm}
    finally:
        server.shutdown()


def clustering_against_truth(export: Path) -> dict:
    """B-cubed precision, recall and F1 of the stories found, against the stories the synthetic
    corpus was generated from (an article id is `s<story>-<number>`): how the candidate search
    holds up as the corpus grows denser, which the (small) evaluation sets cannot show."""
    found: dict[str, str] = {}
    for briefing in json.loads(export.read_text(encoding="utf-8"))["briefings"]:
        for article in briefing["articles"]:
            found[article["id"]] = briefing["id"]
    true = {article: article.rsplit("-", 1)[0] for article in found}
    found_size, true_size = Counter(found.values()), Counter(true.values())
    shared = Counter((found[a], true[a]) for a in found)
    n = len(found) or 1
    precision = sum(shared[found[a], true[a]] / found_size[found[a]] for a in found) / n
    recall = sum(shared[found[a], true[a]] / true_size[true[a]] for a in found) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "stories_found": len(found_size), "stories_true": len(true_size)}


def baselines(workdir: Path, sample_stories: int = 40) -> dict:
    """sumy LexRank over (a sample of) the stories our run found, and all-pairs TF-IDF clustering."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    from digest import DigestConfig
    from digest.corpus import load_corpus
    from digest.runtime import Runtime

    articles = list(load_corpus(workdir / "content", DigestConfig(), Runtime()).articles)
    result = {}
    texts = [a.raw_text for a in articles]
    if len(texts) <= 20_000:
        started = time.perf_counter()
        tfidf = TfidfVectorizer(sublinear_tf=True, stop_words="english", dtype=np.float32).fit_transform(texts)
        similarity = (tfidf @ tfidf.T).toarray()
        from scipy.sparse.csgraph import connected_components

        connected_components(similarity > 0.5)
        result["all_pairs_tfidf_seconds"] = time.perf_counter() - started
    export = json.loads((workdir / "docs" / "briefings.json").read_text())
    by_id = {a.id: a.raw_text for a in articles}
    stories = [b for b in export["briefings"]][:sample_stories]
    try:
        from tools.evaluate import sumy_summary

        started = time.perf_counter()
        for story in stories:
            sumy_summary("lexrank", "\n".join(by_id[a["id"]] for a in story["articles"] if a["id"] in by_id), 120)
        per_story = (time.perf_counter() - started) / max(len(stories), 1)
        result["sumy_lexrank_seconds_all_stories"] = per_story * len(export["briefings"])
        result["sumy_lexrank_stories_timed"] = len(stories)
    except ImportError:
        result["sumy_lexrank_seconds_all_stories"] = None
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-mkdocs", action="store_true")
    parser.add_argument("--no-baselines", action="store_true")
    parser.add_argument("--out", type=Path, default=Path("eval-results/bench.json"))
    parser.add_argument("--stress", default="", help="e.g. one-line:100000,one-story:10000 (generate only)")
    parser.add_argument("--against", metavar="REV", help="time this code against a commit's instead (generate only)")
    parser.add_argument("--rounds", type=int, default=3, help="with --against: clean builds of each version")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="digest-bench-") as scratch:
        if args.against:
            return _write_rows(args.out, against_revision(args, Path(scratch)))
        for spec in filter(None, args.stress.split(",")):
            from tools.synthetic import write_stress_corpus

            kind, size = spec.split(":")
            workdir = Path(scratch) / f"stress-{kind}"
            write_stress_corpus(workdir / "content", kind, int(size))
            _write_site_config(workdir)
            row = {"stress": kind, "articles": int(size), "jobs": args.jobs, **run_generate(workdir, args.jobs)}
            row["articles_per_second"] = int(size) / row["seconds"]
            rows.append(row)
            print(f"\nstress '{kind}':", end="")
            print_row(row)
        for size in (int(s) for s in filter(None, args.sizes.split(","))):
            workdir = synthetic_workdir(Path(scratch) / str(size), size)
            row = {"articles": size, "jobs": args.jobs, **run_generate(workdir, args.jobs)}
            row["articles_per_second"] = size / row["seconds"]
            row["clustering"] = clustering_against_truth(workdir / "docs" / "briefings.json")
            add_new_articles(workdir / "content", max(1, size // 100))
            again = run_generate(workdir, args.jobs)
            row["incremental_seconds"] = again["seconds"]
            row["incremental_stages"] = again["stages"]
            if not args.no_mkdocs:
                row["mkdocs"] = run_mkdocs(workdir)
                row["mkdocs"]["pages_per_second"] = row["mkdocs"]["pages"] / row["mkdocs"]["seconds"]
                export = json.loads((workdir / "docs" / "briefings.json").read_text())
                terms = [max((w.strip(":,.'’") for w in export["briefings"][len(export["briefings"]) * share // 3]["headline"].split()), key=len)
                         for share in (1, 2)]  # a distinctive word of a briefing's headline
                row["mkdocs"]["search"] = search_latency(workdir / "site", *terms)
                row["our_share"] = row["seconds"] / (row["seconds"] + row["mkdocs"]["seconds"])
            if not args.no_baselines:
                row["baselines"] = baselines(workdir)
            rows.append(row)
            print_row(row)
    return _write_rows(args.out, rows)


def against_revision(args: argparse.Namespace, scratch: Path) -> list[dict]:
    versions = {"this": ROOT, "against": checkout(args.against, scratch / "against")}
    rows = []
    for size in (int(s) for s in filter(None, args.sizes.split(","))):
        workdir = synthetic_workdir(scratch / str(size), size)
        result = compare_versions(workdir, versions, args.jobs, max(1, args.rounds))
        rows.append({"articles": size, "jobs": args.jobs, "against_revision": args.against, **result})
        print_comparison(size, args.against, result)
    return rows


def _write_rows(out: Path, rows: list[dict]) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {out}")
    return 0


def print_row(row: dict) -> None:
    stages = ", ".join(f"{k} {v:.1f}s" for k, v in row["stages"].items())
    together = f", all processes together {row['peak_total_mb']:.0f} MB" if row.get("peak_total_mb") else ""
    print(f"\n{row['articles']:,} articles, --jobs {row['jobs']}: {row['seconds']:.1f} s, {row['articles_per_second']:.0f} articles/s, "
          f"peak {row['peak_mb']:.0f} MB (largest process){together}\n  stages: {stages}")
    if "clustering" in row:
        c = row["clustering"]
        print(f"  stories: {c['stories_found']:,} found, {c['stories_true']:,} generated; B-cubed against the generated ones: "
              f"precision {c['precision']:.3f}, recall {c['recall']:.3f}, F1 {c['f1']:.3f}")
    if "incremental_seconds" in row:
        again = ", ".join(f"{k} {v:.1f}s" for k, v in row["incremental_stages"].items())
        print(f"  rebuild after adding 1% new articles (cache): {row['incremental_seconds']:.1f} s, "
              f"{100 * row['incremental_seconds'] / row['seconds']:.0f}% of the full build\n    stages: {again}")
    if "mkdocs" in row:
        m = row["mkdocs"]
        search = m.get("search") or {}
        print(f"  site build: {m['seconds']:.1f} s for {m['pages']:,} pages ({m['pages_per_second']:.0f} pages/s; Pagefind's index "
              f"{m['search_index_seconds']:.1f} s of it); digest's share of generate + site {100 * row['our_share']:.0f}%; "
              f"the site is {m['site_mb']:.0f} MB on disk ({1e6 * m['site_mb'] / row['articles']:,.0f} bytes an article; "
              f"GitHub Pages publishes at most 1 GB), briefings.json {m['export_mb']:.1f} MB of it\n"
              f"  search: Pagefind bundle {m['search_index_mb']:.1f} MB on disk; on a fresh page the first result after "
              f"{search.get('first_ms', float('nan')):.0f} ms, having fetched {search.get('fetched_kb', float('nan')):.0f} KB; "
              f"a second query {search.get('warm_ms', float('nan')):.0f} ms")
    if "baselines" in row:
        b = row["baselines"]
        if b.get("all_pairs_tfidf_seconds") is not None:
            print(f"  baseline all-pairs TF-IDF clustering: {b['all_pairs_tfidf_seconds']:.1f} s "
                  f"(our cluster stage {row['stages'].get('cluster', 0):.1f} s)")
        if b.get("sumy_lexrank_seconds_all_stories") is not None:
            print(f"  baseline sumy LexRank, all stories (from {b['sumy_lexrank_stories_timed']} timed): "
                  f"{b['sumy_lexrank_seconds_all_stories']:.1f} s (our briefing stage, summary + figures + comparison: "
                  f"{row['stages'].get('briefings', 0):.1f} s)")


if __name__ == "__main__":
    sys.exit(main())

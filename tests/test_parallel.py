"""--jobs and --dask run the same stages with the same output as one process."""
import pytest

from digest import GroupingConfig
from tools.synthetic import write_corpus

from conftest import ROOT, generated


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("parallel")
    write_corpus(root / "content", 300, seed=7)
    (root / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text())
    return root


def run(corpus, out, **options):
    return generated(corpus, out, **options)


def test_two_processes_give_identical_output(corpus, tmp_path):
    assert run(corpus, tmp_path / "one", jobs=1) == run(corpus, tmp_path / "two", jobs=2)


def test_nearest_neighbour_blocks_on_two_processes_give_identical_output(corpus, tmp_path):
    # The path of a large corpus (candidate pairs, not all pairs), in many small blocks
    sparse = GroupingConfig(all_pairs_limit=50, neighbour_block_cells=3_000)
    one = run(corpus, tmp_path / "one", jobs=1, grouping=sparse)
    assert one == run(corpus, tmp_path / "two", jobs=2, grouping=sparse)
    assert one != run(corpus, tmp_path / "all", jobs=1)  # the sparse path did run


def test_a_dask_cluster_gives_identical_output(corpus, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        on_dask = run(corpus, tmp_path / "dask", dask=cluster.scheduler_address, progress=True)  # progress ticks as batches finish
    assert on_dask == run(corpus, tmp_path / "local", jobs=1)


def test_a_shared_object_is_pickled_once_and_unpickled_once_per_process():
    # What every task of a stage needs (the casing model) travels with each batch of tasks;
    # a worker must not unpickle it again for every batch
    import pickle

    from digest.runtime.executor import Shared

    model = {"raqqa": "Raqqa", "words": list(range(1000))}
    shared = Shared(model)
    first, second = pickle.loads(pickle.dumps(shared)), pickle.loads(pickle.dumps(shared))
    assert first is second and first.value == model
    assert pickle.loads(pickle.dumps(Shared({"other": 1}))).value == {"other": 1}

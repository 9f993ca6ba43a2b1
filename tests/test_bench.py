"""The widget benchmark's arithmetic and table (the timings themselves are not tested: CI
machines differ; `python -m counterpart.bench` reports them)."""
import matplotlib

matplotlib.use("Agg")

from counterpart import bench  # noqa: E402


def test_percentiles_of_thirty_sets():
    timing = bench.Timing("w", "c", tuple(float(t) for t in range(1, 31)))
    assert timing.p50 == 15.5 and timing.p95 == 29.0 and timing.max == 30.0


def test_table_marks_controls_over_the_goal():
    fast = bench.Timing("explorer", "unit", (1.0,) * 30)
    slow = bench.Timing("map", "picker", (80.0,) * 30)
    lines = bench.table([fast, slow]).splitlines()
    assert "over the 50 ms goal" not in lines[2] and "over the 50 ms goal" in lines[3]


def test_measure_times_every_control_of_one_widget(monkeypatch):
    from counterpart import widgets
    monkeypatch.setattr(bench, "_benchmarked", lambda: {"converter": widgets.number_converter})
    results = bench.measure(sets=5)
    assert [(r.widget, r.control, len(r.times)) for r in results] == [("converter", "text", 5)]

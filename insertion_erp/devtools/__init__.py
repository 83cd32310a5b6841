"""For developers and demonstrations, not the app's running code: the demo data, the
sample payroll the demo, the tests and the benchmark share, and the benchmarks."""

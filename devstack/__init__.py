"""Development tools of a checkout, kept out of the installed package: the local
stack of servers, the process orchestration of `run` and the benchmarks, and the
synthetic corpus of the tests and benchmarks. `python -m devstack --help`.

It uses `workers`; `workers` never uses it (docs/ARCHITECTURE.md, The product and
the development tools)."""

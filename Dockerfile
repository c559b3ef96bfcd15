# Image of the newswire workers: `newswire produce --follow`, `newswire worker enrich`,
# `newswire worker store` (see docker-compose.yml).

# The compiled text core (native/) as a wheel.
FROM rust:1-slim-bookworm AS native
RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip python3-venv \
    && rm -rf /var/lib/apt/lists/* \
    && python3 -m venv /opt/build && /opt/build/bin/pip install --no-cache-dir "maturin>=1.7,<2"
COPY native /src/native
RUN /opt/build/bin/maturin build --release --manifest-path /src/native/Cargo.toml --out /wheels

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app

WORKDIR /app

# Dependencies first, so code changes do not reinstall them.
COPY --from=native /wheels /wheels
COPY pyproject.toml README.md ./
COPY workers ./workers
RUN pip install /wheels/*.whl . \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin newswire

# The package reads schemas/ and seeds/ beside itself: PYTHONPATH=/app makes this
# checkout's `workers` the one imported.
COPY schemas ./schemas
COPY seeds ./seeds
RUN mkdir -p /app/data && chown newswire /app/data

USER newswire
EXPOSE 9101 9102 9103
ENTRYPOINT ["newswire"]
CMD ["--help"]

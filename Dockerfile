# Image of the newswire workers: `newswire produce --follow`, `newswire worker enrich`,
# `newswire worker store`, and the read API with its dashboard, `newswire serve`
# (see docker-compose.yml).

# The compiled text core (native/) as a wheel.
FROM rust:1-slim-bookworm AS native
RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip python3-venv \
    && rm -rf /var/lib/apt/lists/* \
    && python3 -m venv /opt/build && /opt/build/bin/pip install --no-cache-dir "maturin>=1.7,<2"
COPY native /src/native
RUN /opt/build/bin/maturin build --release --manifest-path /src/native/Cargo.toml --out /wheels

# The dashboard's page and uPlot, from npm by the lockfile, as `make setup` builds them.
FROM node:20-slim AS web
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/build.mjs ./
COPY web/src ./src
RUN npm run build

FROM python:3.11-slim

# Everything newswire writes (Faust's state, SQLite, the run directory) goes under
# one writable directory; /app stays read-only for the user the image runs as.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    NEWSWIRE_DATA_DIR=/var/lib/newswire \
    NEWSWIRE_SQLITE_PATH=/var/lib/newswire/newswire.db \
    NEWSWIRE_STACK__RUN_DIR=/var/lib/newswire/run

WORKDIR /app

# Dependencies first, in a layer of their own: a code change does not reinstall them.
COPY --from=native /wheels /wheels
COPY pyproject.toml ./
RUN python -c "import tomllib; deps = tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']; print('\n'.join(d for d in deps if not d.startswith('newswire-text')))" > /tmp/requirements.txt \
    && pip install /wheels/*.whl -r /tmp/requirements.txt \
    && useradd --system --uid 10001 --home-dir /var/lib/newswire --shell /usr/sbin/nologin newswire \
    && mkdir -p /var/lib/newswire && chown newswire /var/lib/newswire

# The package, built from a copy of the checkout: the JSON Schemas and the
# dashboard's page are package data (workers/schemas and workers/dashboard/web link
# to schemas/ and web/dist/), so the wheel carries them and nothing is read from /app
# but the sample feeds.
COPY README.md pyproject.toml /src/
COPY workers /src/workers
COPY schemas /src/schemas
COPY --from=web /src/web/dist /src/web/dist
RUN pip install --no-deps /src && rm -rf /src
COPY seeds ./seeds

USER newswire
VOLUME /var/lib/newswire
EXPOSE 9101 9102 9103 8090
ENTRYPOINT ["newswire"]
CMD ["--help"]

# Image of the newswire workers: `newswire produce --follow`, `newswire worker enrich`,
# `newswire worker store` (see docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app

WORKDIR /app

# Dependencies first, so code changes do not reinstall them.
COPY pyproject.toml README.md ./
COPY workers ./workers
RUN pip install . \
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

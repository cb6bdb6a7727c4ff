# aebot in a container (README, "Running it"): `docker build -t aebot .`, or `docker compose up`
# with PostgreSQL (compose.yaml). The settings come from the environment (an --env-file made from
# .env.example); the SQLite database, if used, lives in the /data volume.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 10001 aebot
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot bot
COPY forms forms
COPY handlers handlers
COPY sandbox sandbox
COPY scheduler scheduler
COPY storage storage
COPY manifest.yml ./
RUN pip install . && rm -rf /src/build

USER aebot
WORKDIR /data
VOLUME /data
ENV DATABASE_URL=sqlite:////data/aebot.db \
    PORT=3000 \
    AEBOT_HEALTH_PORT=8080
# 3000: Slack's requests in HTTP mode (none needed in Socket Mode); 8080: GET /healthz
EXPOSE 3000 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ['AEBOT_HEALTH_PORT'], timeout=4)"

ENTRYPOINT ["aebot"]
CMD ["run"]

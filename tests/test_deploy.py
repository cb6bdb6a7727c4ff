"""Running it as a service: the Docker image (built by CI's .ci/docker when a Docker engine
answers, and skipped saying so when not), compose.yaml with PostgreSQL, the systemd unit; each
documented in the README."""

from __future__ import annotations

import configparser
import os
import stat
import subprocess
from pathlib import Path

import yaml

from bot import __version__

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def ci_docker(path: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(ROOT / ".ci" / "docker")],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PATH": path},
    )


def test_ci_skips_the_image_saying_so_when_there_is_no_docker() -> None:
    done = ci_docker("/usr/bin:/bin")  # no docker command there
    assert done.returncode == 0, done.stderr
    assert done.stdout == "docker image: skipped (no docker command on this machine)\n"


def test_ci_skips_the_image_saying_so_when_no_docker_engine_answers(tmp_path: Path) -> None:
    fake = tmp_path / "docker"
    fake.write_text("#!/bin/sh\necho 'Cannot connect to the Docker daemon' >&2\nexit 1\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    done = ci_docker(f"{tmp_path}:/usr/bin:/bin")
    assert done.returncode == 0, done.stderr
    assert "docker image: skipped (docker is installed but no engine answers" in done.stdout


def test_ci_builds_and_runs_the_image_when_docker_answers(tmp_path: Path) -> None:
    """With an engine (here a stand-in that records what it is asked), the image is built under
    the release's tag and run once: its version, its migrations."""
    calls = tmp_path / "calls"
    fake = tmp_path / "docker"
    fake.write_text(
        "#!/bin/sh\n"
        f'echo "$*" >> {calls}\n'
        f'case "$1 $4" in "run --version") echo "aebot {__version__}";; esac\n'
    )
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    done = ci_docker(f"{tmp_path}:/usr/bin:/bin")
    assert done.returncode == 0, done.stderr
    tag = f"aebot:{__version__}"
    assert done.stdout == f"docker image: built {tag}; it runs (--version, db upgrade)\n"
    assert calls.read_text().splitlines() == [
        "info",
        f"build --quiet --tag {tag} .",
        f"run --rm {tag} --version",
        f"run --rm {tag} db upgrade",
    ]
    assert "./.ci/docker" in (ROOT / ".ci" / "run").read_text()


def test_the_image_installs_the_package_and_runs_aebot_with_its_health_port() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    packages = ("bot", "forms", "handlers", "sandbox", "scheduler", "storage")
    for package in packages:
        assert f"COPY {package} {package}" in dockerfile, package
    assert "RUN pip install ." in dockerfile and "USER aebot" in dockerfile
    assert 'ENTRYPOINT ["aebot"]' in dockerfile and 'CMD ["run"]' in dockerfile
    assert "AEBOT_HEALTH_PORT=8080" in dockerfile and "/healthz" in dockerfile
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert ".env" in ignored and ".venv" in ignored  # no secret, no virtualenv in the image


def test_compose_runs_aebot_on_its_postgresql() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    db, bot = compose["services"]["db"], compose["services"]["aebot"]
    assert db["image"].startswith("postgres:") and "pg_isready" in str(db["healthcheck"])
    assert bot["depends_on"]["db"]["condition"] == "service_healthy"
    url = bot["environment"]["DATABASE_URL"]
    assert url.startswith("postgresql+psycopg://aebot:") and url.endswith("@db:5432/aebot")
    assert bot["env_file"] == ".env" and bot["environment"]["AEBOT_HEALTH_PORT"] == "8080"
    assert set(compose["volumes"]) == {"pgdata", "aebot-data"}


def test_the_systemd_unit_runs_aebot_and_restarts_it() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.read_string((ROOT / "deploy" / "aebot.service").read_text(encoding="utf-8"))
    service = unit["Service"]
    assert service["ExecStart"].endswith("/bin/aebot run")
    assert service["ExecStartPre"].endswith("/bin/aebot db upgrade")
    assert service["Restart"] == "on-failure" and service["User"] == "aebot"
    assert unit["Install"]["WantedBy"] == "multi-user.target"


def test_each_way_of_running_it_is_in_the_readme() -> None:
    running = README.split("### Running it", 1)[1].split("\n### ", 1)[0]
    for needed in (
        "docker build -t aebot",
        "docker compose up -d",
        "deploy/aebot.service",
        "systemctl enable --now aebot",
        "AEBOT_HEALTH_PORT",
        ".ci/docker",
    ):
        assert needed in running, needed

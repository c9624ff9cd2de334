"""The reference deployment: docker-compose.yml and the Dockerfile.

No Docker engine is needed: the compose file is checked against the Compose
Specification's JSON schema (the copy vendored by check-jsonschema) and read for the
properties the deployment relies on.
"""

import json
import re
import secrets
import shlex
from importlib.resources import files
from pathlib import Path

import jsonschema
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"

# An interpolation the host environment must fill: ${VAR}, ${VAR?msg} or ${VAR:?msg}.
# A default (${VAR:-value}) would be a literal secret in disguise.
REQUIRED_SECRET = re.compile(r"^\$\{DJANGO_SECRET_KEY(:?\?[^}]*)?\}$")


def _compose() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))


def _services() -> dict:
    return _compose()["services"]


def _environment(service: dict) -> dict:
    """A service's environment as a mapping, whichever form the file uses."""
    environment = service.get("environment") or {}
    if isinstance(environment, list):
        return dict(item.partition("=")[::2] for item in environment)
    return environment


def _command(service: dict) -> list[str]:
    command = service.get("command") or []
    return shlex.split(command) if isinstance(command, str) else list(command)


def _dockerfile_instructions() -> list[str]:
    """The Dockerfile's instructions, continuation lines joined, comments dropped."""
    instructions, current = [], ""
    for raw in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not current and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            current += line[:-1] + " "
            continue
        instructions.append(current + line)
        current = ""
    if current:
        instructions.append(current)
    return instructions


def test_compose_file_matches_the_compose_specification():
    schema_file = files("check_jsonschema.builtin_schemas.vendor") / "compose-spec.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    errors = [
        f"{'/'.join(str(part) for part in error.absolute_path) or '<root>'}: "
        f"{error.message}"
        for error in validator.iter_errors(_compose())
    ]

    for error in errors:
        print(error)
    assert not errors, "\n".join(errors)


def test_compose_describes_every_service():
    services = _services()

    for name in ("web", "worker", "beat", "postgres", "redis", "mailpit"):
        assert name in services, f"service {name!r} is missing"


def test_web_postgres_and_redis_have_healthchecks():
    services = _services()

    for name in ("web", "postgres", "redis"):
        healthcheck = services[name].get("healthcheck")
        assert healthcheck, f"service {name!r} has no healthcheck"
        assert healthcheck.get("test"), f"service {name!r} healthcheck has no test"
        assert not healthcheck.get("disable", False)
    assert "/healthz" in " ".join(services["web"]["healthcheck"]["test"])


def test_web_waits_for_healthy_postgres_and_redis():
    depends_on = _services()["web"]["depends_on"]

    for name in ("postgres", "redis"):
        assert depends_on[name]["condition"] == "service_healthy"


def test_worker_and_beat_run_celery_for_the_config_app():
    services = _services()

    for name, subcommand in (("worker", "worker"), ("beat", "beat")):
        command = _command(services[name])
        assert command[0] == "celery", f"{name} does not run celery: {command}"
        assert "-A" in command, f"{name} does not name the Celery app: {command}"
        assert command[command.index("-A") + 1] == "config"
        assert subcommand in command


def test_app_services_share_one_image():
    services = _services()

    images = {services[name].get("image") for name in ("web", "worker", "beat")}
    assert len(images) == 1
    assert None not in images


def test_no_service_carries_a_literal_secret_key():
    services = _services()
    carrying_key = 0

    for name, service in services.items():
        environment = _environment(service)
        if "DJANGO_SECRET_KEY" not in environment:
            continue
        carrying_key += 1
        value = str(environment["DJANGO_SECRET_KEY"])
        assert REQUIRED_SECRET.match(value), (
            f"service {name!r} sets DJANGO_SECRET_KEY to {value!r}; "
            "it must come from the host environment as ${DJANGO_SECRET_KEY:?...}"
        )
    for name in ("web", "worker", "beat"):
        assert "DJANGO_SECRET_KEY" in _environment(services[name])
    assert carrying_key >= 3


def test_dockerfile_does_not_bake_the_secret_key_into_the_image():
    assert DOCKERFILE.is_file()

    instructions = _dockerfile_instructions()
    for instruction in instructions:
        keyword = instruction.split(maxsplit=1)[0].upper()
        if keyword in ("ENV", "ARG"):
            assert "DJANGO_SECRET_KEY" not in instruction, instruction
    assert any(i.upper().startswith("EXPOSE 8000") for i in instructions)
    assert any(i.upper().startswith("USER ") for i in instructions)


def test_migrate_points_the_default_site_at_the_public_base_url():
    """After the migrations, ``sync_site`` moves Wagtail's default Site to
    PUBLIC_BASE_URL, which every app service gets from the host environment."""
    services = _services()
    command = " ".join(_command(services["migrate"]))
    assert "manage.py migrate" in command
    assert command.index("manage.py migrate") < command.index("manage.py sync_site")
    assert "&&" in command  # no sync on a failed migration
    for name in ("migrate", "web", "worker", "beat"):
        value = str(_environment(services[name]).get("PUBLIC_BASE_URL", ""))
        assert value.startswith("${PUBLIC_BASE_URL"), (name, value)


# ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?message}, ${VAR?message}
INTERPOLATION = re.compile(r"\$\{(\w+)(?:(:?[-?])([^}]*))?\}")


def _resolve(value: str, given: dict[str, str]) -> str:
    """Compose's interpolation with the host environment ``given``."""

    def replace(match: re.Match) -> str:
        name, operator, argument = match.groups()
        if given.get(name):
            return given[name]
        if operator in (":-", "-"):
            return argument
        if operator in (":?", "?"):
            raise AssertionError(f"{name} is required: {argument}")
        return ""

    return INTERPOLATION.sub(replace, str(value))


def test_resolve_reads_compose_interpolation():
    assert _resolve("${A:-x}/${B}", {}) == "x/"
    assert _resolve("${A:-x}", {"A": "y"}) == "y"
    assert _resolve("pre-${A:?set A}", {"A": "z"}) == "pre-z"


def test_check_deploy_is_clean_with_the_compose_files_settings():
    """The web service's environment as Compose builds it from this file's
    defaults (and a strong secret, which the file requires from the shell)."""
    from tests.test_settings import _manage

    given = {"DJANGO_SECRET_KEY": secrets.token_urlsafe(64)}
    environment = {
        name: _resolve(value, given)
        for name, value in _environment(_services()["web"]).items()
    }
    assert environment["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **environment)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_only_the_proxy_publishes_the_site_so_web_can_scale():
    """nginx (deploy/nginx.conf, run by tests/browser/test_proxy.py) is the one
    public entrance; the web service publishes no port, so it can run as several
    containers, and trusts the one proxy that appends the client's address."""
    services = _services()
    assert services["proxy"]["ports"] == ["8000:8000"]
    assert "ports" not in services["web"]
    assert services["proxy"]["environment"]["WEB_UPSTREAM"] == "web:8000"
    (mount,) = services["proxy"]["volumes"]
    assert mount.startswith("./deploy/nginx.conf:")
    assert (ROOT / "deploy" / "nginx.conf").is_file()
    count = _environment(services["web"])["ALLAUTH_TRUSTED_PROXY_COUNT"]
    assert _resolve(count, {}) == "1"

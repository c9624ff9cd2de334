# syntax=docker/dockerfile:1
#
# Connective Cities: one image for web (gunicorn), Celery worker and Celery beat.
#
#   docker build -t connective-cities .
#
# The build stage resolves dependencies from uv.lock, compiles translations and
# collects static files; the runtime stage carries only the virtualenv, the code and
# the collected assets, and runs as an unprivileged user. No secret is baked in:
# DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL, ... come from the
# environment at run time (see docker-compose.yml).

ARG PYTHON_IMAGE=python:3.11-slim

# --- Build stage -------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS builder

# gettext provides msgfmt for compilemessages; it is not needed at run time.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

ARG UV_VERSION=0.13.9
RUN pip install --no-cache-dir --root-user-action=ignore "uv==${UV_VERSION}"

ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/app/.venv \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1

WORKDIR /app

# Dependencies first, so that code changes do not invalidate this layer.
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project

COPY . .

ENV PATH="/app/.venv/bin:${PATH}" \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    DJANGO_STATIC_ROOT=/app/var/static \
    DJANGO_MEDIA_ROOT=/app/var/media

# The production settings refuse to load without a secret key and allowed hosts;
# this throwaway pair exists only for this RUN step and never reaches the image's
# environment. compilemessages is skipped only while the tree has no .po file yet.
RUN DJANGO_SECRET_KEY="build-only-$(python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
    DJANGO_ALLOWED_HOSTS=localhost \
    sh -ec ' \
        if find . -path ./.venv -prune -o -name "*.po" -print | grep -q .; then \
            python manage.py compilemessages --ignore ".venv" --ignore "var"; \
        fi; \
        python manage.py collectstatic --noinput --verbosity 1 \
    '

# --- Runtime stage -----------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS runtime

ENV PATH="/app/.venv/bin:${PATH}" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    DJANGO_STATIC_ROOT=/app/var/static \
    DJANGO_MEDIA_ROOT=/app/var/media

# A writable home: gunicorn puts its control socket under $HOME/.gunicorn.
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --create-home --home-dir /home/app \
        --shell /usr/sbin/nologin app

WORKDIR /app

# Code, virtualenv and static files stay root-owned (read-only for the app user);
# only media uploads and Celery beat's schedule file need to be writable.
COPY --from=builder /app /app
RUN mkdir -p /app/var/media /app/var/run \
    && chown -R app:app /app/var/media /app/var/run

USER app

EXPOSE 8000

CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]

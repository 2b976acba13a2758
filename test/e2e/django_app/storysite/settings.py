"""
The story's Django app, as small as it gets: CommonMiddleware with Django's default APPEND_SLASH = True,
which is what answers HAProxy's `GET /health-check` with a 301 to `/health-check/`.

ALLOWED_HOSTS = ['*']: HAProxy's `http-check send ... ver HTTP/1.1` sends no Host header unless the
config adds `hdr Host ...`, and neither the user's config nor the linter's fix adds one. Django then
falls back to uWSGI's SERVER_NAME for the host, which depends on the machine; any fixed list would turn
every check into a 400 (DisallowedHost) and hide the 301 the story is about. Real deployments behind a
proxy commonly allow the backend's internal name or '*' for this reason.
"""

SECRET_KEY = "haproxy-lint-e2e-test-only"
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "storysite.urls"
INSTALLED_APPS: list = []
MIDDLEWARE = [
    "storysite.record.RecordRequestsMiddleware",
    "django.middleware.common.CommonMiddleware",
]
DATABASES: dict = {}
USE_TZ = True
# APPEND_SLASH is left at Django's default, True.
LOGGING = {"version": 1, "disable_existing_loggers": True}

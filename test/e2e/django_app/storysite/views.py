import os

from django.http import HttpResponse


def health_check(request):
    """200 for HAProxy's check; also appends the Accept header it received to $STORY_ACCEPT_LOG."""
    path = os.environ.get("STORY_ACCEPT_LOG")
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"{request.META.get('HTTP_ACCEPT')}\n")
    return HttpResponse("ok\n", content_type="text/plain")


def index(request):
    return HttpResponse("hello from django\n", content_type="text/plain")

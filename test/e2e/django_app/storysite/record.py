"""Records every request that reaches Django (path, Accept header, response status) as one JSON line
in the file named by $STORY_REQUEST_LOG, so the test can see exactly what HAProxy's check sent."""

import json
import os


class RecordRequestsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        path = os.environ.get("STORY_REQUEST_LOG")
        if path:
            entry = {
                "path": request.path,
                "accept": request.META.get("HTTP_ACCEPT"),
                "host": request.META.get("HTTP_HOST"),
                "status": response.status_code,
            }
            with open(path, "a", encoding="utf-8") as f:
                f.write(json.dumps(entry) + "\n")
        return response

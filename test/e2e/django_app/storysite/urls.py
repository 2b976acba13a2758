from django.urls import path

from . import views

urlpatterns = [
    path("", views.index),
    path("health-check/", views.health_check),
]

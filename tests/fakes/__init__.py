"""Test doubles that speak real HTTP on 127.0.0.1. Use the fixtures with `pytest_plugins = ['tests.fakes.plugin']`."""

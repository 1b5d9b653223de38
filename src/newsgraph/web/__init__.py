"""The web app: the dossier's views, search, filters, a JSON API with OpenAPI, and exports."""

from newsgraph.web.app import create_app

__all__ = ["create_app"]

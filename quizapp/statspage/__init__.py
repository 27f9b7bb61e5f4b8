"""The stats page: charts drawn as inline SVG on the server (``charts``), one view (``views``)."""

"""Turn news articles into intelligence-style briefings, published as a site with PDF briefs."""

__version__ = "0.1.0"

"""Turn news articles into intelligence-style briefings, published as a site with PDF briefs."""

__version__ = "0.4.0"
TOOL = f"generator {__version__}"   #: how briefings name the tool that wrote them

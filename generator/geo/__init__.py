"""Geography: the gazetteer of places and the index it is looked up in."""
from .index import Gazetteer, Hit, ensure_index, gazetteer
from .place import Place, km, norm

__all__ = ["Gazetteer", "Hit", "Place", "ensure_index", "gazetteer", "km", "norm"]

"""newsgraph: read the news coverage of a story and get back an evidence-linked account of it."""

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.model import Claim, Document, Entity, Event, Mention, Quantity, Statement, Story, Timex
from newsgraph.notebook import Analyzer, link, load, records
from newsgraph.pipeline import Options, extract_documents
from newsgraph.store import Store

__all__ = [
    "Analyzer",
    "Claim",
    "Document",
    "Entity",
    "Event",
    "InputError",
    "Mention",
    "NewsgraphError",
    "Options",
    "Quantity",
    "Statement",
    "Store",
    "Story",
    "Timex",
    "extract_documents",
    "link",
    "load",
    "records",
]
__version__ = "0.1.0"

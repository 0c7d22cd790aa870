"""NLP: the spaCy model, the per-document context and the pipeline that runs the stages."""

from .context import DocContext, Resources
from .pipeline import Pipeline

__all__ = ["DocContext", "Pipeline", "Resources"]

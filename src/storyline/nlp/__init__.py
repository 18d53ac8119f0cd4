"""storyline's own offline English models: tokenizer, tags, parse, entities, embeddings.

The trained spaCy pipeline ships in ``storyline/nlp/models/en_news`` and is
loaded by :func:`storyline.nlp.pipeline.load_nlp`; nothing is downloaded.
"""

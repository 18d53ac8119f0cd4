from __future__ import annotations

import storyline


def test_public_api_is_pinned() -> None:
    assert sorted(storyline.__all__) == [
        "Article",
        "BriefResult",
        "Cleaned",
        "Cleaner",
        "Dossier",
        "IngestReport",
        "InputRejected",
        "Outcome",
        "Overrides",
        "RawArticle",
        "Rejected",
        "Removal",
        "Settings",
        "SourceBlob",
        "Store",
        "StorylineError",
        "__version__",
        "brief",
        "ingest_sources",
        "load_settings",
    ]
    for name in storyline.__all__:
        assert hasattr(storyline, name)

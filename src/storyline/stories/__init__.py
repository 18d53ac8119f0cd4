"""Stories: articles grouped into stories, and each story's dossier."""

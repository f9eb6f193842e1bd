"""What rectification notices conventionally look like, one subject per module.

The outline, the document-kind guess and the rules all read their vocabulary
from here, so a status word, a label or a team-name form is spelled once.
"""

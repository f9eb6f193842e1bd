"""What rectification notices conventionally look like, one subject per module.

status (vocabulary and labels), counts and numbers, dates (grammar, range joiners, plan words),
markers (heading and enumeration forms), kinds and frame (what a text is, a page's frame, the
supervision block), fingerprint (normalised text and winnowing for copies). The outline, the
document-kind guess and the rules read their vocabulary from here, so each word or form is spelled
once; docs/conventions.md says where each comes from.
"""

"""Read the Bad:/Good: examples out of a rule's docstring.

An example starts on a line "Bad:" or "Good:"; lines after it indented by
two or more spaces continue it, so an example can span several lines.
"""

from __future__ import annotations


def doc_examples(doc: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {"bad": [], "good": []}
    current = None
    for raw in doc.splitlines():
        stripped = raw.strip()
        head = next((k for k in ("Bad:", "Good:") if stripped.startswith(k)), None)
        if head:
            current = found[head[:-1].lower()]
            current.append(stripped[len(head):].strip())
        elif current is not None and raw.startswith("  ") and stripped:
            current[-1] += "\n" + stripped
        else:
            current = None
    return found

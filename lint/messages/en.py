"""English messages (--lang en). Every id of zh.py, with the same placeholders."""

MESSAGES = {
    # broken-date
    "broken-date.glued-pair": "{what}: '{written}' reads as {readings:; }; restore the marks and the joiner",
    "broken-date.one-reading": "{what}: '{written}' should read '{reading}'",
    "broken-date.readings": "{what}: '{written}' could be {readings: or }; check which",
    "broken-date.no-reading": "{what}: '{written}' is no valid date; a range dash may be lost too",
    "broken-date.what.glued": "date lost its 年/月/日",
    "broken-date.what.no-year-mark": "date lost its 月",
    "broken-date.what.year-alone": "year lost its 年",
    "broken-date.what.range-end": "second half of a date range lost its 月 or 日",
    "broken-date.what.glued-pair": "two dates glued together, with 年/月/日 and the joiner lost",
    "broken-date.what.doc-number": "document number lost its 〕",
    "broken-date.what.signature": "date line lost its 年/月/日",
    "broken-date.what.no-day-mark": "date lost its 日",
    "broken-date.what.lost-joiner": "the 至 or dash between two dates was lost",
    # broken-heading-marker
    "broken-heading-marker": "heading marker {what}: '{marker}' should be '{want}'",
    "broken-heading-marker.what.lost-open": "lost its opening bracket",
    "broken-heading-marker.what.lost-close": "lost its closing bracket",
    "broken-heading-marker.what.lost-numeral": "lost its opening bracket and numeral",
    "broken-heading-marker.what.glued": "numeral is glued to the text, its mark lost",
    "broken-heading-marker.what.lost-mark": "lost its 、, colon or brackets",
    # corpus-overlap
    "corpus-overlap": "passage also appears in {path}, line {line} (about {chars} characters)",
    # date-chronology
    "date-chronology.feedback-before-end": "feedback date {feedback} is not after the inspection's end {end}",
    "date-chronology.feedback-after-notice": "feedback date {feedback} is after the notice's date {notice}",
    "date-chronology.done-after-notice": "measure reported as done is dated {written}, after the notice's date {notice}",
    "date-chronology.page-date": "the page's {label} {date} disagrees with the date line {own}",
    # date-range-order
    "date-range-order": "date range '{written}' ends before it starts",
    # date-style
    "date-style.numeric": "in running text write the date as {good}",
    "date-style.padded": "no zero padding in dates: '{written}' should be '{good}'",
    "date-style.chinese-numerals": "write the date in Arabic numerals: '{written}' should be '{good}'",
    "date-style.short-year": "write the year in full: '{written}'",
    # document-number-brackets
    "document-number-brackets": "a document number's year takes 〔〕: '{written}' should be '{good}'",
    # doubled-punctuation
    "doubled-punctuation": "doubled punctuation '{written}'",
    # dunhao-between-titles
    "dunhao-between-titles": "no 顿号 between items in 《》 or “”",
    # duplicate-passage
    "duplicate-passage": "passage repeats line {line} ({chars} characters, {similarity}% similar)",
    # heading-sequence
    "heading-sequence.repeated": "heading number {got} is repeated",
    "heading-sequence.skips": "heading number skips: expected {want}, {missing} missing",
    "heading-sequence.order": "heading number out of order: expected {want}",
    # heading-style
    "heading-style.consistent": "this heading level consistently uses '{marker}'; GB/T 9704 writes '{better}' "
                                "({count} headings, reported once)",
    "heading-style.odd": "heading marker '{marker}' is non-standard; write it like '{better}'",
    "heading-style.mixed-width": "heading brackets mix full width ({full}) and half width ({half})",
    "heading-style.inverted": "heading level inverted: '{marker}' is used below the deeper '{deeper}'",
    # inline-enumeration
    "inline-enumeration.mixed": "enumeration mixes {other} and {this} styles",
    "inline-enumeration.late-start": "enumeration starts at {first}; {missing:, } missing",
    "inline-enumeration.repeated": "enumeration repeats {marker}",
    "inline-enumeration.skips": "enumeration skips from {before} to {after}; {missing:, } missing",
    "inline-enumeration.order": "enumeration goes back from {before} to {after}",
    "inline-enumeration.range": "{first} to {last}",
    # inspection-term
    "inspection-term": "the lead names a {own}组; '{wrong}' here should be '{own}'",
    # invalid-date
    "invalid-date.month": "invalid date '{written}': month must be 1 to 12",
    "invalid-date.day": "invalid date '{written}': month {month} has no day {day}",
    # lost-unit
    "lost-unit.count": "the number {number} lost its unit and full stop",
    "lost-unit.amount": "the amount {number} lost its unit (元 or 万元)",
    # missing-status
    "missing-status": "item {marker} gives no completion status (e.g. 整改结果：已完成整改)",
    # number-arithmetic
    "number-arithmetic.share": "share {share}% disagrees with {part}/{total} (about {actual:.2f}%)",
    "number-arithmetic.parts-exceed": "the parts after 其中 add up to {summed}, more than the total {total}",
    "number-arithmetic.rate": "completion rate {rate}% disagrees with {done}/{total} (about {actual:.1f}%)",
    # numeral-formula
    "numeral-formula": "fixed formula takes Chinese numerals: '{written}' should be '{good}'",
    # paired-punctuation
    "paired-punctuation.more": "{more} more unmatched brackets, quotes or title marks in this paragraph "
                               "(only the first {limit} are listed)",
    "paired-punctuation.unclosed": "'{mark}' has no matching '{close}'",
    "paired-punctuation.unopened": "'{mark}' has no matching '{opener}' before it",
    # personal-data
    "personal-data.id": "resident ID number ({masked}) must not be published",
    "personal-data.card": "bank card number ({masked}) must not be published",
    "personal-data.mobile": "personal mobile number ({masked}) must not be published",
    # placeholder
    "placeholder": "leftover placeholder '{written}'; fill it in",
    # punctuation-width
    "punctuation-width.all-half": "Chinese running text uses half-width '{marks}' throughout ({half} times); "
                                  "use full-width '{wanted}' (reported once)",
    "punctuation-width.half": "half-width '{mark}' in Chinese text; use '{full}'",
    "punctuation-width.mixed": "full-width '{wanted}' ({full}) and half-width '{marks}' ({half}) are mixed; "
                               "use full-width",
    # required-parts
    "required-parts.missing": "missing {parts:; }",
    "required-parts.lead": "the lead does not give {parts:; }",
    "required-parts.malformed": "{what} looks malformed: '{written}'",
    "required-parts.supervision": "the supervision block lacks {parts:; }",
    "required-parts.part.title": "a title",
    "required-parts.part.lead": "a lead (inspection period, team, feedback date)",
    "required-parts.part.sections": "numbered main sections (一、 二、 …)",
    "required-parts.part.supervision": "a public-supervision block (phone, postal address, e-mail)",
    "required-parts.part.signature": "the signature (issuing body)",
    "required-parts.part.date": "the date line (成文日期)",
    "required-parts.part.period": "the inspection period",
    "required-parts.part.team": "the inspection team",
    "required-parts.part.feedback": "the feedback of the findings",
    "required-parts.part.phone": "a phone number",
    "required-parts.part.address": "a postal address",
    "required-parts.part.email": "an e-mail address",
    # status-contradiction
    "status-contradiction": "status says {status} but the measures say '{phrase}'; use 阶段性完成 or 正在整改",
    # summary-counts
    "summary-counts.exceeds": "{done} completed plus {others} in progress exceeds the {total} declared",
    "summary-counts.sum": "status counts add up to {sum}, not the {total} declared",
    "summary-counts.truncated": "completion rate {rate}% truncates {done}/{total}; rounded it is {rounded}%",
    "summary-counts.rate": "completion rate {rate}% disagrees with {done}/{total} (about {actual:.1f}%)",
    "summary-counts.problems": "{declared} problems declared, {listed} listed",
    "summary-counts.aspects": "{declared} aspects declared, {listed} listed",
    "summary-counts.completed": "{declared} declared completed, {listed} items marked completed",
    "summary-counts.partial": "{declared} declared {status}, {listed} items marked so",
    # unknown-status
    "unknown-status": "status '{unknown}' is not in the vocabulary{hint}",
    "unknown-status.hint": "; did you mean {near}",
    # wording rules without a message of their own
    "wording.existence": "avoid '{written}'",
    "wording.substitution": "'{written}' should be '{right}'",
    "wording.consistency": "both '{main}' and '{written}' are used; keep to '{main}'",
    # the engine and the baseline
    "internal.crash": "rule {rule} crashed ({error}); please report this",
    "baseline.stale": "a baseline entry for [{rule}] ({context}) no longer matches; remove it from the baseline",
    # what reporters print around the findings
    "severity.error": "error",
    "severity.warning": "warning",
    "severity.info": "info",
    "severity-heading.error": "Errors",
    "severity-heading.warning": "Warnings",
    "severity-heading.info": "Info",
    "category.date": "date",
    "category.ordinal": "ordinal",
    "category.status": "status",
    "category.structure": "structure",
    "category.duplicate": "duplicate",
    "category.number": "number",
    "category.punctuation": "punctuation",
    "category.placeholder": "placeholder",
    "category.privacy": "privacy",
    "category.wording": "wording",
    "category.internal": "internal",
    "report.suggestion": "suggestion: ",
    "report.see-also": "see also ",
    "report.delete": "(delete)",
    "report.fix": "fix: ",
    "report.category": "category",
    "report.category-heading": "Category",
    "report.total": "Total",
    "report.by-category": "Findings by category",
    "report.title": "rectlint report",
    "report.quote": "'{text}'",
    "report.edits": "{edits:; }",
    "report.more-edits": "{count} more",
    "report.summary": "Found {total} {findings} ({error} errors, {warning} warnings, {info} info): {categories:, }",
    "report.finding": "finding",
    "report.findings": "findings",
    "report.unread": " ({count} inputs could not be linted)",
    "report.nothing": "No findings.",
    "report.nothing-in-what-was-read": "No findings in what was linted",
    "report.with-suggestion": "{message} (suggestion: {suggestion})",
    "report.github-title": "### rectlint: {total} findings",
    "report.html-intro": "{findings} findings in {documents} documents. Hover over or click a marked passage to read its finding.",
    "report.fixable": "[*] {count} fixable with the --fix option.",
    "report.unsafe-fixable": "{count} more fixable with --unsafe-fixes (they change meaning; check each one).",
    "progress": "rectlint: {done}/{total} files ({rate:.0f}/s)",
    "explain.head": "{rule}  (category: {category}, default severity: {severity})",
    "explain.options": "Options (defaults):",
    "explain.choices": "  one of: {choices:, }",
}

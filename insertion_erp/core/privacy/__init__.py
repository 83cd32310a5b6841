"""Law 25: consent and retention.

Pure, as the whole core: no frappe import."""

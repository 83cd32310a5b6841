"""The shop's sales taxes and the GST/QST return's lines.

Pure, as the whole core: no frappe import."""

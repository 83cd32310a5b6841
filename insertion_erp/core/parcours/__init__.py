"""A trainee's parcours: its dates and hours, training levels, shifts at the shop, partners and placements.

Pure, as the whole core: no frappe import."""

"""The Emploi-Québec contract's claims: budget kinds, periods, ceilings and caps.

Pure, as the whole core: no frappe import."""

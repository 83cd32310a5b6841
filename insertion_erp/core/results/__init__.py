"""What the mission gives: the activity's counts and rates, the network's file, the return to government, mission and market.

Pure, as the whole core: no frappe import."""

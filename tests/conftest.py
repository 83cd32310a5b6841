import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Layer 1 runs from a checkout, without installing the app.
if str(REPO) not in sys.path:
	sys.path.insert(0, str(REPO))

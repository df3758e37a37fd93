"""Casualty figures in a sentence ("31 people killed", "hundreds dead")."""
from __future__ import annotations

import re

FIGURE = re.compile(r"(?i)\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\s+"
                     r"(?:\w+\s+){0,3}(?:people\s+)?(?:dead|died|killed|deaths|injured|wounded|casualties|missing)\b")

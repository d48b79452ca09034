"""``python -m shiftplan``: the same as the ``shiftplan`` command."""

import sys

from shiftplan.cli import main

sys.exit(main())

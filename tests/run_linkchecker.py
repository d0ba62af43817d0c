"""Run linkchecker's own command line, keeping the current user.

As root, linkchecker switches to the user ``nobody`` before loading its plugins; where
Python lives under /root (as on CI), ``nobody`` cannot list the plugin folder, so the
AnchorCheck plugin silently never runs. Tests run linkchecker through this wrapper so that
anchors really are checked.
"""

import sys

from linkcheck.command import linkchecker as command

command.drop_privileges = lambda: None

if __name__ == "__main__":
    sys.argv[0] = "linkchecker"
    command.linkchecker()

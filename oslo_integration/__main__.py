import sys

if sys.argv[1:2] == ["start"]:  # the server: none of the command line's own modules in its memory
    from .start import main

    sys.exit(main(sys.argv[2:]))

from .cli import main

sys.exit(main())

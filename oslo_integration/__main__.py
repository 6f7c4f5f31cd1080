import sys

if sys.argv[1:2] == ["start"]:  # the server, as cli.main would start it, but without the command line's modules in its memory
    from .start import main

    sys.exit(main(sys.argv[2:]))

from .cli import main

sys.exit(main())

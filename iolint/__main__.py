from iolint.cli import main

raise SystemExit(main())

"""The `jamsos` command: `jamsos demo-data …` and every other management command by name.

`jamsos NAME args` runs the Django management command NAME (dashes become underscores), so
operators have one entry point for batch jobs without typing manage.py.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print("usage: jamsos COMMAND [ARGS]\n")
        print("commands: rules eval FILE, demo-data, and any manage.py command (jamsos help-all)")
        return
    if args[0] == "rules":
        from jamsos.cli import rules

        sys.exit(rules.main(args[1:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # As manage.py: a checkout works with nothing set; deployments set JAMSOS_ENV=production.
    os.environ.setdefault("JAMSOS_ENV", "demo")
    from django.core.management import execute_from_command_line

    command = "help" if args[0] == "help-all" else args[0].replace("-", "_")
    execute_from_command_line(["jamsos", command, *args[1:]])


if __name__ == "__main__":
    main()

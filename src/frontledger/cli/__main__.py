"""`python -m frontledger.cli ...`: the `frontledger` command."""

from frontledger.cli import main

main()

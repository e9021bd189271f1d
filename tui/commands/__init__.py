"""One module per `newsdesk` subcommand: each adds its parser and runs it."""

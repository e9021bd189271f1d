"""Subscriptions and fetching: the network layer between the app and the archive. Nothing
here draws anything; everything it stores goes through store/."""

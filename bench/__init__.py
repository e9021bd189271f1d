"""Measurements of newsdesk: extraction quality against gold labels, and speed at scale."""

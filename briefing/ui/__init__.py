"""The Textual shell: arranges and shows what the pure core computed. Nothing here parses content."""

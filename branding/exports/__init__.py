"""One module per export format; `branding.export` is the entry point that names them and builds the bundle."""
